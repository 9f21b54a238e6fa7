import Foundation
import PnoteSyntax
import Testing
@testable import PnoteModel
@testable import PnoteRules

/// The model of a large note, or of many notes, is built and resolved on all cores; it
/// must be exactly the sequential model.
@Suite struct ParallelModelTests {
    /// Everything the model derives, as text: blocks, names, resolved references, links.
    static func described(_ workspace: Workspace) -> [String] {
        workspace.notes.flatMap { note -> [String] in
            var lines = ["external \(note.hasExternalReferences)",
                         "ids \(note.blocks.map { "\($0.foldedID)=\(note.blockIndices(withID: $0.foldedID))" })",
                         "titles \(note.blocks.map { "\($0.foldedTitle)=\(note.firstBlock(withTitle: $0.foldedTitle) ?? -1)" })"]
            for block in note.blocks {
                lines.append("\(block.index) \(block.kind) \(block.id) \(block.idSource) \(block.foldedTitle) "
                             + "\(block.domain?.key ?? "-") \(String(describing: block.standardClassification))")
                for field in block.fields {
                    guard case .references(let refs) = field.value else { continue }
                    lines += refs.map { "  \($0.text.written) → \(String(describing: $0.target)) \(String(describing: $0.problem))" }
                }
            }
            for (name, links) in [("targets", note.measureTargets), ("goals", note.measureGoals)] {
                lines += links.sorted { $0.key < $1.key }.map { "\(name) \($0.key) \($0.value)" }
            }
            lines += note.measureEnvelope.sorted { $0.key < $1.key }.map { "envelope \($0.key) \($0.value)" }
            lines += note.indicatorGoal.sorted { $0.key < $1.key }.map { "indicator \($0.key) \($0.value)" }
            return lines
        }
    }

    @Test func largeNote() {
        // Hengelo has no envelopes and indicators: a domain with both at the end.
        let tail = "\n# Domein: Wonen\n## Begroting: Wonen {#b}\n- totaal: € 100.000 per jaar\n"
            + "## Maatregel: Opvoedsteun\n- niveau: selectief\n## Doel: Minder uitval {#d}\n### Indicator: Uitval\n- nulmeting: 10% (2022)\n"
        let tree = Parser.parse(ParallelCheckTests.largeNote + tail)
        let sequentialNote = NoteBuilder.build(path: "a.pnote", tree: tree, cache: nil, parallel: false)
        let parallelNote = NoteBuilder.build(path: "a.pnote", tree: tree, cache: nil, parallel: true)
        #expect(sequentialNote.blocks.count > NoteBuilder.parallelBlocksThreshold)
        let sequential = Self.described(Workspace(notes: [sequentialNote], parallel: false))
        #expect(sequential == Self.described(Workspace(notes: [parallelNote], parallel: true)))
        #expect(sequential.filter { $0.contains("→ Optional(") }.count > 100, "many resolved references")
        #expect(sequential.contains { $0.hasPrefix("envelope ") } && sequential.contains { $0.hasPrefix("indicator ") })
    }

    @Test func notesResolvedAsTheyAreBuiltAreAsTheWorkspaceWouldResolveThem() {
        // Built for their places (as `pnote check` builds them), for the wrong places, and
        // not resolved at all: one and the same workspace, small and large.
        for count in [3, Workspace.parallelNotesThreshold + 2] {
            func text(_ i: Int) -> String {
                "## Doelgroep: Mantelzorgers \(i) {#g}\n- kenmerk: risicofactor: mantelzorg\n## Doel: Minder uitval {#d}\n"
                    + "### Indicator: Uitval\n## Maatregel: Steunpunt \(i)\n- doelgroep: #g, #nergens\n- doel: #d\n"
                    + (i == 1 ? "- begroting: n0.pnote#g\n" : "")
            }
            func notes(_ index: (Int) -> Int?) -> [Note] {
                (0..<count).map { NoteBuilder.build(path: "n\($0).pnote", tree: Parser.parse(text($0)), cache: nil, workspaceIndex: index($0)) }
            }
            let expected = Self.described(Workspace(notes: notes { _ in nil }))
            #expect(expected.contains { $0.contains("#g → Optional(") } && expected.contains { $0.hasPrefix("targets ") })
            #expect(Self.described(Workspace(notes: notes { $0 })) == expected, "\(count) notes in their places")
            #expect(Self.described(Workspace(notes: notes { count - 1 - $0 })) == expected, "\(count) notes elsewhere")
            #expect(notes { $0 }.map { $0.resolvedAt } == (0..<count).map { $0 == 1 ? nil : $0 }, "the note naming another is left to the workspace")
        }
    }

