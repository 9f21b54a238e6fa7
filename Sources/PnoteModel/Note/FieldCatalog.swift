import PnoteSyntax

/// Every field key of section 5.1, with its spellings and which blocks it belongs to.
/// Int raw values index `specs` directly (a String raw value would hash a string per lookup).
public enum FieldKey: Int, Sendable, CaseIterable {
    case id
    case criterion, size, age, domain
    case level, targetGroup, goal, budget, funding, envelope, taskField, evidence, reach, savings, provider
    case indicator, baseline, target, source
    case total, period

    /// What kind of value the field holds; decides how the model reads it.
    public enum ValueKind: Sendable { case text, level, money, funding, references, indicatorValue, taskField, age, domain, period }

    /// A class: `spec` is read for every field by the model and several rules, and a
    /// struct of strings, an array and a set was four retains and releases per read.
    public final class Spec: Sendable {
        public let nl: String
        public let en: String
        /// Further accepted spellings (folded).
        public let aliases: [String]
        public let multi: Bool
        public let kinds: Set<BlockKind>
        public let valueKind: ValueKind

        init(nl: String, en: String, aliases: [String], multi: Bool, kinds: Set<BlockKind>, valueKind: ValueKind) {
            self.nl = nl
            self.en = en
            self.aliases = aliases
            self.multi = multi
            self.kinds = kinds
            self.valueKind = valueKind
        }
    }

    /// Built once: `spec` is read for every field by the model and several rules.
    private static let specs: [Spec] = allCases.map { $0.makeSpec() }

    public var spec: Spec { FieldKey.specs[rawValue] }

    /// `spec.valueKind`, from a list of plain values: reading `spec` retains the shared
    /// `Spec` (and the builder asks for every field it reads).
    public var valueKind: ValueKind { FieldKey.valueKinds[rawValue] }
    private static let valueKinds: [ValueKind] = specs.map(\.valueKind)

    private func makeSpec() -> Spec {
        let all = Set(BlockKind.allCases)
        switch self {
        case .id: return Spec(nl: "id", en: "id", aliases: [], multi: false, kinds: all, valueKind: .text)
        case .criterion: return Spec(nl: "kenmerk", en: "criterion", aliases: ["criterium"], multi: false, kinds: [.targetGroup], valueKind: .text)
        case .size: return Spec(nl: "omvang", en: "size", aliases: [], multi: false, kinds: [.targetGroup], valueKind: .text)
        case .age: return Spec(nl: "leeftijd", en: "age", aliases: [], multi: false, kinds: [.targetGroup], valueKind: .age)
        case .domain: return Spec(nl: "domein", en: "domain", aliases: [], multi: false,
                                  kinds: [.targetGroup, .measure, .goal, .budget], valueKind: .domain)
        case .level: return Spec(nl: "niveau", en: "level", aliases: ["preventieniveau"], multi: false, kinds: [.measure], valueKind: .level)
        case .targetGroup: return Spec(nl: "doelgroep", en: "target group", aliases: ["doelgroepen", "target groups"],
                                       multi: true, kinds: [.measure], valueKind: .references)
        case .goal: return Spec(nl: "doel", en: "goal", aliases: ["draagt bij aan", "contributes to", "doelen", "goals"],
                                multi: true, kinds: [.measure], valueKind: .references)
        case .budget: return Spec(nl: "budget", en: "budget", aliases: [], multi: false, kinds: [.measure], valueKind: .money)
        case .funding: return Spec(nl: "financiering", en: "funding", aliases: [], multi: false, kinds: [.measure], valueKind: .funding)
        case .envelope: return Spec(nl: "begroting", en: "envelope", aliases: [], multi: false, kinds: [.measure], valueKind: .references)
        case .taskField: return Spec(nl: "taakveld", en: "task field", aliases: [], multi: false, kinds: [.measure], valueKind: .taskField)
        case .evidence: return Spec(nl: "onderbouwing", en: "evidence", aliases: [], multi: false, kinds: [.measure], valueKind: .text)
        case .reach: return Spec(nl: "bereik", en: "reach", aliases: [], multi: false, kinds: [.measure], valueKind: .indicatorValue)
        case .savings: return Spec(nl: "besparing", en: "savings", aliases: [], multi: false, kinds: [.measure], valueKind: .money)
        case .provider: return Spec(nl: "uitvoerder", en: "provider", aliases: ["uitvoerders", "providers"], multi: true,
                                    kinds: [.measure], valueKind: .text)
        case .indicator: return Spec(nl: "indicator", en: "indicator", aliases: ["kpi"], multi: false, kinds: [.goal, .indicator], valueKind: .text)
        case .baseline: return Spec(nl: "nulmeting", en: "baseline", aliases: [], multi: false, kinds: [.goal, .indicator], valueKind: .indicatorValue)
        case .target: return Spec(nl: "streefwaarde", en: "target", aliases: [], multi: false, kinds: [.goal, .indicator], valueKind: .indicatorValue)
        case .source: return Spec(nl: "bron", en: "source", aliases: [], multi: false, kinds: [.goal, .indicator], valueKind: .text)
        case .total: return Spec(nl: "totaal", en: "total", aliases: [], multi: false, kinds: [.budget], valueKind: .money)
        case .period: return Spec(nl: "periode", en: "period", aliases: [], multi: false, kinds: [.budget], valueKind: .period)
        }
    }

