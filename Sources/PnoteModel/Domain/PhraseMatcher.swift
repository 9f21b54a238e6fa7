import PnoteSyntax
/// Text folded for matching, with a map back to the original UTF-8 offsets, so that a
/// match can be reported at the words as written.
public struct FoldedText: Sendable {
    public private(set) var scalars: [Unicode.Scalar]
    /// `offsets[i]`: the byte offset (relative to the original string) of folded scalar `i`;
    /// one extra entry for the end.
    public private(set) var offsets: [Int]
    /// Scalar positions where a match may begin: the start, and after every non-word scalar.
    private(set) var wordStarts: [Int]

    public init(_ text: String) {
        if let ascii = text.withUTF8Bytes(FoldedText.foldedASCII) {
            (scalars, offsets, wordStarts) = ascii
            return
        }
        // Other text scalar by scalar; a scalar may fold to several, or to none.
        var scalars: [Unicode.Scalar] = [], offsets: [Int] = [], starts: [Int] = []
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
        starts.reserveCapacity(scalars.count / 2 + 1)  // grown step by step, this was half the cost
        for i in scalars.indices where i == 0 || !FoldedText.isWordScalar(scalars[i - 1]) { starts.append(i) }
        self.scalars = scalars
        self.offsets = offsets
        self.wordStarts = starts
    }

