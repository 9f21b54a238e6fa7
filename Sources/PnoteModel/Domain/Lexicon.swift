/// The class of a target group (section 6.2): what defines membership.
public enum TargetGroupClass: String, Sendable, Codable, CaseIterable, Comparable {
    case population, riskFactor, earlySigns, diagnosis

    /// Broad to narrow: when a text matches several classes, the narrowest decides.
    public static func < (a: TargetGroupClass, b: TargetGroupClass) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    public var name: Localized {
        switch self {
        case .population: Localized(nl: "de hele bevolking", en: "the whole population")
        case .riskFactor: Localized(nl: "een risicofactor", en: "a risk factor")
        case .earlySigns: Localized(nl: "eerste signalen of beginnende problemen", en: "early signs or emerging problems")
        case .diagnosis: Localized(nl: "een diagnose of bestaande aandoening", en: "a diagnosis or existing condition")
        }
    }

    /// The levels that fit a measure aimed at a group of this class (section 6.2), in the
    /// order of `PreventionLevel.allCases`.
    public func fittingLevels(_ system: Classification) -> [PreventionLevel] {
        PreventionLevel.allCases.filter { fits($0, system) }
    }

    /// Whether `level` fits a measure aimed at a group of this class (section 6.2's table):
    /// the one statement of it, asked without making a list (PN101 asks it of every group of
    /// every measure).
    public func fits(_ level: PreventionLevel, _ system: Classification) -> Bool {
        switch (self, system) {
        case (.population, .targetGroup): level == .universal
        case (.riskFactor, .targetGroup): level == .selective
        case (.earlySigns, .targetGroup): level == .indicated
        case (.diagnosis, .targetGroup): level == .indicated || level == .careRelated
        case (.population, .stage): level == .primary
        case (.riskFactor, .stage): level == .primary || level == .secondary
        case (.earlySigns, .stage): level == .secondary
        case (.diagnosis, .stage): level == .secondary || level == .tertiary
        }
    }
}

/// How a target group got its class, for messages and hover.
public struct GroupClassification: Sendable, Hashable {
    public enum Basis: Sendable, Hashable { case classWord, criterionText, title }
    public var groupClass: TargetGroupClass
    public var basis: Basis
    /// The words that decided it, as folded text.
    public var evidence: String
}

/// The lexicon of section 6.2, loaded from `Data/lexicon.json` and extendable from the
/// configuration.
public struct Lexicon: Sendable, Decodable {
    public var classWords: [TargetGroupClass: [String]]
    public var thirdParty: [String]
    public var terms: [TargetGroupClass: [String]]
    /// Classifications made with this lexicon, by text: a note is built again on every
    /// keystroke, and its groups rarely change. Each lexicon made gets its own.
    private var memo = BoundedCache<MemoKey, GroupClassification?>(capacity: 20_000)
    /// The two texts a class depends on, as a pair: an array of them was an allocation per group.
    /// Hashed once, with `ByteHash`, as `NameIndex.Name` is: `Hasher` (SipHash) over both
    /// texts, then again per probe, was most of a memo lookup (every target group asks).
    private struct MemoKey: Hashable, Sendable {
        let criterion: String
        let title: String
        private let hash: Int

        init(criterion: String, title: String) {
            self.criterion = criterion
            self.title = title
            hash = Int(truncatingIfNeeded: ByteHash.of(title, ByteHash.of(criterion, 0x6B656E)))
        }

        static func == (a: MemoKey, b: MemoKey) -> Bool { a.hash == b.hash && a.title == b.title && a.criterion == b.criterion }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }

