/// Text folded for matching, with a map back to the original UTF-8 offsets, so that a
/// match can be reported at the words as written.
public struct FoldedText: Sendable {
    public let scalars: [Unicode.Scalar]
    /// `offsets[i]`: the byte offset (relative to the original string) of folded scalar `i`;
    /// one extra entry for the end.
    public let offsets: [Int]
    /// Scalar positions where a match may begin: the start, and after every non-word scalar.
    private let wordStarts: [Int]

    public init(_ text: String) {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        scalars.reserveCapacity(text.utf8.count)
        offsets.reserveCapacity(text.utf8.count + 1)
        var byte = 0
        for scalar in text.unicodeScalars {
            switch Folding.fold(scalar: scalar) {
            case .space:
                if scalars.last != " " { scalars.append(" "); offsets.append(byte) }
            case .dropped:
                break
            case .ascii(let folded):
                scalars.append(Unicode.Scalar(folded))
                offsets.append(byte)
            case .other(let folded):
                for s in folded.unicodeScalars {
                    scalars.append(s)
                    offsets.append(byte)
                }
            }
            byte += UTF8.width(scalar)
        }
        offsets.append(byte)
        var starts: [Int] = []
        for i in scalars.indices where i == 0 || !FoldedText.isWordScalar(scalars[i - 1]) { starts.append(i) }
        self.scalars = scalars
        self.offsets = offsets
        self.wordStarts = starts
    }

    public var string: String { String(String.UnicodeScalarView(scalars)) }

    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) }
        return s.properties.isAlphabetic
    }

    /// Whole-word occurrences of `phrase` (already folded), as original byte ranges
    /// relative to the start of the text.
    public func occurrences(of phrase: String) -> [Range<Int>] {
        var out: [Range<Int>] = []
        forEachOccurrence(of: phrase) { out.append($0); return true }
        return out
    }

    /// Whether `phrase` (folded) occurs as whole words.
    public func contains(_ phrase: String) -> Bool {
        var found = false
        forEachOccurrence(of: phrase) { _ in found = true; return false }
        return found
    }

    /// The first whole-word occurrence of `phrase` (folded).
    public func firstRange(of phrase: String) -> Range<Int>? {
        var first: Range<Int>?
        forEachOccurrence(of: phrase) { first = $0; return false }
        return first
    }

    /// Whether the text starts with `phrase` as whole words.
    public func starts(with phrase: String) -> Bool {
        firstRange(of: phrase)?.lowerBound == 0
    }

    /// The first occurrence of any phrase of `set`, in one pass over the text: at the first
    /// word start where any phrase matches, the longest match (the first in the list on a
    /// tie).
    public func firstOccurrence(of set: PhraseSet) -> (phrase: String, range: Range<Int>)? {
        for i in wordStarts {
            guard let candidates = set.byFirstScalar[scalars[i]] else { continue }
            var best: (String, Range<Int>)?
            for phrase in candidates {
                guard let end = wholeWordMatch(phrase, at: i) else { continue }
                let range = offsets[i]..<offsets[end]
                if best == nil || range.count > best!.1.count { best = (phrase, range) }
            }
            if let best { return best }
        }
        return nil
    }

    /// Whether any phrase of `set` occurs as whole words.
    public func containsAny(of set: PhraseSet) -> Bool { firstOccurrence(of: set) != nil }

    /// Calls `body` with each non-overlapping whole-word occurrence, in order, until it
    /// returns false. Hot (lexicon, vocabulary, vague verbs): candidates are only the word
    /// starts whose first scalar matches, and the phrase is not copied.
    private func forEachOccurrence(of phrase: String, _ body: (Range<Int>) -> Bool) {
        guard let first = phrase.unicodeScalars.first else { return }
        var next = 0
        for i in wordStarts where i >= next && scalars[i] == first {
            guard let end = wholeWordMatch(phrase, at: i) else { continue }
            if !body(offsets[i]..<offsets[end]) { return }
            next = end
        }
    }

    /// The end of `phrase` matched at scalar `i`, when it ends on a word boundary (or with
    /// a non-word scalar), else nil.
    private func wholeWordMatch(_ phrase: String, at i: Int) -> Int? {
        var k = i
        var last: Unicode.Scalar = " "
        for s in phrase.unicodeScalars {
            guard k < scalars.count, scalars[k] == s else { return nil }
            last = s
            k += 1
        }
        if k == scalars.count || !FoldedText.isWordScalar(scalars[k]) || !FoldedText.isWordScalar(last) { return k }
        return nil
    }
}

/// Folded phrases grouped by their first scalar, for matching a whole list against a text
/// in one pass (`FoldedText.firstOccurrence(of:)`).
public struct PhraseSet: Sendable {
    /// First scalar → the phrases starting with it, in list order.
    let byFirstScalar: [Unicode.Scalar: [String]]

    /// `phrases` must be folded (`Folding.fold`); empty ones never match.
    public init(_ phrases: [String]) {
        var groups: [Unicode.Scalar: [String]] = [:]
        for phrase in phrases {
            guard let first = phrase.unicodeScalars.first else { continue }
            groups[first, default: []].append(phrase)
        }
        byFirstScalar = groups
    }
}