    /// `body` with `text` folded, for a text matched once and dropped (a goal's title, an
    /// indicator's name): ASCII text is folded into scratch space on the stack, with no
    /// arrays made, which were most of the cost of such a match.
    public static func withFolded<R>(_ text: String, _ body: (FoldedBuffers) -> R) -> R {
        text.withUTF8Bytes { bytes in
            guard isASCII(bytes) else { return FoldedText(text).withBuffers(body) }
            let n = bytes.count
            return withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: max(n, 1)) { scalars in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * n + 1) { ints in
                    let offsets = UnsafeMutableBufferPointer(rebasing: ints[0...n])
                    let starts = UnsafeMutableBufferPointer(rebasing: ints[(n + 1)...])
                    let (count, startCount) = writeFoldedASCII(bytes, scalars: scalars, offsets: offsets, starts: starts)
                    return body(FoldedBuffers(scalars: UnsafeBufferPointer(rebasing: scalars[..<count]),
                                              offsets: UnsafeBufferPointer(rebasing: offsets[...count]),
                                              wordStarts: UnsafeBufferPointer(rebasing: starts[..<startCount])))
                }
            }
        }
    }

    /// `body` with this text's columns in place; every match runs on them.
    func withBuffers<R>(_ body: (FoldedBuffers) -> R) -> R {
        scalars.withUnsafeBufferPointer { scalars in
            offsets.withUnsafeBufferPointer { offsets in
                wordStarts.withUnsafeBufferPointer { starts in
                    body(FoldedBuffers(scalars: scalars, offsets: offsets, wordStarts: starts))
                }
            }
        }
    }

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var any: UInt8 = 0
        for b in bytes { any |= b }
        return any < 0x80
    }

    /// ASCII text (most prose and names) folded into new arrays, written in place; nil for
    /// other text.
    private static func foldedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> ([Unicode.Scalar], [Int], [Int])? {
        guard isASCII(bytes) else { return nil }
        let n = bytes.count
        var offsets: [Int] = [], starts: [Int] = []
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: n) { scalars, scalarCount in
            offsets = [Int](unsafeUninitializedCapacity: n + 1) { offsets, offsetCount in
                starts = [Int](unsafeUninitializedCapacity: n) { starts, startCount in
                    (scalarCount, startCount) = writeFoldedASCII(bytes, scalars: scalars, offsets: offsets, starts: starts)
                    offsetCount = scalarCount + 1
                }
            }
        }
        return (scalars, offsets, starts)
    }

    /// Folds ASCII `bytes` with the steps of the scalar path (lowercase, a run of white
    /// space to one space), writing the scalars, their offsets (and the end's) and the word
    /// starts; returns how many scalars and word starts it wrote. Each buffer has room for
    /// the worst case: one scalar per byte.
    private static func writeFoldedASCII(_ bytes: UnsafeBufferPointer<UInt8>, scalars: UnsafeMutableBufferPointer<Unicode.Scalar>,
                                         offsets: UnsafeMutableBufferPointer<Int>, starts: UnsafeMutableBufferPointer<Int>) -> (Int, Int) {
        // Raw pointers: every phrase match folds its text here, and the checked, enumerated
        // loop took 35 instructions a byte.
        guard let input = bytes.baseAddress, let scalarOut = scalars.baseAddress, let offsetOut = offsets.baseAddress,
              let startOut = starts.baseAddress else {
            if let end = offsets.baseAddress { end.initialize(to: 0) }
            return (0, 0)
        }
        var count = 0, startCount = 0
        var previousIsWord = false, previousIsSpace = false
        for byte in 0..<bytes.count {
            let b = input[byte]
            let isSpace = b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
            if isSpace && previousIsSpace { continue }  // one space per run
            let folded: UInt8 = isSpace ? 0x20 : b.lowercasedASCII
            if !previousIsWord { startOut[startCount] = count; startCount += 1 }
            previousIsWord = FoldedText.isASCIIWordScalar(folded)
            previousIsSpace = isSpace
            (scalarOut + count).initialize(to: Unicode.Scalar(folded))
            (offsetOut + count).initialize(to: byte)
            count += 1
        }
        (offsetOut + count).initialize(to: bytes.count)
        return (count, startCount)
    }

    /// `isWordScalar` of an ASCII scalar: a letter or a digit.
    @inline(__always)
    static func isASCIIWordScalar(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
    }

    /// The text of `range` in `source`, folded, with offsets into the source's bytes
    /// (relative to `range.start`), so that a match is a range of the note. The text has
    /// invalid UTF-8 as U+FFFD, three bytes where the source has one to three: offsets into
    /// the text alone would drift past such bytes, and out of the note (the fuzzer found
    /// a goal whose title ran over the end of its note).
    public init(_ source: SourceText, _ range: TextRange) {
        let text = source.text(range)
        self.init(text)
        // Replacements only grow: a text as long as its bytes has none that moved anything.
        guard text.utf8.count != range.length else { return }
        // Where each scalar of the text starts, in the text and in the source, as String
        // decodes (one U+FFFD per maximal invalid subpart).
        var textStarts: [Int] = [], sourceStarts: [Int] = []
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = source.bytes[range.start..<range.end].makeIterator()
        var inText = 0, inSource = 0
        decoding: while true {
            textStarts.append(inText)
            sourceStarts.append(inSource)
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): inText += encoded.count; inSource += encoded.count
            case .error(let length): inText += 3; inSource += length
            case .emptyInput: break decoding
            }
        }
        // Offsets rise, and each is a scalar start (or the end) of the text.
        var k = 0
        for i in offsets.indices {
            while k + 1 < textStarts.count && textStarts[k] < offsets[i] { k += 1 }
            offsets[i] = sourceStarts[k]
        }
    }

    public var string: String { String(String.UnicodeScalarView(scalars)) }

    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return isASCIIWordScalar(UInt8(v)) }
        return s.properties.isAlphabetic
    }

    /// Whole-word occurrences of `phrase` (already folded), as original byte ranges
    /// relative to the start of the text.
    public func occurrences(of phrase: String) -> [Range<Int>] { withBuffers { $0.occurrences(of: phrase) } }

    /// Whether `phrase` (folded) occurs as whole words.
    public func contains(_ phrase: String) -> Bool { withBuffers { $0.contains(phrase) } }

    /// The first whole-word occurrence of `phrase` (folded).
    public func firstRange(of phrase: String) -> Range<Int>? { withBuffers { $0.firstRange(of: phrase) } }

    /// Whether the text starts with `phrase` as whole words.
    public func starts(with phrase: String) -> Bool { firstRange(of: phrase)?.lowerBound == 0 }

    /// See `FoldedBuffers.firstOccurrence(of:)`.
    public func firstOccurrence(of set: PhraseSet) -> (phrase: String, range: Range<Int>)? {
        withBuffers { $0.firstOccurrence(of: set) }
    }

    /// See `FoldedBuffers.firstListedOccurring(_:)`.
    public func firstListedOccurring(_ set: PhraseSet) -> Int? { withBuffers { $0.firstListedOccurring(set) } }

    /// Whether any phrase of `set` occurs as whole words.
    public func containsAny(of set: PhraseSet) -> Bool { firstOccurrence(of: set) != nil }
}

