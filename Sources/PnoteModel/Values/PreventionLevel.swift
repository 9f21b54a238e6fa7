/// The two classification systems of prevention levels (section 6.1, front matter `indeling`).
public enum Classification: String, Sendable, Codable, CaseIterable {
    /// universeel / selectief / geïndiceerd / zorggerelateerd (the default).
    case targetGroup
    /// primair / secundair / tertiair.
    case stage

    public var name: Localized {
        switch self {
        case .targetGroup: Localized(nl: "doelgroep", en: "target-group")
        case .stage: Localized(nl: "stadium", en: "stage")
        }
    }

    public var levels: [PreventionLevel] { PreventionLevel.allCases.filter { $0.system == self } }

    public static func parse(_ value: String) -> Result<Classification, ValueError> {
        switch Folding.fold(value) {
        case "doelgroep", "target-group", "target group", "targetgroup", "doelgroepen": .success(.targetGroup)
        case "stadium", "stage", "stadia": .success(.stage)
        default: .failure(ValueError(nl: "'\(value)' is geen indeling; kies doelgroep of stadium",
                                     en: "'\(value)' is not a classification; use target-group or stage",
                                     suggestion: Folding.nearest(to: value, in: ["doelgroep", "stadium", "target-group", "stage"])))
        }
    }
}

/// A prevention level of either system (section 6.1).
public enum PreventionLevel: String, Sendable, Codable, CaseIterable {
    case universal, selective, indicated, careRelated, primary, secondary, tertiary

    public var system: Classification {
        switch self {
        case .universal, .selective, .indicated, .careRelated: .targetGroup
        case .primary, .secondary, .tertiary: .stage
        }
    }

    /// The case hashed, not its raw text (what `RawRepresentable` hashes): levels key the
    /// per-level sums of every note, and hashing the string was most of such a lookup.
    public func hash(into hasher: inout Hasher) { hasher.combine(system == .targetGroup ? rank : 4 + rank) }

    /// Broad to narrow within its system (section 6.1).
    public var rank: Int {
        switch self {
        case .universal, .primary: 0
        case .selective, .secondary: 1
        case .indicated, .tertiary: 2
        case .careRelated: 3
        }
    }

    public var name: Localized {
        switch self {
        case .universal: Localized(nl: "universeel", en: "universal")
        case .selective: Localized(nl: "selectief", en: "selective")
        case .indicated: Localized(nl: "geïndiceerd", en: "indicated")
        case .careRelated: Localized(nl: "zorggerelateerd", en: "care-related")
        case .primary: Localized(nl: "primair", en: "primary")
        case .secondary: Localized(nl: "secundair", en: "secondary")
        case .tertiary: Localized(nl: "tertiair", en: "tertiary")
        }
    }

    /// Spellings accepted, folded: the level word, its inflected form, and the forms with
    /// `preventie` / `prevention` after it.
    public static let spellings: [String: PreventionLevel] = {
        let forms: [(PreventionLevel, [String])] = [
            (.universal, ["universeel", "universele", "universal"]),
            (.selective, ["selectief", "selectieve", "selective"]),
            (.indicated, ["geindiceerd", "geindiceerde", "indicated"]),
            (.careRelated, ["zorggerelateerd", "zorggerelateerde", "care-related", "care related", "carerelated"]),
            (.primary, ["primair", "primaire", "primary"]),
            (.secondary, ["secundair", "secundaire", "secondary"]),
            (.tertiary, ["tertiair", "tertiaire", "tertiary"]),
        ]
        var table: [String: PreventionLevel] = [:]
        for (level, words) in forms {
            for w in words {
                table[w] = level
                table[w + " preventie"] = level
                table[w + " prevention"] = level
            }
        }
        return table
    }()

    public static func parse(_ value: String) -> Result<PreventionLevel, ValueError> {
        let folded = Folding.fold(value)
        if let level = spellings[folded] { return .success(level) }
        let names = allCases.flatMap { [$0.name.nl, $0.name.en] }
        return .failure(ValueError(
            nl: "'\(value)' is geen preventieniveau (universeel, selectief, geïndiceerd, zorggerelateerd; of primair, secundair, tertiair)",
            en: "'\(value)' is not a prevention level (universal, selective, indicated, care-related; or primary, secondary, tertiary)",
            suggestion: Folding.nearest(to: value, in: names)))
    }
}
