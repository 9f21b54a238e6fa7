import Testing
@testable import PnoteModel
@testable import PnoteRules

@Suite struct ConfigurationTests {
    @Test func readsEverySetting() throws {
        let c = try Configuration.parse("""
        {"language": "en", "maximumReturn": 2.5,
         "rules": {"PN306": "off", "missing-evidence": "warning"},
         "lexicon": {"diagnosis": ["gameverslaving"], "thirdParty": ["kleinkinderen van"]}}
        """, path: "pnote.json")
        #expect(c.language == .en)
        #expect(c.options.maximumReturn == 2.5)
        #expect(c.severities["PN306"] == .some(nil))
        #expect(c.severities["PN401"] == .warning)
        #expect(c.options.lexicon.classify(criterion: nil, title: "Jongeren met gameverslaving")?.groupClass == .diagnosis)
    }

    @Test func configuredLexiconDecidesTheRules() throws {
        // The builder classifies with the standard lexicon; a configured one must win.
        let note = "## Doelgroep: Jongeren met gameverslaving {#game}\n\n## Maatregel: Voorlichting\n- niveau: universeel\n- doelgroep: #game\n"
        let plain = diagnostics(note).map(\.code)
        #expect(plain.contains("PN104") && !plain.contains("PN101"), "unknown to the standard lexicon: unclassified")
        let configured = try Configuration.parse("{\"lexicon\": {\"diagnosis\": [\"gameverslaving\"]}}", path: "pnote.json")
        let codes = diagnostics(note, configuration: configured).map(\.code)
        #expect(codes.contains("PN101") && !codes.contains("PN104"), "a diagnosis group with a universal measure")
    }

    @Test func configuredLexiconDecidesAcrossNotes() throws {
        // PN108 compares a group with its twins in other notes. The index keeps each twin's
        // class under the standard lexicon; a configured one must be asked instead.
        let notes = "## Doelgroep: Jongeren {#j}\n- kenmerk: diagnose: autisme\n==> b.pnote <==\n## Doelgroep: Jongeren {#j}\n- kenmerk: gameverslaving\n"
        #expect(!diagnostics(notes).map(\.code).contains("PN108"), "the twin is unclassified: nothing to compare")
        let configured = try Configuration.parse("{\"lexicon\": {\"riskFactor\": [\"gameverslaving\"]}}", path: "pnote.json")
        let found = diagnostics(notes, configuration: configured).filter { $0.code == "PN108" }
        #expect(found.count == 1 && found[0].message.en.contains("but in b.pnote by a risk factor"), "\(found.map(\.message.en))")
        let same = try Configuration.parse("{\"lexicon\": {\"diagnosis\": [\"gameverslaving\"]}}", path: "pnote.json")
        #expect(!diagnostics(notes, configuration: same).map(\.code).contains("PN108"))
    }

    @Test(arguments: [
        ("{\"rulez\": {}}", 1, 2, "unknown key 'rulez'; did you mean 'rules'?"),
        ("{\n  \"rules\": {\n    \"PN999\": \"off\"\n  }\n}", 3, 5, "unknown rule 'PN999'"),
        ("{\"rules\": {\"PN101\": \"loud\"}}", 1, 21, "'loud' is not a severity; use error, warning, info, hint or off"),
        ("{\"lexicon\": {\"diagnose\": [\"x\"]}}", 1, 14, "unknown class 'diagnose'; use population, riskFactor, earlySigns, diagnosis or thirdParty"),
        ("{\"maximumReturn\": -1}", 1, 19, "'maximumReturn' must be a positive number"),
        ("{\"language\": \"fr\"}", 1, 14, "'language' must be \"nl\" or \"en\""),
        ("{\n  \"rules\": {,}\n}", 2, 13, "not valid JSON: expected a key in double quotes"),
        ("[]", 1, 1, "the configuration must be a JSON object"),
    ])
    func brokenConfigurationsNamePathLineAndColumn(text: String, line: Int, column: Int, message: String) {
        do {
            _ = try Configuration.parse(text, path: "dir/pnote.json")
            Issue.record("should fail")
        } catch {
            #expect(error == ConfigurationError(path: "dir/pnote.json", line: line, column: column, message: message))
        }
    }
}

