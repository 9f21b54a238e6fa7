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

extension ReferenceText {
    /// Whether a note's bytes may hold a reference to another note: false means no
    /// `file.pnote#id` can be read from them. Looks for `.pnote#` in any case, where
    /// `parse` needs it in front of a reference's first `#`, so it errs only towards true.
    public static func mayNameAnotherNote(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            let lower: [UInt8] = Array(".pnote".utf8)
            var i = 6
            while i < b.count {
                // `#` is rare enough that a byte-by-byte look is cheap beside parsing.
                if b[i] == 0x23 {
                    var k = 0
                    while k < 6 && (b[i - 6 + k] | (k == 0 ? 0 : 0x20)) == lower[k] { k += 1 }
                    if k == 6 { return true }
                }
                i += 1
            }
            return false
        }
    }
}
