import Testing
@testable import PnoteRules

@Suite struct SuppressionTests {
    let twoUnknownFields = "## Maatregel: X\n<!-- pnote-disable unknown-field -->\n- budgt: € 5\n- nivo: universeel\n"

    @Test func blockOrFieldScopeCoversOnlyTheNextFieldLine() {
        let d = diagnostics(twoUnknownFields).filter { $0.code == "PN002" }
        #expect(d.map { $0.message.en } == ["unknown field 'nivo' in measure 'X'"], "only 'nivo' remains")
    }

    @Test func suppressionBeforeAHeadingCoversTheWholeBlock() {
        let d = diagnostics("<!-- pnote-disable PN002 -->\n## Maatregel: X\n- budgt: € 5\n- nivo: universeel\n## Maatregel: Y\n- nivo: x\n")
        #expect(d.filter { $0.code == "PN002" }.count == 1, "block Y is not covered")
    }

    @Test func emptyListSuppressesEverythingAndUnknownNamesAreReported() {
        #expect(diagnostics("<!-- pnote-disable -->\n## Maatregel: X\n- budgt: € 5\n").isEmpty)
        let d = diagnostics("<!-- pnote-disable PN999 -->\n## Doel: X\n- indicator: y\n- nulmeting: 1 (2020)\n- streefwaarde: 2 in 2021\n- bron: z\n").filter { $0.code != "PN311" }
        #expect(d.map(\.code) == ["PN010"])
        #expect(d[0].message.en.contains("PN999"))
    }

    @Test func unusedSuppressionOffersASafeRemoval() throws {
        let d = diagnostics("## Doel: X\n\n<!-- pnote-disable PN003 -->\n- bron: CBS\n")
        let fix = try #require(d.first { $0.code == "PN010" }?.fix)
        #expect(fix.isSafe)
    }
}

@Suite struct SeverityTests {
    @Test func draftSoftensDomainErrorsButNotStructureErrors() {
        let draft = diagnostics("---\nstatus: concept\n---\n## Maatregel: X\n- niveau: foo\n")
        #expect(draft.first { $0.code == "PN004" }?.severity == .error, "PN0xx stays an error in drafts")
    }
}
