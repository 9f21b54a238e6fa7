import Testing
@testable import PnoteModel

struct IndicatorRow: CustomTestStringConvertible, Sendable {
    var text: String
    var language: Language = .nl
    var comparator: Comparator? = nil
    var number: Double
    var unit: ValueUnit = .count("")
    var year: Int? = nil
    var testDescription: String { text }
}

@Suite struct IndicatorValueTests {
    static let rows: [IndicatorRow] = [
        IndicatorRow(text: "48 (2018)", number: 48, year: 2018),
        IndicatorRow(text: "40 in 2021", number: 40, year: 2021),
        IndicatorRow(text: "≤ 10% eind 2022", comparator: .atMost, number: 10, unit: .percent, year: 2022),
        IndicatorRow(text: "at least 500 by 2023", language: .en, comparator: .atLeast, number: 500, year: 2023),
        IndicatorRow(text: "12,5 per 1.000 jeugdigen (2019)", number: 12.5, unit: .rate(base: 1000, noun: "jeugdigen"), year: 2019),
        IndicatorRow(text: "3,1 per 10.000 inwoners uiterlijk 2024", number: 3.1, unit: .rate(base: 10000, noun: "inwoners"), year: 2024),
        IndicatorRow(text: "1.400 kinderen (2019)", number: 1400, unit: .count("kinderen"), year: 2019),
        IndicatorRow(text: "1,250 households (2024)", language: .en, number: 1250, unit: .count("households"), year: 2024),
        IndicatorRow(text: "maximaal 11% in 2027", comparator: .atMost, number: 11, unit: .percent, year: 2027),
        IndicatorRow(text: "ten minste 90% eind 2027", comparator: .atLeast, number: 90, unit: .percent, year: 2027),
        IndicatorRow(text: "82.5% (2024)", language: .en, number: 82.5, unit: .percent, year: 2024),
        IndicatorRow(text: "200 deelnemers Q3 2022", number: 200, unit: .count("deelnemers"), year: 2022),
        IndicatorRow(text: "75 huishoudens 2022-06-30", number: 75, unit: .count("huishoudens"), year: 2022),
        IndicatorRow(text: "-5%", number: -5, unit: .percent),
        IndicatorRow(text: ">= 60 procent in 2025", comparator: .atLeast, number: 60, unit: .percent, year: 2025),
        IndicatorRow(text: "at most 40 by end of 2026", language: .en, comparator: .atMost, number: 40, year: 2026),
        IndicatorRow(text: "1.000 huishoudens", number: 1000, unit: .count("huishoudens")),
        IndicatorRow(text: "350 jeugdigen (CBS, 2023)", number: 350, unit: .count("jeugdigen"), year: 2023),
    ]

    @Test(arguments: rows)
    func reads(_ row: IndicatorRow) throws {
        let v = try IndicatorValueParser.parse(row.text, language: row.language).get()
        #expect(v.comparator == row.comparator)
        #expect(abs(v.number - row.number) < 1e-9)
        #expect(v.unit == row.unit)
        #expect(v.year == row.year)
    }

    @Test(arguments: ["veel", "", "12.5% (2020)", "minder dan de helft"])
    func refuses(text: String) {
        #expect(throws: ValueError.self) { try IndicatorValueParser.parse(text, language: .nl).get() }
    }
}

@Suite struct DateAndPeriodTests {
    @Test(arguments: [
        ("2019-05-21", CalendarDate(year: 2019, month: 5, day: 21)),
        ("21 mei 2019", CalendarDate(year: 2019, month: 5, day: 21)),
        ("21 May 2019", CalendarDate(year: 2019, month: 5, day: 21)),
        ("1 maart 2020", CalendarDate(year: 2020, month: 3, day: 1)),
        ("3 okt. 2023", CalendarDate(year: 2023, month: 10, day: 3)),
        ("29 februari 2024", CalendarDate(year: 2024, month: 2, day: 29)),
    ])
    func dates(text: String, expected: CalendarDate) throws {
        #expect(try CalendarDate.parse(text).get() == expected)
    }

    @Test(arguments: ["2019-13-01", "31 juni 2019", "29 februari 2023", "mei 2019", "gisteren", "2019/05/21"])
    func invalidDates(text: String) {
        #expect(throws: ValueError.self) { try CalendarDate.parse(text).get() }
    }

    @Test(arguments: [
        ("2020-2023", 2020, 2023), ("2020–2023", 2020, 2023), ("2020 t/m 2023", 2020, 2023),
        ("2021", 2021, 2021), ("2020 tot en met 2023", 2020, 2023), ("2025 to 2028", 2025, 2028),
        ("(2019-2022)", 2019, 2022),
    ])
    func periods(text: String, first: Int, last: Int) throws {
        #expect(try YearSpan.parsePeriod(text).get() == YearSpan(first: first, last: last))
    }