    public func name(_ language: Language) -> String { language == .nl ? spec.nl : spec.en }

    /// Folded spelling → key, per block kind (by `BlockKind.ordinal`: hashing the kind
    /// itself hashes its name, a second string per field read).
    static let lookup: [[String: FieldKey]] = {
        var table = Array(repeating: [String: FieldKey](), count: BlockKind.allCases.count)
        for key in allCases {
            let s = key.spec
            for kind in s.kinds {
                for spelling in [s.nl, s.en] + s.aliases { table[kind.ordinal][Folding.fold(spelling)] = key }
            }
        }
        return table
    }()

    public static func lookup(_ written: String, in kind: BlockKind) -> FieldKey? {
        lookup[kind.ordinal][Folding.fold(written)]
    }

    /// The keys a block of `kind` may have, in the order of section 5.1.
    public static func keys(for kind: BlockKind) -> [FieldKey] { keysByKind[kind] ?? [] }

    /// Whether a block of `kind` may have a field of references (only measures do): passes
    /// over every reference of a folder skip the other blocks without looking at their fields.
    public static func referencesPossible(in kind: BlockKind) -> Bool { kindsWithReferences[kind.ordinal] }

    private static let kindsWithReferences: [Bool] = BlockKind.allCases.sorted { $0.ordinal < $1.ordinal }.map { kind in
        allCases.contains { $0.spec.valueKind == .references && $0.spec.kinds.contains(kind) }
    }

    private static let keysByKind: [BlockKind: [FieldKey]] = Dictionary(uniqueKeysWithValues: BlockKind.allCases.map { kind in
        (kind, allCases.filter { $0.spec.kinds.contains(kind) })
    })
}

/// Front matter keys of section 3.
public enum FrontMatterKey: String, Sendable, CaseIterable {
    case title, municipality, status, date, period, language, classification, focus, requires

    public var spellings: (nl: String, en: String) {
        switch self {
        case .title: ("titel", "title")
        case .municipality: ("gemeente", "municipality")
        case .status: ("status", "status")
        case .date: ("datum", "date")
        case .period: ("periode", "period")
        case .language: ("taal", "language")
        case .classification: ("indeling", "classification")
        case .focus: ("focus", "focus")
        case .requires: ("vereist", "requires")
        }
    }

    public static func lookup(_ written: String) -> FrontMatterKey? {
        let folded = Folding.fold(written)
        return allCases.first { $0.spellings.nl == folded || $0.spellings.en == folded }
    }

    public static var allSpellings: [String] { allCases.flatMap { [$0.spellings.nl, $0.spellings.en] } }
}
