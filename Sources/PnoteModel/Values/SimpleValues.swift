/// `status`: drafts get milder severities (section 9).
public enum NoteStatus: String, Sendable, Codable {
    case draft, final

    public static func parse(_ value: String) -> Result<NoteStatus, ValueError> {
        switch Folding.fold(value) {
        case "concept", "draft": .success(.draft)
        case "definitief", "final", "vastgesteld": .success(.final)
        default: .failure(ValueError(nl: "'\(value)' is geen status; kies concept of definitief",
                                     en: "'\(value)' is not a status; use draft or final",
                                     suggestion: Folding.nearest(to: value, in: ["concept", "definitief", "draft", "final"])))
        }
    }
}

extension Language {
    public static func parse(_ value: String) -> Result<Language, ValueError> {
        switch Folding.fold(value) {
        case "nl", "nederlands", "dutch", "nl-nl", "nl_nl": .success(.nl)
        case "en", "engels", "english", "en-gb", "en-us", "en_gb", "en_us": .success(.en)
        default: .failure(ValueError(nl: "'\(value)' is geen taal; kies nl of en", en: "'\(value)' is not a language; use nl or en"))
        }
    }
}

/// The note's own criteria in `vereist` / `requires` (section 9).
public enum Requirement: String, Sendable, Codable, CaseIterable {
    case evidence, reach, source

    public static func parseList(_ value: String) -> Result<Set<Requirement>, ValueError> {
        var out: Set<Requirement> = []
        for item in FieldList.split(value) {
            switch Folding.fold(item) {
            case "onderbouwing", "evidence": out.insert(.evidence)
            case "bereik", "reach": out.insert(.reach)
            case "bron", "source", "bronnen", "sources": out.insert(.source)
            default:
                return .failure(ValueError(nl: "'\(item)' is geen criterium; kies uit onderbouwing, bereik, bron",
                                           en: "'\(item)' is not a criterion; use evidence, reach, source",
                                           suggestion: Folding.nearest(to: item, in: ["onderbouwing", "bereik", "bron", "evidence", "reach", "source"])))
            }
        }
        return .success(out)
    }
}

/// `financiering`: `structureel` or `incidenteel`, optionally followed by the source.
public struct Funding: Sendable, Hashable {
    public var kind: FundingKind?
    public var source: String

    public static func parse(_ value: String) -> Result<Funding, ValueError> {
        let folded = Folding.fold(value)
        for (word, kind) in [("structureel", FundingKind.structural), ("structural", .structural),
                             ("incidenteel", .incidental), ("incidental", .incidental)] where folded.hasPrefix(word) {
            let rest = value.drop(while: { $0 != "," && $0 != ";" && $0 != ":" }).dropFirst()
            return .success(Funding(kind: kind, source: rest.trimmingSpaces))
        }
        // A source without the kind (`Kadernota 2020`) is accepted: it names where money comes from.
        return .success(Funding(kind: nil, source: value.trimmingSpaces))
    }
}

/// `leeftijd` / `age`: `0-4 jaar`, `18+`, `65 jaar en ouder`, `12-18 years`, `tot 18 jaar`.
public struct AgeRange: Sendable, Hashable {
    public var min: Int
    public var max: Int?

    public static func parse(_ value: String) -> Result<AgeRange, ValueError> {
        let t = ValueTokenizer.tokens(value)
        let numbers = t.compactMap { $0.kind == .number ? Int($0.text) : nil }
        let words = Set(t.map(\.text))
        let failure = ValueError(nl: "'\(value)' is geen leeftijd; schrijf bijvoorbeeld 0-4 jaar, 18+ of 65 jaar en ouder",
                                 en: "'\(value)' is not an age; write for example 0-4 years, 18+ or 65 years and older")
        guard let first = numbers.first, first <= 130 else { return .failure(failure) }
        if numbers.count >= 2, t.contains(where: { YearSpan.dashes.contains($0.text) || $0.text == "t/m" || $0.text == "tot" || $0.text == "to" }) {
            guard numbers[1] >= first, numbers[1] <= 130 else { return .failure(failure) }
            return .success(AgeRange(min: first, max: numbers[1]))
        }
        if words.contains("+") || words.contains("ouder") || words.contains("older") || words.contains("plus")
            || words.contains("over") || words.contains("vanaf") || words.contains("from") {
            return .success(AgeRange(min: first, max: nil))
        }
        if words.contains("tot") || words.contains("under") || words.contains("jonger") || words.contains("younger") {
            return .success(AgeRange(min: 0, max: first))
        }
        if numbers.count == 1 { return .success(AgeRange(min: first, max: first)) }
        return .failure(failure)
    }
}

/// Splitting list values (section 5: `,` or `;`).
public enum FieldList {
    public static func split(_ value: String) -> [String] {
        value.split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.trimmingSpaces }.filter { !$0.isEmpty }
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs (whole characters).
    var trimmingSpaces: String {
        // On the bytes where that is the same: a space next to a non-ASCII scalar may be
        // part of its character (a combining mark after it), so those go the slow way.
        let trimmedBytes: String?? = utf8.withContiguousStorageIfAvailable { bytes in
            var start = 0, end = bytes.count
            while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
            while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
            if start > 0 && start < bytes.count && bytes[start] >= 0x80 { return nil }
            if end < bytes.count && end > 0 && bytes[end - 1] >= 0x80 { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        if let trimmedBytes, let trimmedBytes { return trimmedBytes }
        guard let first = firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let last = lastIndex(where: { $0 != " " && $0 != "\t" })!
        return String(self[first...last])
    }
}