    @Test(arguments: ["2023-2020", "vier jaar", "2020-", "20-23"])
    func invalidPeriods(text: String) {
        #expect(throws: ValueError.self) { try YearSpan.parsePeriod(text).get() }
    }
}

@Suite struct WordValueTests {
    @Test(arguments: [
        ("universeel", PreventionLevel.universal), ("Universal", .universal), ("selectief", .selective),
        ("selectieve preventie", .selective), ("geïndiceerd", .indicated), ("geindiceerd", .indicated),
        ("GEÏNDICEERDE", .indicated), ("indicated", .indicated), ("zorggerelateerd", .careRelated),
        ("care-related", .careRelated), ("primair", .primary), ("primary prevention", .primary),
        ("secundair", .secondary), ("tertiair", .tertiary), ("tertiary", .tertiary),
    ])
    func levels(text: String, level: PreventionLevel) throws {
        #expect(try PreventionLevel.parse(text).get() == level)
    }

    @Test func levelSystemsAndOrder() {
        #expect(PreventionLevel.selective.system == .targetGroup)
        #expect(PreventionLevel.secondary.system == .stage)
        #expect(Classification.targetGroup.levels == [.universal, .selective, .indicated, .careRelated])
        #expect(PreventionLevel.universal.rank < PreventionLevel.careRelated.rank)
    }

    @Test func unknownLevelSuggestsNearest() {
        guard case .failure(let e) = PreventionLevel.parse("selctief") else { Issue.record("should fail"); return }
        #expect(e.suggestion == "selectief")
    }

    @Test func statusesLanguagesClassificationsRequirements() throws {
        #expect(try NoteStatus.parse("Concept").get() == .draft)
        #expect(try NoteStatus.parse("final").get() == .final)
        #expect(throws: ValueError.self) { try NoteStatus.parse("klaar").get() }
        #expect(try Language.parse("EN").get() == .en)
        #expect(throws: ValueError.self) { try Language.parse("fr").get() }
        #expect(try Classification.parse("stadium").get() == .stage)
        #expect(try Classification.parse("target-group").get() == .targetGroup)
        #expect(try Requirement.parseList("onderbouwing, bereik; source").get() == [.evidence, .reach, .source])
        #expect(throws: ValueError.self) { try Requirement.parseList("bereik, geld").get() }
    }

    @Test(arguments: [
        ("jeugd", "jeugd", true), ("Youth", "jeugd", true), ("Jeugdwet", "jeugd", true), ("Wmo 2015", "wmo", true),
        ("maatschappelijke ondersteuning", "wmo", true), ("Participatiewet", "werk en inkomen", true),
        ("public health", "gezondheid", true), ("Cultuur", "cultuur", false),
    ])
    func domains(text: String, key: String, known: Bool) {
        #expect(Domain.named(text) == Domain(key: key, isKnown: known))
    }

    @Test(arguments: [
        ("0-4 jaar", 0, Optional(4)), ("18+", 18, nil), ("65 jaar en ouder", 65, nil), ("12-18 years", 12, 18),
        ("tot 18 jaar", 0, 18), ("65 years and older", 65, nil),
    ])
    func ages(text: String, min: Int, max: Int?) throws {
        #expect(try AgeRange.parse(text).get() == AgeRange(min: min, max: max))
    }

    @Test func funding() throws {
        #expect(try Funding.parse("incidenteel, stroppenpot").get() == Funding(kind: .incidental, source: "stroppenpot"))
        #expect(try Funding.parse("Structural").get() == Funding(kind: .structural, source: ""))
        #expect(try Funding.parse("Kadernota 2020").get() == Funding(kind: nil, source: "Kadernota 2020"))
    }
}

@Suite struct TaskFieldTests {
    let table = TaskFieldTable.standard

    @Test func versionsByYear() {
        #expect(table.version(for: 2019).codes["6.72"] == "Maatwerkdienstverlening 18-")
        #expect(table.version(for: 2023).codes["6.72"] == nil)
        #expect(table.version(for: 2024).codes["6.72a"] != nil)
        #expect(table.version(for: 2026).codes["6.21"] != nil)
        #expect(table.version(for: nil).name == "vanaf 2025", "no year: the newest version")
        #expect(table.version(for: 2010).name == "t/m 2022")
        #expect(table.name(of: "6.2", year: 2021) == "Wijkteams")
        #expect(table.name(of: "6.2", year: 2023) == "Toegang en eerstelijnsvoorzieningen")
        #expect(table.name(of: "7.1", year: 2030) == "Volksgezondheid")
    }