/// A folded text's columns in place (`FoldedText`'s arrays, or scratch space): the one
/// implementation of matching.
public struct FoldedBuffers {
    let scalars: UnsafeBufferPointer<Unicode.Scalar>
    let offsets: UnsafeBufferPointer<Int>
    let wordStarts: UnsafeBufferPointer<Int>

    func occurrences(of phrase: String) -> [Range<Int>] {
        var out: [Range<Int>] = []
        forEachOccurrence(of: phrase) { out.append($0); return true }
        return out
    }

    func contains(_ phrase: String) -> Bool {
        var found = false
        forEachOccurrence(of: phrase) { _ in found = true; return false }
        return found
    }

    func firstRange(of phrase: String) -> Range<Int>? {
        var first: Range<Int>?
        forEachOccurrence(of: phrase) { first = $0; return false }
        return first
    }

    /// The first occurrence of any phrase of `set`, in one pass over the text: at the first
    /// word start where any phrase matches, the longest match (the first in the list on a
    /// tie).
    public func firstOccurrence(of set: PhraseSet) -> (phrase: String, range: Range<Int>)? {
        for i in wordStarts where set.mayStart(scalars[i], i + 1 < scalars.count ? scalars[i + 1] : nil) {
            // By place in the set's flat lists: no phrase is copied out (a retain and a
            // release of its text and scalars each) until the one found.
            var best: (phrase: Int, range: Range<Int>)?
            for k in set.phrases(startingWith: scalars[i]) {
                guard let end = wholeWordMatch(set.scalars(ofPhrase: k), at: i) else { continue }
                let range = offsets[i]..<offsets[end]
                if best == nil || range.count > best!.range.count { best = (k, range) }
            }
            if let best { return (set.text(ofPhrase: best.phrase), best.range) }
        }
        return nil
    }

    /// Whether any phrase of `set` occurs as whole words.
    public func containsAny(of set: PhraseSet) -> Bool { firstOccurrence(of: set) != nil }

    /// The smallest position in the list `set` was made from of a phrase that occurs as
    /// whole words, wherever in the text: every phrase in one pass over the text.
    public func firstListedOccurring(_ set: PhraseSet) -> Int? {
        var best: Int?
        for i in wordStarts where set.mayStart(scalars[i], i + 1 < scalars.count ? scalars[i + 1] : nil) {
            for k in set.phrases(startingWith: scalars[i]) where best.map({ set.listIndex(ofPhrase: k) < $0 }) ?? true {
                if wholeWordMatch(set.scalars(ofPhrase: k), at: i) != nil { best = set.listIndex(ofPhrase: k) }
            }
        }
        return best
    }

    /// Calls `body` with each non-overlapping whole-word occurrence, in order, until it
    /// returns false. Hot (lexicon, vocabulary, vague verbs): candidates are only the word
    /// starts whose first scalar matches, and the phrase is not copied.
    private func forEachOccurrence(of phrase: String, _ body: (Range<Int>) -> Bool) {
        guard let first = phrase.unicodeScalars.first else { return }
        var next = 0
        for i in wordStarts where i >= next && scalars[i] == first {
            guard let end = wholeWordMatch(phrase.unicodeScalars, at: i) else { continue }
            if !body(offsets[i]..<offsets[end]) { return }
            next = end
        }
    }

