/// Why a value could not be read (PN004), in both languages, with an optional suggestion.
public struct ValueError: Error, Sendable, Hashable {
    public var reason: Localized
    public var suggestion: String?

    public init(nl: String, en: String, suggestion: String? = nil) {
        reason = Localized(nl: nl, en: en)
        self.suggestion = suggestion
    }
}
