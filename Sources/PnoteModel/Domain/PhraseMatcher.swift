/// Text folded for matching, with a map back to the original UTF-8 offsets, so that a
/// match can be reported at the words as written.
public struct FoldedText: Sendable {
    public let scalars: [Unicode.Scalar]
    /// `offsets[i]`: the byte offset (relative to the original string) of folded scalar `i`;
    /// one extra entry for the end.
    public let offsets: [Int]

    public init(_ text: String) {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        var byte = 0
        for scalar in text.unicodeScalars {
            let width = String(scalar).utf8.count
            for folded in Folding.fold(String(scalar)).unicodeScalars {
                scalars.append(folded)
                offsets.append(byte)
            }
            if Folding.fold(String(scalar)).isEmpty, scalar == " " || scalar == "\t" || scalar == "\n" {
                if scalars.last != " " { scalars.append(" "); offsets.append(byte) }
            }
            byte += width
        }
        offsets.append(byte)
        self.scalars = scalars
        self.offsets = offsets
    }

    public var string: String { String(String.UnicodeScalarView(scalars)) }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || (s.value >= 0x30 && s.value <= 0x39)
    }

    /// Whole-word occurrences of `phrase` (already folded), as original byte ranges
    /// relative to the start of the text.
    public func occurrences(of phrase: String) -> [Range<Int>] {
        let p = Array(phrase.unicodeScalars)
        guard !p.isEmpty, p.count <= scalars.count else { return [] }
        var out: [Range<Int>] = []
        var i = 0
        while i + p.count <= scalars.count {
            if scalars[i] == p[0], (i == 0 || !FoldedText.isWordScalar(scalars[i - 1])) {
                var k = 1
                while k < p.count && scalars[i + k] == p[k] { k += 1 }
                let end = i + p.count
                if k == p.count && (end == scalars.count || !FoldedText.isWordScalar(scalars[end]) || !FoldedText.isWordScalar(p[p.count - 1])) {
                    out.append(offsets[i]..<offsets[end])
                    i = end
                    continue
                }
            }
            i += 1
        }
        return out
    }

    /// Whether the text starts with `phrase` as whole words.
    public func starts(with phrase: String) -> Bool {
        occurrences(of: phrase).first?.lowerBound == 0
    }

    /// The first occurrence of any of `phrases`, earliest in the text (longest on a tie).
    public func firstOccurrence(of phrases: [String]) -> (phrase: String, range: Range<Int>)? {
        var best: (String, Range<Int>)?
        for phrase in phrases {
            guard let r = occurrences(of: phrase).first else { continue }
            if best == nil || r.lowerBound < best!.1.lowerBound
                || (r.lowerBound == best!.1.lowerBound && r.count > best!.1.count) { best = (phrase, r) }
        }
        return best
    }
}