    /// The end of `phrase` matched at scalar `i`, when it ends on a word boundary (or with
    /// a non-word scalar), else nil.
    private func wholeWordMatch(_ phrase: some Sequence<Unicode.Scalar>, at i: Int) -> Int? {
        var k = i
        var last: Unicode.Scalar = " "
        for s in phrase {
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
///
/// Kept flat, in lists of plain numbers a match reads in place: the phrases grouped by
/// first scalar, each group in list order, as places into `allScalars`. A list of phrase
/// structs was copied out per word start and per phrase (PN307's direction words were a
/// fifth of the rule in retains and releases).
public final class PhraseSet: @unchecked Sendable {  // unchecked: `allScalars` is a buffer it owns, written in `init` only
    /// Where a phrase's scalars are in `allScalars`, and its position in the list the set
    /// was made from.
    private struct Phrase: Sendable {
        let start: Int32
        let count: Int32
        let listIndex: Int32
    }

    /// How many phrases the set was made from.
    public let count: Int

    private let texts: [String]
    /// Owned by the set (made in `init`, freed in `deinit`): matching reads a phrase's
    /// scalars as a slice of it, with nothing retained.
    private let allScalars: UnsafeBufferPointer<Unicode.Scalar>
    /// The phrases, grouped by first scalar.
    private let phrases: [Phrase]
    /// Each ASCII first scalar's group in `phrases` (every word start of a text is looked
    /// up here), and a dictionary for the others.
    private let byASCIIFirstScalar: [Range<Int>]
    private let byOtherFirstScalar: [Unicode.Scalar: Range<Int>]
    /// Bit `128 × first + second` is set when a phrase begins with those two ASCII scalars
    /// (a second one that is not ASCII counts as 127); a phrase of one scalar sets all 128
    /// bits of its first. Most words of a text begin no phrase, and this says so without a
    /// look at the phrases (fetching their list was most of the cost of a match).
    private let asciiPairs: [UInt64]

    /// `phrases` must be folded (`Folding.fold`); empty ones never match.
    public init(_ phrases: [String]) {
        var ascii = Array(repeating: [Int](), count: 128)
        var other: [Unicode.Scalar: [Int]] = [:]
        var pairs = Array(repeating: UInt64(0), count: 128 * 128 / 64)
        var allScalars: [Unicode.Scalar] = []
        var places: [(start: Int, count: Int)] = []
        for (index, text) in phrases.enumerated() {
            let scalars = Array(text.unicodeScalars)
            places.append((allScalars.count, scalars.count))
            allScalars += scalars
            guard let first = scalars.first else { continue }
            if first.value < 128 { ascii[Int(first.value)].append(index) } else { other[first, default: []].append(index) }
            guard first.value < 128 else { continue }
            if scalars.count == 1 {
                for second in 0..<128 { PhraseSet.set(&pairs, Int(first.value), second) }
            } else {
                PhraseSet.set(&pairs, Int(first.value), Int(min(scalars[1].value, 127)))
            }
        }
        // The groups one after the other: ASCII first scalars in order, then the others.
        var grouped: [Phrase] = []
        func group(_ members: [Int]) -> Range<Int> {
            let start = grouped.count
            for index in members {
                grouped.append(Phrase(start: Int32(places[index].start), count: Int32(places[index].count), listIndex: Int32(index)))
            }
            return start..<grouped.count
        }
        byASCIIFirstScalar = ascii.map(group)
        byOtherFirstScalar = other.mapValues(group)
        self.phrases = grouped
        let owned = UnsafeMutableBufferPointer<Unicode.Scalar>.allocate(capacity: allScalars.count)
        _ = owned.initialize(from: allScalars)
        self.allScalars = UnsafeBufferPointer(owned)
        texts = phrases
        asciiPairs = pairs
        count = phrases.count
    }

    private static func set(_ pairs: inout [UInt64], _ first: Int, _ second: Int) {
        let bit = first * 128 + second
        pairs[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    /// False when no phrase can begin with `first` followed by `second` (nil: the text ends).
    @inline(__always)
    func mayStart(_ first: Unicode.Scalar, _ second: Unicode.Scalar?) -> Bool {
        guard first.value < 128 else { return true }
        // A text that ends after `first` matches phrases of one scalar only: those set every
        // bit of their first, 0 among them.
        let bit = Int(first.value) * 128 + Int(min(second?.value ?? 0, 127))
        return asciiPairs[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// The places (for `scalars(ofPhrase:)` and the others) of the phrases that begin
    /// with `first`, in list order.
    func phrases(startingWith first: Unicode.Scalar) -> Range<Int> {
        first.value < 128 ? byASCIIFirstScalar[Int(first.value)] : byOtherFirstScalar[first] ?? 0..<0
    }

    deinit { allScalars.deallocate() }

    /// Valid while the set lives (the caller holds it).
    func scalars(ofPhrase k: Int) -> Slice<UnsafeBufferPointer<Unicode.Scalar>> {
        let phrase = phrases[k]
        return allScalars[Int(phrase.start)..<Int(phrase.start + phrase.count)]
    }

    func text(ofPhrase k: Int) -> String { texts[Int(phrases[k].listIndex)] }

    func listIndex(ofPhrase k: Int) -> Int { Int(phrases[k].listIndex) }
}