    @Test func manyNotesReferringToEachOther() {
        // Even notes name other notes (resolved against all notes before any is written);
        // odd ones refer within themselves only (resolved as they are written).
        let count = Workspace.parallelNotesThreshold + 4
        let notes = (0..<count).map { i in
            let refs = i % 2 == 0 ? "n\((i + 1) % count).pnote#g, #g, ../buiten.pnote#g, n\(i).pnote#nergens" : "#g, #nergens, Mantelzorgers \(i)"
            let text = "## Doelgroep: Mantelzorgers \(i) {#g}\n- kenmerk: risicofactor: mantelzorg\n"
                + "## Maatregel: Steunpunt \(i)\n- doelgroep: \(refs)\n"
            return NoteBuilder.build(path: "n\(i).pnote", tree: Parser.parse(text), cache: nil, parallel: false)
        }
        #expect(notes.filter(\.hasExternalReferences).count == count / 2)
        let sequential = Self.described(Workspace(notes: notes, parallel: false))
        #expect(sequential == Self.described(Workspace(notes: notes, parallel: true)))
        #expect(sequential.contains { $0.contains("outsideWorkspace") } && sequential.contains { $0.contains("unresolved") })
        // Even: the next note's group and the own one. Odd: the own one, by id and by title.
        #expect(sequential.filter { $0.contains("→ Optional(") }.count == 2 * count, "resolved references")
        #expect(sequential.filter { $0.hasPrefix("targets ") }.count == count, "every measure linked to its groups")
    }
}

/// Findings come out in the same order in every run, whatever order a rule found them in.
@Suite struct ReportOrderTests {
    static func diagnostic(_ code: String, _ start: Int, _ message: String) -> Diagnostic {
        Diagnostic(code: code, slug: "x", severity: .warning, range: TextRange(start, start + 3),
                   message: Localized(nl: message, en: message), help: nil, fix: nil, related: [])
    }

    @Test func sameRangeAndCodeAreOrderedByMessage() {
        let found = [Self.diagnostic("PN210", 5, "measure 'B'"), Self.diagnostic("PN210", 5, "measure 'A'"),
                     Self.diagnostic("PN108", 5, "group"), Self.diagnostic("PN001", 9, "late")]
        let expected = ["PN108 group", "PN210 measure 'A'", "PN210 measure 'B'", "PN001 late"]
        for order in [found, found.reversed(), [found[1], found[3], found[0], found[2]]] {
            #expect(order.sorted(by: Checker.inReportOrder).map { "\($0.code) \($0.message.en)" } == expected)
            #expect(Checker.inReportOrder(order).map { "\($0.code) \($0.message.en)" } == expected)
        }
    }

    @Test func theReportSortsAsAStableSortWould() {
        // Ties (same range, code and English message) keep the order found, whether the
        // list came in order or not; the Dutch text tells the tied ones apart here.
        func tied(_ start: Int, _ nl: String) -> Diagnostic {
            Diagnostic(code: "PN004", slug: "x", severity: .warning, range: TextRange(start, start + 3),
                       message: Localized(nl: nl, en: "same"), help: nil, fix: nil, related: [])
        }
        let found = [tied(7, "a"), tied(2, "b"), tied(7, "c"), tied(2, "d"), tied(7, "e"), tied(1, "f")]
        #expect(Checker.inReportOrder(found).map(\.message.nl) == ["f", "b", "d", "a", "c", "e"])
        let sorted = [tied(1, "f"), tied(2, "b"), tied(2, "d"), tied(7, "a")]
        #expect(Checker.inReportOrder(sorted).map(\.message.nl) == ["f", "b", "d", "a"])
        #expect(Checker.inReportOrder([]).isEmpty)
    }
}
