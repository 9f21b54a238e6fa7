import Foundation

/// The word lists of the goal rules (PN306, PN307), from `Data/vocabulary.json`.
public struct Vocabulary: Sendable, Decodable {
    /// Each list folded, as matched.
    public let vagueVerbs: PhraseSet
    public let lessWords: PhraseSet
    public let moreWords: PhraseSet

    private enum CodingKeys: String, CodingKey { case vagueVerbs, lessWords, moreWords }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func list(_ key: CodingKeys) throws -> PhraseSet { PhraseSet(try c.decode([String].self, forKey: key).map(Folding.fold)) }
        vagueVerbs = try list(.vagueVerbs)
        lessWords = try list(.lessWords)
        moreWords = try list(.moreWords)
    }

    public static let standard: Vocabulary = DataFiles.decode("vocabulary.json")

    public enum Direction: Sendable { case less, more }

    /// What the text says it wants: fewer or more. Nil when it says neither, or both.
    public func direction(of text: String) -> Direction? {
        // The sets, not `self`, go into the closure: a captured struct was copied per use.
        let (lessWords, moreWords) = (self.lessWords, self.moreWords)
        return FoldedText.withFolded(text) { folded in
            let less = folded.containsAny(of: lessWords)
            let more = folded.containsAny(of: moreWords)
            if less == more { return nil }
            return less ? .less : .more
        }
    }
}

/// The evidence levels of section 6.5, from `Data/evidence.json`.
public struct EvidenceLevels: Sendable, Decodable {
    public struct Level: Sendable, Decodable {
        public var nl: String
        public var en: String
        public var synonyms: [String]
    }

    public let prefixes: [String]
    public let levels: [Level]
    /// Per level, its spellings folded: folded once, not per measure.
    private let foldedSpellings: [[String]]

    /// Readings of texts already read: every measure has an `onderbouwing`, and notes
    /// repeat the few ratings there are. Short texts only, as `FieldReadCache`.
    private let readings = BoundedCache<HashedText, Reading>(capacity: 2_000)

    private enum CodingKeys: String, CodingKey { case prefixes, levels }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        prefixes = try c.decode([String].self, forKey: .prefixes)
        levels = try c.decode([Level].self, forKey: .levels)
        foldedSpellings = EvidenceLevels.foldedSpellings(of: levels)
    }

    private static func foldedSpellings(of levels: [Level]) -> [[String]] {
        levels.map { ([$0.nl, $0.en] + $0.synonyms).map(Folding.fold) }
    }

    public static let standard: EvidenceLevels = DataFiles.decode("evidence.json")

    public enum Reading: Sendable, Equatable {
        /// Not a claimed rating: a free reference (business case, MKBA, study).
        case freeReference
        case recognised(level: Int)
        /// `erkend:` followed by something that is no level; the nearest level, if any.
        case unknownLevel(claimed: String, nearest: String?)
    }

    public func read(_ text: String) -> Reading {
        guard text.utf8.count <= FieldReadCache.maximumTextBytes else { return reading(of: text) }
        return readings.value(for: HashedText(text)) { reading(of: text) }
    }

    private func reading(of text: String) -> Reading {
        let folded = Folding.fold(text)
        guard let prefix = prefixes.first(where: { folded.hasPrefix($0) }) else { return .freeReference }
        var rest = Substring(folded.dropFirst(prefix.count))
        rest = rest.drop { $0 == ":" || $0 == " " || $0 == "-" || $0 == "–" || $0 == "," }
        while let first = rest.first, first == " " || first == "." { rest = rest.dropFirst() }
        while let last = rest.last, last == " " || last == "." { rest = rest.dropLast() }
        let claimed = String(rest)
        for (i, spellings) in foldedSpellings.enumerated() where spellings.contains(where: { claimed.hasPrefix($0) }) {
            return .recognised(level: i)
        }
        let names = levels.flatMap { [$0.nl, $0.en] }
        let nearest = names.min { Folding.editDistance(claimed, Folding.fold($0)) < Folding.editDistance(claimed, Folding.fold($1)) }
        let close = nearest.map { Folding.editDistance(claimed, Folding.fold($0)) <= max(3, $0.count / 4) } ?? false
        return .unknownLevel(claimed: claimed, nearest: close ? nearest : nil)
    }
}

/// The official BBV policy indicators of section 6.6, from `Data/official-indicators.json`.
public struct OfficialIndicators: Sendable, Decodable {
    public struct Indicator: Sendable, Decodable {
        public var name: String
        public var unit: String
        public var base: Int?
        public var unitText: String
        public var definition: String

        /// Whether a baseline or target in `unit` is in this indicator's unit.
        public func matches(_ unit: ValueUnit) -> Bool {
            switch unit {
            case .percent: self.unit == "percent"
            case .rate(let b, _): self.unit == "rate" && b == base
            case .count: false
            }
        }
    }

    public let indicators: [Indicator]
    /// Folded names, longest first, with the indicator's position: sorted once, not per call.
    private let searchOrder: [(name: String, indicator: Int)]
    /// The names of `searchOrder`, in its order, for matching them all in one pass.
    private let names: PhraseSet

    private enum CodingKeys: String, CodingKey { case indicators }

    public init(from decoder: any Decoder) throws {
        indicators = try decoder.container(keyedBy: CodingKeys.self).decode([Indicator].self, forKey: .indicators)
        searchOrder = OfficialIndicators.searchOrder(of: indicators)
        names = PhraseSet(searchOrder.map(\.name))
    }

    private static func searchOrder(of indicators: [Indicator]) -> [(name: String, indicator: Int)] {
        indicators.enumerated().sorted { $0.element.name.count > $1.element.name.count }.map { (Folding.fold($0.element.name), $0.offset) }
    }

    public static let standard: OfficialIndicators = DataFiles.decode("official-indicators.json")

    /// The official indicator the text names, if any (longest name first).
    public func named(in text: String) -> Indicator? {
        // The first in search order (the longest name), without a flag per name. The set is
        // lent, not retained: the standard list is shared by every core, and two retains and
        // releases of it per indicator made its count travel between them.
        let first = FoldedText.withFolded(text) { [unowned(unsafe) names] in $0.firstListedOccurring(names) }  // `self` holds it
        return first.map { indicators[searchOrder[$0].indicator] }
    }
}
