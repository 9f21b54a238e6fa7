/// The language of messages and of number notation (front matter `taal` / `language`).
public enum Language: String, Sendable, CaseIterable, Codable {
    case nl, en
}

/// A text in both languages. Every message, title and explanation is one of these.
public struct Localized: Sendable, Hashable {
    public var nl: String
    public var en: String

    public init(nl: String, en: String) {
        self.nl = nl
        self.en = en
    }

    public func text(_ language: Language) -> String { language == .nl ? nl : en }
}