    @Test func normalisesAndKnowsCodes() {
        #expect(TaskFieldTable.normalise("6.72A") == "6.72a")
        #expect(TaskFieldTable.normalise("taakveld 6.1 Samenkracht") == "6.1")
        #expect(TaskFieldTable.normalise("zes") == nil)
        #expect(table.exists("6.811"))
        #expect(!table.exists("9.99"))
        #expect(table.escalatedCare.contains("6.82a"))
    }

    @Test func replacementsForCodesNoLongerValid() {
        #expect(table.replacements(for: "6.2", year: 2025) == ["6.21", "6.22", "6.23"])
        #expect(table.replacements(for: "6.81", year: 2023) == ["6.81a", "6.81b"])
        #expect(table.replacements(for: "6.81", year: 2026) == ["6.811", "6.812"])
        #expect(table.replacements(for: "6.71a", year: 2025) == ["6.711"])
    }
}

@Suite struct FoldingTests {
    @Test func foldAndSlug() {
        #expect(Folding.fold("  Geïndiceerd   Één ") == "geindiceerd een")
        #expect(Folding.slug("Praktijkondersteuner jeugd (POH) – bij de huisarts!") == "praktijkondersteuner-jeugd-poh-bij-de-huisarts")
        #expect(Folding.slug("Kinderen van ouders met GGZ-problematiek") == "kinderen-van-ouders-met-ggz-problematiek")
        #expect(Folding.slug("€") == "")
        // ASCII titles take a byte path; one non-ASCII letter sends a title down the other.
        #expect(Folding.slug("  Zorg (POH)\t2024! ") == "zorg-poh-2024")
        #expect(Folding.slug("  Zörg (POH)\t2024! ") == "zorg-poh-2024")
        #expect(Folding.slug("!!") == "" && Folding.slug("") == "" && Folding.slug("A--b") == "a-b")
    }

    @Test func asciiTextFoldsAsTheScalarPathDoes() {
        // ASCII takes a byte path; a non-ASCII letter anywhere sends the whole text down the
        // scalar path. Both must give the same folding.
        for (ascii, accented) in [("  Zorg\t voor\r\nJEUGD  ", "  Zörg\t voor\r\nJEUGD  "), ("A  b", "À  b"), ("", "\u{301}")] {
            #expect(Folding.fold(ascii) == Folding.fold(accented), "\(ascii.debugDescription)")
        }
        #expect(Folding.fold("  Zorg\t voor\r\nJEUGD  ") == "zorg voor jeugd")
        #expect(Folding.fold(Substring("Ab  C")) == "ab c")
        // Folded text comes back as it is; anything folding would change does not.
        for (text, folded) in [("m1-0", "m1-0"), ("", ""), (" ", ""), (" a", "a"), ("a ", "a"), ("a  b", "a b"), ("a\tb", "a b"), ("aB", "ab"), ("a b", "a b")] {
            #expect(Folding.fold(text) == folded, "\(text.debugDescription)")
        }
    }

    @Test func trimmingSpacesKeepsWholeCharacters() {
        #expect(" \t#g1-0 \t".trimmingSpaces == "#g1-0")
        #expect(Substring("  a b  ").trimmingSpaces == "a b")
        #expect("   ".trimmingSpaces == "" && "".trimmingSpaces == "")
        #expect("  zoë  ".trimmingSpaces == "zoë")
        // A space with a combining mark is one character, not a space: it stays.
        #expect("  \u{301}x ".trimmingSpaces == " \u{301}x")
        #expect("x\u{301}  ".trimmingSpaces == "x\u{301}")
    }

    @Test func nearestIsForTyposOnly() {
        #expect(Folding.nearest(to: "maatregl", in: ["maatregel", "doel"]) == "maatregel")
        #expect(Folding.nearest(to: "doelen", in: ["doel"]) == nil, "two edits on a short word is no typo")
        #expect(Folding.nearest(to: "budgt", in: ["budget", "bereik"]) == "budget")
        // Candidates of other lengths are skipped unmeasured; the answer stays the same.
        let many = (0..<1000).map { "maatregel-nummer-\($0)" } + ["mantelzorg", "mantelzorgers", "mantelzorger"]
        #expect(Folding.nearest(to: "mantelzorgr", in: many) == "mantelzorg", "the first of the closest (one edit each)")
        #expect(Folding.nearest(to: "Mantelzorger", in: many) == nil, "written as a candidate: nothing to suggest")
        #expect(Folding.nearest(toFolded: "mantelzrg", in: [(candidate: "Mantelzorg", folded: "mantelzorg")]) == "Mantelzorg")
        #expect(Folding.editDistance("ab", "ba") == 1)
    }
}
