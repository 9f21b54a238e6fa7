import Foundation
import PnoteSyntax

/// Case and diacritic folding (`Geïndiceerd` → `geindiceerd`), slugs, and edit distance.
/// Every keyword, field name and value word of the format is matched on folded text.
public enum Folding {
    /// Base letters (lowercase ASCII) of the precomposed Latin letters U+00C0…U+017F,
    /// indexed by `value - 0xC0`; 0 where a letter has no ASCII base. Computed once.
    private static let latinBase: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 0x180 - 0xC0)
        for value in UInt32(0xC0)...UInt32(0x17F) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
            if let base = decomposed.first, base.value < 0x80 {
                table[Int(value) - 0xC0] = UInt8(base.value).lowercasedASCII
            }
        }
        table[0xDF - 0xC0] = UInt8(ascii: "s")  // ß
        return table
    }()

    /// What one scalar folds to. Hot: every keyword, value and prose match goes through it,
    /// so ASCII and Latin letters take a table path and only other scripts allocate.
    enum ScalarFold {
        case space
        case dropped
        case ascii(UInt8)
        case other(String)
    }

    @inline(__always)
    static func fold(scalar: Unicode.Scalar) -> ScalarFold {
        let v = scalar.value
        if v < 0x80 {
            if v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0D { return .space }
            return .ascii(UInt8(v).lowercasedASCII)
        }
        if v == 0xA0 { return .space }
        if v >= 0xC0 && v < 0x180 {
            let base = latinBase[Int(v) - 0xC0]
            if base != 0 { return .ascii(base) }
        }
        if v >= 0x300 && v <= 0x36F { return .dropped }  // combining marks
        return .other(String(scalar).lowercased())
    }

    /// Lowercase, without diacritics, runs of white space folded to one space, trimmed.
    public static func fold(_ text: some StringProtocol) -> String {
        // Text that is folded already (ids, most values) comes back as it is, unallocated.
        if let text = text as? String, isFoldedASCII(text) { return text }
        // ASCII text is folded straight into the new string's storage, with no byte array
        // between (titles: every block's is folded when it is built).
        if let folded = text.utf8.withContiguousStorageIfAvailable(foldedASCIIString), let folded { return folded }
        return String(decoding: foldedBytes(text), as: UTF8.self)
    }

    /// `fold` of ASCII bytes (nil if any is not ASCII): the steps of `foldedBytes`, byte by byte.
    private static func foldedASCIIString(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        for b in bytes where b >= 0x80 { return nil }
        return String(unsafeUninitializedCapacity: bytes.count) { out in
            var n = 0
            var pendingSpace = false
            for b in bytes {
                if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                    pendingSpace = n > 0
                } else {
                    if pendingSpace { out[n] = 0x20; n += 1; pendingSpace = false }
                    out[n] = b.lowercasedASCII
                    n += 1
                }
            }
            return n
        }
    }

    /// Whether folding would leave `text` as it is: ASCII without capitals, white space
    /// other than single inner spaces.
    private static func isFoldedASCII(_ text: String) -> Bool {
        text.withUTF8Bytes { bytes in
            var previous: UInt8 = 0x20  // so a leading space counts as a run
            for b in bytes {
                if b >= 0x80 || (b >= 0x41 && b <= 0x5A) || b == 0x09 || b == 0x0A || b == 0x0D { return false }
                if b == 0x20 && previous == 0x20 { return false }
                previous = b
            }
            return previous != 0x20 || bytes.isEmpty
        }
    }

    /// `fold`, as UTF-8 bytes.
    static func foldedBytes(_ text: some StringProtocol) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            switch fold(scalar: scalar) {
            case .space:
                pendingSpace = !out.isEmpty
            case .dropped:
                continue
            case .ascii(let byte):
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(byte)
            case .other(let folded):
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(contentsOf: folded.utf8)
            }
        }
        return out
    }

    /// The id slug of a title (section 4): lowercase, no diacritics, runs of characters
    /// other than a–z and 0–9 become `-`, no leading or trailing `-`.
    public static func slug(_ title: some StringProtocol) -> String {
        // ASCII titles are slugged straight into the new string's storage.
        if let slug = title.utf8.withContiguousStorageIfAvailable(asciiSlug), let slug { return slug }
        var out: [UInt8] = []
        var dash = false
        // Bytes of the folded text: those of other scripts are ≥ 0x80, so they make dashes
        // exactly as their scalars would.
        for b in foldedBytes(title) {
            if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                if dash && !out.isEmpty { out.append(0x2D) }
                dash = false
                out.append(b)
            } else {
                dash = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `slug` of ASCII bytes (nil if any is not ASCII), folding as `foldedBytes` does.
    private static func asciiSlug(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        for b in bytes where b >= 0x80 { return nil }
        return String(unsafeUninitializedCapacity: bytes.count) { out in
            var n = 0
            var dash = false
            for b in bytes {
                let c = b.lowercasedASCII
                if (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) {
                    if dash && n > 0 { out[n] = 0x2D; n += 1 }
                    dash = false
                    out[n] = c
                    n += 1
                } else {
                    dash = true
                }
            }
            return n
        }
    }

    /// Optimal-string-alignment distance (Damerau–Levenshtein with adjacent swaps).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var d = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[x.count][y.count]
    }

    /// The candidate nearest to `word` (both folded), if it is close enough to be a typo:
    /// at most one edit for words of up to five letters, two for longer ones.
    public static func nearest(to word: String, in candidates: [String]) -> String? {
        nearest(toFolded: fold(word), in: candidates.map { (candidate: $0, folded: fold($0)) })
    }

    /// `nearest(to:in:)` with the word and the candidates folded already: a note's ids are
    /// (`Block.foldedID`), and a large note has many.
    public static func nearest(toFolded word: String, in candidates: [(candidate: String, folded: String)]) -> String? {
        let length = word.unicodeScalars.count
        var best: (candidate: String, folded: String, distance: Int)?
        for (candidate, folded) in candidates {
            // More than two scalars longer or shorter: at least three edits away, more than
            // any typo allowed below, so it can be neither the answer nor closer than one.
            guard abs(folded.unicodeScalars.count - length) <= 2 else { continue }
            let distance = editDistance(word, folded)
            if distance < (best?.distance ?? Int.max) { best = (candidate, folded, distance) }
            if distance == 0 { break }  // the word is a candidate: no suggestion
        }
        guard let best, best.distance > 0 else { return nil }
        let allowed = best.folded.count <= 5 ? 1 : 2
        return best.distance <= allowed ? best.candidate : nil
    }
}

extension UInt8 {
    var lowercasedASCII: UInt8 { self >= 0x41 && self <= 0x5A ? self | 0x20 : self }
}