@Suite struct SeverityByStatusAndConfigurationTests {
    let measure = "## Maatregel: X\n- niveau: selectief\n- doelgroep: #g\n- doel: #d\n- bereik: 5 (2024)\n- onderbouwing: studie\n## Doelgroep: Mantelzorgers {#g}\n## Doel: Y {#d}\n- indicator: z\n- nulmeting: 1 (2020)\n- streefwaarde: 2 in 2021\n"

    @Test func draftTurnsDomainErrorsIntoWarnings() {
        #expect(diagnostics(measure).first { $0.code == "PN201" }?.severity == .error)
        #expect(diagnostics("---\nstatus: concept\n---\n" + measure).first { $0.code == "PN201" }?.severity == .warning)
    }

    @Test func theNotesOwnCriteriaMakeChecksErrors() {
        let plain = diagnostics("## Doel: Y\n- indicator: z\n")
        #expect(plain.first { $0.code == "PN305" }?.severity == .info)
        let strict = diagnostics("---\nvereist: bron, bereik, onderbouwing\n---\n## Doel: Y\n- indicator: z\n## Maatregel: M\n")
        #expect(strict.first { $0.code == "PN305" }?.severity == .error)
        #expect(strict.first { $0.code == "PN313" }?.severity == .error)
        #expect(strict.first { $0.code == "PN401" }?.severity == .error)
        // Each criterion hardens its own check only.
        for (criterion, code) in [("bron", "PN305"), ("bereik", "PN313"), ("onderbouwing", "PN401")] {
            let one = diagnostics("---\nvereist: \(criterion)\n---\n## Doel: Y\n- indicator: z\n## Maatregel: M\n")
            for other in ["PN305", "PN313", "PN401"] {
                let severity = one.first { $0.code == other }?.severity
                #expect(other == code ? severity == .error : severity != .error && severity != nil, "vereist: \(criterion), \(other)")
            }
        }
    }

    @Test func configurationWinsAndCanTurnRulesOff() throws {
        let config = try Configuration.parse("{\"rules\": {\"missing-budget\": \"hint\", \"PN313\": \"off\"}}", path: "p")
        let d = diagnostics("---\nvereist: bereik\n---\n" + measure.replacingOccurrences(of: "- bereik: 5 (2024)\n", with: ""), configuration: config)
        #expect(d.first { $0.code == "PN201" }?.severity == .hint)
        #expect(!d.contains { $0.code == "PN313" }, "off wins over 'vereist'")
    }

    @Test func maximumReturnComesFromTheConfiguration() throws {
        let note = "## Maatregel: V\n- budget: € 100.000 per jaar\n- besparing: € 250.000 per jaar\n- onderbouwing: businesscase\n"
        #expect(!diagnostics(note).contains { $0.code == "PN207" })
        let config = try Configuration.parse("{\"maximumReturn\": 2}", path: "p")
        #expect(diagnostics(note, configuration: config).contains { $0.code == "PN207" })
    }
}

@Suite struct HengeloAcceptanceTests {
    @Test func reportsTheCouncilsCritiqueAndTheRealProblems() throws {
        let text = try #require(try exampleNotes().first { $0.name.hasPrefix("hengelo") }?.text)
        let d = diagnostics(text)
        let messages = d.filter { $0.code == "PN101" }.map(\.message.nl)
        #expect(messages.count == 2)
        #expect(messages.contains { $0.contains("'Jeugdigen met ggz-problematiek'") && $0.contains("diagnose") })
        #expect(messages.contains { $0.contains("'Dementerende ouderen'") })
        #expect(!messages.contains { $0.contains("Opgroeien bij bijzondere ouders") }, "a parent's condition is a risk factor")
        let codes = Set(d.map(\.code))
        for code in ["PN102", "PN201", "PN202", "PN204", "PN207", "PN301", "PN302", "PN303", "PN304", "PN306", "PN312"] {
            #expect(codes.contains(code), "expected \(code)")
        }
        #expect(!d.contains { $0.code.hasPrefix("PN0") }, "the example is well formed")
        #expect(!d.contains { $0.severity == .error }, "a concept note: domain errors are warnings")
    }
}
