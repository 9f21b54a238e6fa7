import Testing
@testable import PnoteModel

struct MoneyRow: CustomTestStringConvertible, Sendable {
    var text: String
    var language: Language
    var euros: Double
    var period: MoneyPeriod = .unspecified
    var years: YearSpan? = nil
    var funding: FundingKind? = nil
    var testDescription: String { "\(language): \(text)" }
}

@Suite struct MoneyTests {
    static let readable: [MoneyRow] = [
        // Every form of section 5.2, language nl.
        MoneyRow(text: "€ 350.000", language: .nl, euros: 350_000),
        MoneyRow(text: "€350.000,-", language: .nl, euros: 350_000),
        MoneyRow(text: "€ 350.000,00", language: .nl, euros: 350_000),
        MoneyRow(text: "€ 5,–", language: .nl, euros: 5),
        MoneyRow(text: "€ 2,5 mln", language: .nl, euros: 2_500_000),
        MoneyRow(text: "€ 2,5 miljoen", language: .nl, euros: 2_500_000),
        MoneyRow(text: "2,5 miljoen euro", language: .nl, euros: 2_500_000),
        MoneyRow(text: "€ 1,2 mld", language: .nl, euros: 1_200_000_000),
        MoneyRow(text: "€ 300 duizend", language: .nl, euros: 300_000),
        MoneyRow(text: "EUR 1.200.000", language: .nl, euros: 1_200_000),
        MoneyRow(text: "k€ 250", language: .nl, euros: 250_000),
        MoneyRow(text: "€ 250k", language: .nl, euros: 250_000),
        MoneyRow(text: "€ 1.234,56", language: .nl, euros: 1234.56),
        // Language en.
        MoneyRow(text: "€2.5m", language: .en, euros: 2_500_000),
        MoneyRow(text: "€ 2,500,000", language: .en, euros: 2_500_000),
        MoneyRow(text: "EUR 1.2 million", language: .en, euros: 1_200_000),
        MoneyRow(text: "€ 300k", language: .en, euros: 300_000),
        MoneyRow(text: "€1.2bn", language: .en, euros: 1_200_000_000),
        // Period qualifiers and years.
        MoneyRow(text: "€ 250.000 per jaar (2020-2023)", language: .nl, euros: 250_000, period: .annual,
                 years: YearSpan(first: 2020, last: 2023)),
        MoneyRow(text: "€ 250.000/jaar", language: .nl, euros: 250_000, period: .annual),
        MoneyRow(text: "€ 250.000 jaarlijks", language: .nl, euros: 250_000, period: .annual),
        MoneyRow(text: "€ 40.000 eenmalig in 2021", language: .nl, euros: 40_000, period: .once,
                 years: YearSpan(first: 2021, last: 2021)),
        MoneyRow(text: "€ 1 mln totaal 2020 t/m 2023", language: .nl, euros: 1_000_000, period: .total,
                 years: YearSpan(first: 2020, last: 2023)),
        MoneyRow(text: "€ 1 mln totaal (2020–2023)", language: .nl, euros: 1_000_000, period: .total,
                 years: YearSpan(first: 2020, last: 2023)),
        MoneyRow(text: "€ 100.000 per jaar structureel", language: .nl, euros: 100_000, period: .annual, funding: .structural),
        MoneyRow(text: "€ 100.000 incidenteel", language: .nl, euros: 100_000, funding: .incidental),
        MoneyRow(text: "€450,000 per year (2025-2028)", language: .en, euros: 450_000, period: .annual,
                 years: YearSpan(first: 2025, last: 2028)),
        MoneyRow(text: "€ 20k one-off", language: .en, euros: 20_000, period: .once),
        MoneyRow(text: "€ 1.2m annually", language: .en, euros: 1_200_000, period: .annual),
        MoneyRow(text: "250.000 per jaar", language: .nl, euros: 250_000, period: .annual),
        // A remark after the amount is tolerated (seed 004 writes it this way).
        MoneyRow(text: "€ 350.000,-  (ca €250.000,- gerealiseerd)", language: .nl, euros: 350_000),
    ]

    @Test(arguments: readable)
    func reads(_ row: MoneyRow) throws {
        let money = try MoneyParser.parse(row.text, language: row.language).get()
        #expect(money.cents == Int64((row.euros * 100).rounded()))
        #expect(money.period == row.period)
        #expect(money.years == row.years)
        #expect(money.funding == row.funding)
    }

    @Test(arguments: [
        ("€ 2.5 mln", Language.nl), ("€ 1,5", .en), ("€ 1.23", .nl), ("€ 2,50,000", .en), ("2 fte", .nl),
        ("veel geld", .nl), ("€ 1.2.3", .nl), ("", .nl),
    ])
    func refusesAmbiguousOrUnreadable(text: String, language: Language) {
        #expect(throws: ValueError.self) { try MoneyParser.parse(text, language: language).get() }
    }

    @Test func existingBudget() throws {
        #expect(try MoneyParser.parseBudget("binnen bestaande middelen", language: .nl).get() == .existingBudget)
        #expect(try MoneyParser.parseBudget("Within existing budget", language: .en).get() == .existingBudget)
    }

    @Test func annualAmounts() {
        let total = Money(cents: 400_000_00, period: .total, years: YearSpan(first: 2020, last: 2023))
        #expect(total.annualCents(notePeriod: nil) == 100_000_00)
        let totalNoYears = Money(cents: 300_00, period: .total)
        #expect(totalNoYears.annualCents(notePeriod: YearSpan(first: 2021, last: 2023)) == 100_00)
        #expect(Money(cents: 5_00, period: .annual).annualCents(notePeriod: nil) == 5_00)
        #expect(!Money(cents: 1, period: .unspecified).hasPeriod)
        #expect(Money(cents: 1, period: .unspecified, years: YearSpan(first: 2021, last: 2021)).hasPeriod)
    }

    /// Found by the fuzzer: an amount too large for 64 bits trapped the whole process.
    @Test func amountsTooLargeAreValueErrors() throws {
        let digits = String(repeating: "6", count: 90)
        for text in ["€\(digits) 150.000 per jaar (2024-2027)", "€ 10.000.000 miljard", "€ 2.000.000.000.000.000"] {
            guard case .failure(let e) = MoneyParser.parseBudget(text, language: .nl) else {
                Issue.record("\(text) was read as an amount"); continue
            }
            #expect(e.reason.nl.contains("te groot") || e.reason.nl.contains("geen"), "\(text): \(e.reason.nl)")
        }
        let largest = try MoneyParser.parse("€ 1.000.000.000.000.000", language: .nl).get()
        #expect(largest.cents == Money.maximumCents)
    }

    @Test func sumsOfAmountsDoNotOverflow() {
        #expect([Money.maximumCents, Money.maximumCents].cappedSum() == 2 * Money.maximumCents)
        #expect(Array(repeating: Money.maximumCents, count: 100).cappedSum() == Int64.max)
        #expect(Array(repeating: -Money.maximumCents, count: 100).cappedSum() == -Int64.max)
        #expect(Int64.max.addingCapped(1) == .max && (-Int64.max).addingCapped(-5) == -.max)
        #expect(Int64(40).addingCapped(2) == 42)
    }
}
