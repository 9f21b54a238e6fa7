import Foundation
import PnoteSyntax
import Testing
@testable import PnoteModel
@testable import PnoteRules

/// Large notes are built and checked on all cores, with a shared cache of field values;
/// the result must be exactly that of the plain sequential path.
@Suite struct ParallelCheckTests {
    /// The Hengelo example (many findings of many rules) repeated until the note is well
    /// over the parallel thresholds.
    static let largeNote: String = {
        let hengelo = try! String(contentsOf: packageRoot.appendingPathComponent("Examples/hengelo-preventie-2019.pnote"), encoding: .utf8)
        let body = hengelo.components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n")
        return hengelo + String(repeating: "\n" + body, count: 12)
    }()

    static func rendered(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.code) \($0.range.start)-\($0.range.end) \($0.severity) \($0.suppressed) \($0.message.en)" }
    }

    @Test func parallelBuildAndCheckEqualSequential() {
        let tree = Parser.parse(Self.largeNote)
        let sequentialNote = NoteBuilder.build(path: "a.pnote", tree: tree, cache: nil, parallel: false)
        let parallelNote = NoteBuilder.build(path: "a.pnote", tree: tree, cache: FieldReadCache(capacity: 50), parallel: true)
        #expect(sequentialNote.blocks.count > max(NoteBuilder.parallelBlocksThreshold, Checker.parallelRulesThreshold))
        #expect(parallelNote.blocks.map { $0.fields.map(\.rawValue) } == sequentialNote.blocks.map { $0.fields.map(\.rawValue) })

        let sequential = RuleContext(workspace: Workspace(notes: [sequentialNote]), noteIndex: 0)
        let parallel = RuleContext(workspace: Workspace(notes: [parallelNote]), noteIndex: 0)
        let rules = RuleRegistry.all.filter { $0 != UnusedSuppression.self }
        let a = Checker.findings(of: rules, in: sequential, parallel: false)
        let b = Checker.findings(of: rules, in: parallel, parallel: true)
        #expect(a.count == rules.count && b.count == rules.count)
        // Within a rule the order may follow a dictionary's (the checker sorts afterwards).
        let render = { (f: [[Finding]]) in f.map { $0.map { "\($0.range.start)-\($0.range.end) \($0.message.en)" }.sorted() } }
        #expect(render(a) == render(b))
        #expect(a.filter { !$0.isEmpty }.count >= 10, "the large note exercises many rules")

        // And through the public entry point, which picks the parallel path by size.
        let whole = Self.rendered(Checker.check(Workspace(notes: [parallelNote]))[0].diagnostics)
        let plain = Self.rendered(Checker.check(Workspace(notes: [sequentialNote]))[0].diagnostics)
        #expect(whole == plain && whole.count > 100)
    }

    @Test func fieldCacheStaysBoundedAndExact() {
        let cache = FieldReadCache(capacity: 8)
        let tree = Parser.parse(Self.largeNote)
        let cached = NoteBuilder.build(path: "a.pnote", tree: tree, cache: cache, parallel: false)
        let again = NoteBuilder.build(path: "a.pnote", tree: tree, cache: cache, parallel: false)
        let plain = NoteBuilder.build(path: "a.pnote", tree: tree, cache: nil, parallel: false)
        #expect(cache.count <= 8)
        let rules = RuleRegistry.all
        let results = [cached, again, plain].map { Self.rendered(Checker.check(Workspace(notes: [$0]), rules: rules)[0].diagnostics) }
        #expect(results[0] == results[2] && results[1] == results[2])
    }

    @Test func colludingHashesStillReadEveryValueExactly() {
        // Every lookup lands on the same slot: a hit must be taken only when kind,
        // language, key and value are byte for byte those of the field.
        let cache = FieldReadCache(capacity: 100, everyLineCollides: true)
        let tree = Parser.parse(Self.largeNote)
        let cached = NoteBuilder.build(path: "a.pnote", tree: tree, cache: cache, parallel: false)
        let plain = NoteBuilder.build(path: "a.pnote", tree: tree, cache: nil, parallel: false)
        #expect(cache.count == 1)
        for (a, b) in zip(cached.blocks, plain.blocks) {
            #expect(a.fields.map(\.rawValue) == b.fields.map(\.rawValue))
            #expect(a.fields.map { "\($0.key.map { "\($0)" } ?? "-") \($0.value)" } == b.fields.map { "\($0.key.map { "\($0)" } ?? "-") \($0.value)" })
        }
        let rules = RuleRegistry.all
        let results = [cached, plain].map { Self.rendered(Checker.check(Workspace(notes: [$0]), rules: rules)[0].diagnostics) }
        #expect(results[0] == results[1])
    }

    @Test func longValuesAreReadButNotKept() {
        let cache = FieldReadCache(capacity: 100)
        let long = String(repeating: "wijkteam ", count: 40)
        let text = "## Maatregel: M\n- budget: € 1.000 per jaar\n- onderbouwing: \(long)\n"
        let built = NoteBuilder.build(path: "a.pnote", tree: Parser.parse(text), cache: cache, parallel: false)
        #expect(built.blocks[0].field(.evidence)?.rawValue == long.trimmingCharacters(in: .whitespaces))
        #expect(cache.count == 1, "only the short budget value is kept")
    }
}
