/// A policy domain (section 6.3). Known names have synonyms; other names are allowed.
public struct Domain: Sendable, Hashable {
    /// The canonical Dutch name for known domains, else the folded name as written.
    public var key: String
    public var isKnown: Bool

    static let known: [(key: String, synonyms: [String])] = [
        ("jeugd", ["jeugd", "youth", "jeugdwet", "jeugdhulp", "youth care"]),
        ("wmo", ["wmo", "social support", "wmo 2015", "maatschappelijke ondersteuning"]),
        ("werk en inkomen", ["werk en inkomen", "work and income", "participatiewet", "werk & inkomen", "work & income"]),
        ("gezondheid", ["gezondheid", "public health", "wpg", "publieke gezondheid", "volksgezondheid", "health"]),
        ("onderwijs", ["onderwijs", "education"]),
        ("veiligheid", ["veiligheid", "safety"]),
        ("wonen", ["wonen", "housing"]),
    ]

    public static func named(_ value: String) -> Domain {
        let folded = Folding.fold(value)
        for entry in known where entry.synonyms.contains(folded) { return Domain(key: entry.key, isKnown: true) }
        return Domain(key: folded, isKnown: false)
    }

    public static var knownNames: [String] { known.map(\.key) }
}
