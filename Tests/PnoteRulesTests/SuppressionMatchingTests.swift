import PnoteModel
import PnoteSyntax
import PnoteTestSupport
import Testing
@testable import PnoteRules

/// `SuppressionMatching` against the definition it replaces: every scope tried on every
/// finding with `covers`, on notes made to be awkward (nested blocks,
/// comments in a row, file-wide and unknown names, comments on the last line).
@Suite struct SuppressionMatchingTests {
    static func note(seed: UInt64) -> String {
        var random = SeededRandom(state: seed)
        func next(_ n: Int) -> Int { random.next(n) }
        let lines = ["# Domein: Jeugd", "## Maatregel: M{i} {#m{i}}", "## Doelgroep: G{i}", "### Indicator: I{i}", "## Doel: D{i}",
                     "- niveau: universeel", "- niveu: selectief", "- doelgroep: #nergens{i}", "  vervolg van het veld", "",
                     "<!-- pnote-disable PN101 -->", "<!-- pnote-disable PN103, PN301 -->", "<!-- pnote-disable -->",
                     "<!-- pnote-disable PN010 -->", "<!-- pnote-disable geen-regel -->", "<!-- pnote-disable-file PN313 -->",
                     "<!-- pnote-disable PN005, missing-budget -->"]
        var note = (0..<300).map { i in lines[next(lines.count)].replacingOccurrences(of: "{i}", with: "\(i)") }
        // File-wide comments that cover PN010, so cover their own reports: one in three
        // notes has one for PN010, one in three one for everything.
        if seed % 3 == 0 { note.insert("<!-- pnote-disable-file PN010 -->", at: next(note.count)) }
        if seed % 3 == 1 { note.insert("<!-- pnote-disable-file -->", at: next(note.count)) }
        return note.joined(separator: "\n")
    }

    /// The definition: the finding starts in the scope's range (any, when file-wide) and
    /// has one of its codes (any, when it names none); never the report about itself.
    static func covers(_ scope: SuppressionScope, _ d: Diagnostic) -> Bool {
        if d.code == UnusedSuppression.meta.code && d.range == scope.comment.range { return false }
        if let range = scope.range, !range.contains(d.range.start) { return false }
        return scope.codes.isEmpty || scope.codes.contains(d.code)
    }

    static func naive(_ scopes: inout [SuppressionScope], _ diagnostics: inout [Diagnostic]) {
        for i in diagnostics.indices {
            for s in scopes.indices where covers(scopes[s], diagnostics[i]) {
                diagnostics[i].suppressed = true
                scopes[s].used = true
            }
        }
    }

    @Test func aFileWideCommentThatCoversOnlyItsOwnReportSuppressesNothing() {
        let note = NoteBuilder.build(path: "n.pnote", tree: Parser.parse("<!-- pnote-disable-file PN010 -->\n## Doelgroep: G\n"))
        let report = Checker.check(note: 0, in: Workspace(notes: [note]))
        #expect(report.diagnostics.contains { $0.code == "PN010" && !$0.suppressed })
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func sameAnswersAsTryingEveryScope(seed: UInt64) {
        let note = NoteBuilder.build(path: "n.pnote", tree: Parser.parse(SuppressionMatchingTests.note(seed: seed)))
        let workspace = Workspace(notes: [note])
        var findings = Checker.check(note: 0, in: workspace, rules: RuleRegistry.all.filter { $0 != UnusedSuppression.self }).diagnostics
        for i in findings.indices { findings[i].suppressed = false }
        let scopes = SuppressionScope.scopes(in: workspace.notes[0])
        #expect(scopes.count > 20 && findings.count > 50)

        // The findings of the rules.
        var (fastScopes, fastFindings) = (scopes, findings)
        var (slowScopes, slowFindings) = (scopes, findings)
        SuppressionMatching.apply(&fastScopes, to: &fastFindings)
        SuppressionMatchingTests.naive(&slowScopes, &slowFindings)
        #expect(fastFindings.map(\.suppressed) == slowFindings.map(\.suppressed))
        #expect(fastScopes.map(\.used) == slowScopes.map(\.used))
        #expect(fastFindings.contains(where: \.suppressed) && (seed % 3 == 1 || fastFindings.contains { !$0.suppressed }))

        // PN010's reports about the comments, which a comment never covers about itself.
        let meta = UnusedSuppression.meta
        let reports = UnusedSuppression.findings(for: fastScopes, in: workspace.notes[0]).map {
            Diagnostic(code: meta.code, slug: meta.slug, severity: meta.severity, range: $0.range, message: $0.message,
                       help: $0.help, fix: $0.fix, related: $0.related)
        }
        #expect(reports.count > 5)
        var (fastReports, slowReports) = (reports, reports)
        SuppressionMatching.apply(&fastScopes, to: &fastReports)
        SuppressionMatchingTests.naive(&slowScopes, &slowReports)
        #expect(fastReports.map(\.suppressed) == slowReports.map(\.suppressed))
        #expect(fastScopes.map(\.used) == slowScopes.map(\.used))
    }
}
