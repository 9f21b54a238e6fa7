import Foundation
import PnoteSyntax
import PnoteTestSupport
import Testing
@testable import PnoteModel
@testable import PnoteRules

/// `pnote check` runs the rules that read a note alone as soon as the note is built
/// (`Checker.checkAlone`), and the rest once the workspace is made. The reports must be
/// exactly those of checking every rule in the workspace.
@Suite struct AloneCheckTests {
    /// Each note built for its place, checked alone where it may be, then in its workspace.
    static func reportsBothWays(_ texts: [(path: String, text: String)]) -> (alone: [[String]], whole: [[String]], checkedAlone: Int) {
        let notes = texts.enumerated().map { i, t in NoteBuilder.build(path: t.path, tree: Parser.parse(t.text), workspaceIndex: i) }
        let early = notes.enumerated().map { i, note in Checker.checkAlone(note, at: i, options: Configuration().options) }
        let workspace = Workspace(notes: notes)
        let configurations = Array(repeating: Configuration(), count: notes.count)
        let alone = Checker.checkInParallel(workspace, configurations: configurations, early: early)
        let whole = Checker.checkInParallel(workspace, configurations: configurations)
        return (alone.map { ParallelCheckTests.rendered($0.diagnostics) }, whole.map { ParallelCheckTests.rendered($0.diagnostics) },
                early.compactMap { $0 }.count)
    }

    /// Every example of every rule, the multi-note ones included: PN311's second
    /// non-triggering example has another note name the goal, so the goal's note may not
    /// keep what it found alone.
    @Test func everyRuleExampleReportsTheSameBothWays() {
        var checkedAlone = 0, reports = 0
        for rule in RuleRegistry.all {
            for example in rule.meta.triggering + rule.meta.nonTriggering {
                let texts = ExampleWorkspace.split(MarkedText(example).text)
                let (alone, whole, count) = Self.reportsBothWays(texts)
                #expect(alone == whole, "\(rule.meta.code): \(example)")
                checkedAlone += count
                reports += whole.joined().count
            }
        }
        #expect(checkedAlone > 100 && reports > 100)
    }

    @Test func examplesFolderReportsTheSameBothWays() throws {
        let (alone, whole, count) = Self.reportsBothWays(try exampleNotes().map { ($0.name, $0.text) })
        #expect(alone == whole)
        #expect(count == 3 && whole.joined().count > 30)
    }

    /// Random folders where some notes name others by path, some blocks of others: what a
    /// note found alone is kept only where no note names another.
    @Test func randomFoldersWithAndWithoutNotesNamingOthers() {
        var random = SeededRandom(state: 5)
        var compared = 0
        for round in 0..<40 {
            let count = 2 + random.next(5)
            let texts = (0..<count).map { n -> (path: String, text: String) in
                var text = ""
                for b in 0..<(1 + random.next(5)) {
                    switch random.next(4) {
                    case 0: text += "## Doelgroep: Groep \(b) {#g\(b)}\n- kenmerk: risicofactor: armoede\n"
                    case 1: text += "## Doel: Doel \(b) {#d\(b)}\n"
                    case 2: text += "## Begroting: Potje \(b) {#b\(b)}\n- totaal: € 100.000 per jaar\n"
                    default:
                        text += "## Maatregel: Maatregel \(b)\n- niveau: selectief\n- budget: € 60.000 per jaar\n"
                        // In rounds with an even number, measures name blocks of other notes too.
                        let other = round % 2 == 0 && random.next(2) == 0 ? "n\(random.next(count)).pnote" : ""
                        text += "- doelgroep: \(other)#g\(random.next(4))\n- doel: \(other)#d\(random.next(4))\n- begroting: \(other)#b\(random.next(4))\n"
                    }
                }
                return ("n\(n).pnote", text)
            }
            let (alone, whole, _) = Self.reportsBothWays(texts)
            #expect(alone == whole, "round \(round): \(texts)")
            compared += whole.joined().count
        }
        #expect(compared > 200)
    }

    /// A note that names another note is resolved in its workspace, so it is never checked
    /// alone; nor is a note built for another place than the one asked.
    @Test func onlyANoteResolvedForItsPlaceIsCheckedAlone() {
        let naming = NoteBuilder.build(path: "a.pnote", tree: Parser.parse("## Maatregel: M\n- doelgroep: b.pnote#g\n"), workspaceIndex: 0)
        let alone = NoteBuilder.build(path: "b.pnote", tree: Parser.parse("## Doelgroep: G {#g}\n"), workspaceIndex: 1)
        #expect(Checker.checkAlone(naming, at: 0, options: Configuration().options) == nil)
        #expect(Checker.checkAlone(alone, at: 1, options: Configuration().options) != nil)
        #expect(Checker.checkAlone(alone, at: 0, options: Configuration().options) == nil)
    }
}
