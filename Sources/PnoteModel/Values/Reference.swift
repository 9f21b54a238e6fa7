/// A reference written in a field (section 5): `#id`, a block title, or `file.pnote#id`.
public struct ReferenceText: Sendable, Hashable {
    public enum Target: Sendable, Hashable {
        case id(String)
        case title(String)
        case external(path: String, id: String)
    }

    public var written: String
    public var target: Target

    public static func parse(_ text: String) -> ReferenceText {
        let written = text.trimmingSpaces
        if written.hasPrefix("#") {
            return ReferenceText(written: written, target: .id(String(written.dropFirst()).trimmingSpaces))
        }
        if let hash = written.firstIndex(of: "#"), written[..<hash].lowercased().hasSuffix(".pnote") {
            return ReferenceText(written: written, target: .external(path: String(written[..<hash]),
                                                                     id: String(written[written.index(after: hash)...])))
        }
        return ReferenceText(written: written, target: .title(written))
    }
}
