/// How an amount is spread over time (section 5.2).
public enum MoneyPeriod: String, Sendable, Codable {
    /// `per jaar`, `/jaar`, `jaarlijks`, `per year`, `annually`.
    case annual
    /// `eenmalig`, `one-off`.
    case once
    /// `totaal`, `total`: spread over the years given.
    case total
    /// No qualifier. Counted as an annual amount, the way notes usually state budgets.
    case unspecified
}

public enum FundingKind: String, Sendable, Codable {
    case structural, incidental
}

/// An amount of euros with its period; the normalised form of section 5.2.
public struct Money: Sendable, Hashable {
    public var cents: Int64
    public var period: MoneyPeriod
    public var years: YearSpan?
    /// `structureel` / `incidenteel` written after the amount.
    public var funding: FundingKind?

    /// The largest amount read: a trillion euros a thousand times over. Larger ones are
    /// mistakes, and sums of amounts below it are kept from overflowing (`addingCapped`).
    public static let maximumCents: Int64 = 100_000_000_000_000_000

    public init(cents: Int64, period: MoneyPeriod, years: YearSpan? = nil, funding: FundingKind? = nil) {
        self.cents = cents
        self.period = period
        self.years = years
        self.funding = funding
    }

    /// Whether the value says when the money is spent (PN202).
    public var hasPeriod: Bool { period != .unspecified || years != nil }

    /// The amount per year, in cents. A total is spread over its years (or the note's
    /// period); a one-off amount counts in full in its single year.
    public func annualCents(notePeriod: YearSpan?) -> Int64 {
        switch period {
        case .annual, .unspecified, .once: return cents
        case .total:
            let years = (self.years ?? notePeriod)?.count ?? 1
            return cents / Int64(max(years, 1))
        }
    }
}

/// The value of a `budget` field.
public enum BudgetValue: Sendable, Hashable {
    case amount(Money)
    /// `binnen bestaande middelen` / `within existing budget`.
    case existingBudget
}

public enum MoneyParser {
    static let multipliers: [String: Double] = [
        "k": 1e3, "duizend": 1e3, "thousand": 1e3, "dzd": 1e3,
        "m": 1e6, "mln": 1e6, "mio": 1e6, "miljoen": 1e6, "million": 1e6, "mn": 1e6,
        "mld": 1e9, "miljard": 1e9, "bn": 1e9, "billion": 1e9,
    ]
    static let annualWords: [[String]] = [["per", "jaar"], ["per", "year"], ["/", "jaar"], ["/", "year"],
                                          ["jaarlijks"], ["annually"], ["per", "annum"], ["p/j"], ["yearly"]]
    static let onceWords: [[String]] = [["eenmalig"], ["one-off"], ["one", "off"], ["once"]]
    static let totalWords: [[String]] = [["totaal"], ["total"], ["in", "totaal"], ["in", "total"]]
    static let existingBudget = ["binnen bestaande middelen", "within existing budget", "within existing budgets",
                                 "within existing funds", "uit bestaande middelen", "binnen de bestaande middelen"]

    public static func parseBudget(_ value: String, language: Language) -> Result<BudgetValue, ValueError> {
        let folded = Folding.fold(value)
        if existingBudget.contains(where: { folded.hasPrefix($0) }) { return .success(.existingBudget) }
        return parse(value, language: language).map { .amount($0) }
    }

