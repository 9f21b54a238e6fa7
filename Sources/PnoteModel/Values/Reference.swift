import Foundation

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
            guard let base = b.baseAddress else { return false }
            var at = 0
            // From `#` to `#` with `memchr`: a note has one or two per heading and reference.
            while at < b.count, let found = memchr(base + at, 0x23, b.count - at) {
                let i = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if i >= 6 && b[i - 6] == 0x2E && b[i - 5] | 0x20 == 0x70 && b[i - 4] | 0x20 == 0x6E && b[i - 3] | 0x20 == 0x6F
                    && b[i - 2] | 0x20 == 0x74 && b[i - 1] | 0x20 == 0x65 { return true }  // ".pnote" in any case
                at = i + 1
            }
            return false
        }
    }
}