        func _rawHashValue(seed: Int) -> Int { hash ^ seed }
    }

    enum CodingKeys: String, CodingKey { case classWords, thirdParty, terms }

    public init(classWords: [TargetGroupClass: [String]], thirdParty: [String], terms: [TargetGroupClass: [String]]) {
        self.classWords = classWords
        self.thirdParty = thirdParty
        self.terms = terms
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func byClass(_ key: CodingKeys) throws -> [TargetGroupClass: [String]] {
            let raw = try c.decode([String: [String]].self, forKey: key)
            var out: [TargetGroupClass: [String]] = [:]
            for (name, words) in raw {
                guard let cls = TargetGroupClass(rawValue: name) else {
                    throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "unknown class \(name)")
                }
                out[cls] = words.map(Folding.fold)
            }
            return out
        }
        classWords = try byClass(.classWords)
        thirdParty = try c.decode([String].self, forKey: .thirdParty).map(Folding.fold)
        terms = try byClass(.terms)
    }

    public static let standard: Lexicon = {
        var lexicon: Lexicon = DataFiles.decode("lexicon.json")
        lexicon.isStandard = true
        return lexicon
    }()

    /// Whether this is `standard`, with which the builder classifies every target group
    /// (`Block.standardClassification`); a lexicon with additions classifies again.
    public private(set) var isStandard = false

    /// This lexicon with more terms per class (from `pnote.json`).
    public func adding(terms extra: [TargetGroupClass: [String]], thirdParty moreThirdParty: [String] = []) -> Lexicon {
        var copy = self
        copy.isStandard = false
        copy.memo = BoundedCache(capacity: 20_000)
        for (cls, words) in extra { copy.terms[cls, default: []] += words.map(Folding.fold) }
        copy.thirdParty += moreThirdParty.map(Folding.fold)
        return copy
    }

    /// Section 6.2: a class word at the start of `kenmerk`, else the `kenmerk` text, else
    /// the title, classified with the lexicon. Nil: unclassified (PN104).
    public func classify(criterion: String?, title: String) -> GroupClassification? {
        // Long texts are classified every time: they rarely repeat, and the memo stays small.
        guard (criterion?.utf8.count ?? 0) + title.utf8.count <= FieldReadCache.maximumTextBytes else {
            return classifyUncached(criterion: criterion, title: title)
        }
        return memo.value(for: MemoKey(criterion: criterion ?? "", title: title)) { classifyUncached(criterion: criterion, title: title) }
    }

    func classifyUncached(criterion: String?, title: String) -> GroupClassification? {
        if let criterion, !criterion.isEmpty {
            let folded = FoldedText(criterion)
            for cls in TargetGroupClass.allCases.reversed() {
                for word in classWords[cls] ?? [] where folded.starts(with: word) {
                    return GroupClassification(groupClass: cls, basis: .classWord, evidence: word)
                }
            }
            if let found = classifyText(folded) {
                return GroupClassification(groupClass: found.0, basis: .criterionText, evidence: found.1)
            }
        }
        if let found = classifyText(FoldedText(title)) {
            return GroupClassification(groupClass: found.0, basis: .title, evidence: found.1)
        }
        return nil
    }

    /// The narrowest class whose terms occur. A condition named inside a third-party phrase
    /// ("kinderen van ouders met GGZ-problematiek") belongs to someone else: the phrase makes
    /// the group a risk-factor group, and the terms after it up to the next `,` or `;` do not count.
    func classifyText(_ text: FoldedText) -> (TargetGroupClass, String)? {
        var excluded: [Range<Int>] = []
        var found: [(TargetGroupClass, String)] = []
        for phrase in thirdParty {
            for r in text.occurrences(of: phrase) {
                // Exclude up to the end of the clause.
                let startScalar = text.offsets.firstIndex(of: r.lowerBound) ?? 0
                var endScalar = startScalar
                let scalars = text.scalars
                while endScalar < scalars.count && scalars[endScalar] != "," && scalars[endScalar] != ";" { endScalar += 1 }
                excluded.append(r.lowerBound..<text.offsets[endScalar])
                found.append((.riskFactor, phrase))
            }
        }
        for cls in TargetGroupClass.allCases {
            for term in terms[cls] ?? [] {
                for r in text.occurrences(of: term) where !excluded.contains(where: { $0.contains(r.lowerBound) }) {
                    found.append((cls, term))
                }
            }
        }
        return found.max { $0.0 < $1.0 }
    }
}