    public static func parse(_ value: String, language: Language) -> Result<Money, ValueError> {
        let tokens = ValueTokenizer.tokens(value)
        guard let n = tokens.firstIndex(where: { $0.kind == .number }) else {
            return .failure(ValueError(nl: "'\(value)' bevat geen bedrag; schrijf bijvoorbeeld € 250.000 per jaar",
                                       en: "'\(value)' has no amount; write for example € 250,000 per year"))
        }
        let head = tokens[..<n].map(\.text)
        var hasCurrency = head.contains("€") || head.contains("eur") || head.contains("euro")
        var multiplier: Double = 1
        if head.suffix(2) == ["k", "€"] { multiplier = 1e3 }
        guard head.allSatisfy({ ["€", "eur", "euro", "k", "ca", "circa", "ongeveer", "about", "~", "."].contains($0) }) else {
            return .failure(ValueError(nl: "'\(value)' begint niet met een bedrag", en: "'\(value)' does not start with an amount"))
        }
        guard let number = NumberNotation.parse(tokens[n].text, language: language) else {
            let other: Language = language == .nl ? .en : .nl
            let hint = NumberNotation.parse(tokens[n].text, language: other) != nil
            return .failure(ValueError(
                nl: hint ? "'\(tokens[n].text)' is geen getal in Nederlandse notatie (duizendtallen met een punt, decimalen met een komma)"
                         : "'\(tokens[n].text)' is geen leesbaar bedrag",
                en: hint ? "'\(tokens[n].text)' is not a number in English notation (thousands with a comma, decimals with a point)"
                         : "'\(tokens[n].text)' is not a readable amount"))
        }
        var i = n + 1
        // `350.000,-` and `5,–`: a comma and a dash after the amount mean "no cents".
        if i + 1 < tokens.count, tokens[i].text == ",", YearSpan.dashes.contains(tokens[i + 1].text) { i += 2 }
        if i < tokens.count, tokens[i].kind == .word, let m = multipliers[tokens[i].text], multiplier == 1 {
            multiplier = m
            i += 1
        }
        if i < tokens.count, tokens[i].text == "euro" || tokens[i].text == "eur" { hasCurrency = true; i += 1 }
        let rest = Array(tokens[i...])
        let cents = (number * multiplier * 100).rounded()
        // Found by the fuzzer: a long run of digits does not fit in 64 bits and trapped.
        guard cents.isFinite, abs(cents) <= Double(Money.maximumCents) else {
            return .failure(ValueError(nl: "'\(tokens[n].text)' is te groot voor een bedrag (meer dan € 1.000 biljoen)",
                                       en: "'\(tokens[n].text)' is too large for an amount (more than €1,000 trillion)"))
        }
        var money = Money(cents: Int64(cents), period: .unspecified)
        var qualifierSeen = false
        var j = 0
        while j < rest.count {
            if let end = match(annualWords, rest, j) { money.period = .annual; qualifierSeen = true; j = end; continue }
            if let end = match(onceWords, rest, j) { money.period = .once; qualifierSeen = true; j = end; continue }
            if let end = match(totalWords, rest, j) { money.period = .total; qualifierSeen = true; j = end; continue }
            switch rest[j].text {
            case "structureel", "structural": money.funding = .structural
            case "incidenteel", "incidental": money.funding = .incidental
            default:
                if money.years == nil, let (span, end) = YearSpan.span(in: rest, at: j) {
                    money.years = span
                    j = end
                    continue
                }
            }
            j += 1
        }
        // A bare number is accepted as euros only when nothing but qualifiers follow it,
        // so that `2 fte` is not read as two euros.
        if !hasCurrency && multiplier == 1 && !qualifierSeen && money.years == nil && !rest.isEmpty {
            return .failure(ValueError(nl: "'\(value)' is geen bedrag in euro; zet € voor het bedrag",
                                       en: "'\(value)' is not an amount in euros; put € before the amount"))
        }
        return .success(money)
    }

    static func match(_ phrases: [[String]], _ tokens: [ValueToken], _ i: Int) -> Int? {
        for phrase in phrases where i + phrase.count <= tokens.count {
            if phrase.enumerated().allSatisfy({ tokens[i + $0.offset].text == $0.element }) { return i + phrase.count }
        }
        return nil
    }
}

extension Int64 {
    /// `self + other`, held at ±`Int64.max` instead of overflowing: amounts are bounded
    /// (`Money.maximumCents`), but a folder may add up any number of them.
    public func addingCapped(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        if overflow { return other > 0 ? .max : -.max }
        return sum == .min ? -.max : sum
    }
}

extension Dictionary where Value == Int64 {
    /// Adds `amount` to the total under `key` (`addingCapped`).
    public mutating func addCapped(_ amount: Int64, to key: Key) {
        self[key] = (self[key] ?? 0).addingCapped(amount)
    }
}

extension Sequence where Element == Int64 {
    /// The sum, held at ±`Int64.max` (`addingCapped`).
    public func cappedSum() -> Int64 { reduce(0) { $0.addingCapped($1) } }
}
