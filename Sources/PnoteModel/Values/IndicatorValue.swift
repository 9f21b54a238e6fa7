/// `≤`, `≥`, `<`, `>`, `=`, and their words (section 5.3).
public enum Comparator: String, Sendable, Codable {
    case atMost, atLeast, lessThan, moreThan, equal
}

/// What an indicator value counts, for comparing baseline and target (PN314).
public enum ValueUnit: Sendable, Hashable {
    case percent
    /// `per 1.000 jeugdigen`: a rate per `base` of a noun.
    case rate(base: Int, noun: String)
    /// Free words (`kinderen`), or none.
    case count(String)
}

/// `[comparator] number [unit] [(year) | in/eind/uiterlijk/by/end of year]`.
public struct IndicatorValue: Sendable, Hashable {
    public var comparator: Comparator?
    public var number: Double
    public var unit: ValueUnit
    public var year: Int?

    public var isPercent: Bool { unit == .percent }
}

public enum IndicatorValueParser {
    static let comparatorWords: [([String], Comparator)] = [
        (["≤"], .atMost), (["<", "="], .atMost), (["≥"], .atLeast), ([">", "="], .atLeast),
        (["<"], .lessThan), ([">"], .moreThan), (["="], .equal),
        (["maximaal"], .atMost), (["max"], .atMost), (["hooguit"], .atMost), (["ten", "hoogste"], .atMost),
        (["at", "most"], .atMost), (["no", "more", "than"], .atMost),
        (["minimaal"], .atLeast), (["min"], .atLeast), (["ten", "minste"], .atLeast), (["tenminste"], .atLeast),
        (["minstens"], .atLeast), (["at", "least"], .atLeast),
        (["minder", "dan"], .lessThan), (["less", "than"], .lessThan), (["fewer", "than"], .lessThan),
        (["meer", "dan"], .moreThan), (["more", "than"], .moreThan),
    ]
    /// Words that introduce the year of a value (`in 2021`, `eind 2022`, `by 2023`).
    static let yearLeads: Set<String> = ["in", "eind", "einde", "uiterlijk", "by", "end", "of", "medio", "begin",
                                         "voor", "before", "per", "ultimo", "q1", "q2", "q3", "q4", "q", "jaar", "year"]

    public static func parse(_ value: String, language: Language) -> Result<IndicatorValue, ValueError> {
        var tokens = ValueTokenizer.tokens(value)
        var comparator: Comparator?
        for (words, c) in comparatorWords {
            if let end = MoneyParser.match([words], tokens, 0) {
                comparator = c
                tokens.removeFirst(end)
                if tokens.first?.text == "." { tokens.removeFirst() }
                break
            }
        }
        var negative = false
        if let first = tokens.first, YearSpan.dashes.contains(first.text) || first.text == "−" {
            negative = true
            tokens.removeFirst()
        }
        guard let first = tokens.first, first.kind == .number else {
            return .failure(ValueError(nl: "'\(value)' begint niet met een getal; schrijf bijvoorbeeld 48 (2018) of 40 in 2022",
                                       en: "'\(value)' does not start with a number; write for example 48 (2018) or 40 by 2022"))
        }
        guard var number = NumberNotation.parse(first.text, language: language) else {
            return .failure(ValueError(
                nl: "'\(first.text)' is geen getal in Nederlandse notatie (decimalen met een komma: 12,5)",
                en: "'\(first.text)' is not a number in English notation (decimals with a point: 12.5)"))
        }
        if negative { number = -number }
        var rest = Array(tokens.dropFirst())
        var unit: ValueUnit = .count("")
        if let u = rest.first, u.text == "%" || u.text == "procent" || u.text == "percent" {
            unit = .percent
            rest.removeFirst()
        }
        // The year: the first four-digit year that is not part of a rate (`per 1000`).
        var year: Int?
        var unitEnd = rest.count
        for (k, token) in rest.enumerated() {
            guard let y = YearSpan.isYear(token), !(k > 0 && rest[k - 1].text == "per") else { continue }
            year = y
            unitEnd = k
            while unitEnd > 0, yearLeads.contains(rest[unitEnd - 1].text) || rest[unitEnd - 1].text == "("
                    || (rest[unitEnd - 1].kind == .number && unitEnd >= 2 && rest[unitEnd - 2].text == "q") {
                unitEnd -= 1
            }
            break
        }
        if case .count = unit {
            unit = unitOf(Array(rest[..<unitEnd]), language: language)
        }
        return .success(IndicatorValue(comparator: comparator, number: number, unit: unit, year: year))
    }

    /// `per 1.000 jeugdigen` → rate; `kinderen` → count; parenthesised remarks dropped.
    static func unitOf(_ tokens: [ValueToken], language: Language) -> ValueUnit {
        var words: [ValueToken] = []
        var depth = 0
        for t in tokens {
            if t.text == "(" { depth += 1; continue }
            if t.text == ")" { depth = max(0, depth - 1); continue }
            if depth == 0 { words.append(t) }
        }
        if let p = words.firstIndex(where: { $0.text == "per" }), p + 1 < words.count,
           words[p + 1].kind == .number, let base = NumberNotation.parse(words[p + 1].text, language: language),
           let whole = Int(exactly: base.rounded()) {  // a base too large for an Int is no rate
            let noun = words[(p + 2)...].filter { $0.kind == .word }.map(\.text).joined(separator: " ")
            return .rate(base: whole, noun: noun)
        }
        return .count(words.filter { $0.kind == .word }.map(\.text).joined(separator: " "))
    }
}
