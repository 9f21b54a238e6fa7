import Foundation
import PnoteModel
import PnoteRules
import PnoteSyntax
import PnoteTestSupport
import Testing
@testable import PnoteOutput

/// The linear fix chooser, edit applier and edit-based diff against the quadratic ones
/// they replace, on random notes and fixes; and at a scale the old ones could not reach.
@Suite struct FixAndDiffScaleTests {
    typealias Random = SeededRandom

    /// Distinct lines, so that the smallest diff is the one the edits describe.
    static func text(_ random: inout Random) -> [UInt8] {
        let count = 5 + random.next(40)
        var text = (0..<count).map { "regel \($0) met tekst\n" }.joined()
        if random.next(3) == 0 { text.removeLast() }  // no final newline
        return Array(text.utf8)
    }

    static func lineStarts(_ bytes: [UInt8]) -> [Int] {
        [0] + bytes.indices.filter { bytes[$0] == 0x0A && $0 + 1 < bytes.count }.map { $0 + 1 }
    }

    /// Non-overlapping edits of the kinds fixes make, each at its own place.
    static func edits(_ bytes: [UInt8], _ random: inout Random) -> [TextEdit] {
        let starts = lineStarts(bytes)
        var out: [TextEdit] = []
        var line = random.next(3)
        var n = 0
        while line < starts.count {
            let start = starts[line], end = line + 1 < starts.count ? starts[line + 1] : bytes.count
            n += 1
            switch random.next(5) {
            case 0: out.append(TextEdit(range: TextRange(start + 6, start + 7), newText: "nieuw\(n)"))  // a word in the line
            case 1: out.append(TextEdit(range: TextRange(start, end), newText: "vervangen \(n)\n"))  // the whole line
            case 2: out.append(TextEdit(range: TextRange(start, end), newText: ""))  // a line removed
            case 3: out.append(TextEdit(range: TextRange(start, start), newText: "ingevoegd \(n)\n- veld: \(n)\n"))  // lines inserted
            default: out.append(TextEdit(range: TextRange(end, end), newText: "")); out.removeLast()  // nothing here
            }
            line += 1 + random.next(9)
        }
        return out
    }

    @Test(arguments: 1...40)
    func theEditBasedDiffIsTheMyersDiff(seed: Int) {
        var random = Random(state: UInt64(seed))
        let old = FixAndDiffScaleTests.text(&random)
        let edits = FixAndDiffScaleTests.edits(old, &random)
        let new = FixApplication.apply(edits, to: old)
        #expect(UnifiedDiff.render(old: old, edits: edits.shuffled(), path: "n.pnote") == MyersDiff.render(old: old, new: new, path: "n.pnote"))
    }

    static func overlap(_ e: TextEdit, _ c: TextEdit) -> Bool {
        let crossing = e.range.start < c.range.end && c.range.start < e.range.end
        return crossing || e.range == c.range
    }

    @Test(arguments: 1...40)
    func choosingAndApplyingFixesAsBefore(seed: Int) {
        var random = Random(state: UInt64(seed))
        let bytes = Array(String(repeating: "abcdefghij", count: 20).utf8)
        // Fixes of one to three edits, many overlapping, some empty, some at one place.
        let fixes = (0..<30).map { _ in
            Fix(title: Localized(nl: "f", en: "f"), edits: (0..<(1 + random.next(3))).map { _ in
                let start = random.next(bytes.count), length = random.next(3) == 0 ? 0 : random.next(8)
                return TextEdit(range: TextRange(start, min(bytes.count, start + length)), newText: "x")
            }, isSafe: true)
        }
        // Before: each fix against every edit chosen so far.
        var chosen: [TextEdit] = [], taken: [Int] = []
        for (i, fix) in fixes.enumerated() {
            let overlaps = fix.edits.contains { e in chosen.contains { c in FixAndDiffScaleTests.overlap(e, c) } }
            if !overlaps { chosen += fix.edits; taken.append(i) }
        }
        let now = FixApplication.nonOverlapping(fixes)
        #expect(now.map(\.edits) == taken.map { fixes[$0].edits })
        // Before: replaced from the end, one at a time (only fixes whose own edits do not overlap).
        let clean = now.filter { fix in
            !fix.edits.indices.contains { i in fix.edits.indices.contains { j in i != j && FixAndDiffScaleTests.overlap(fix.edits[i], fix.edits[j]) } }
        }
        var before = bytes
        for edit in clean.flatMap(\.edits).sorted(by: { ($0.range.start, $0.range.end) > ($1.range.start, $1.range.end) }) {
            before.replaceSubrange(edit.range.start..<edit.range.end, with: Array(edit.newText.utf8))
        }
        #expect(FixApplication.apply(clean.flatMap(\.edits), to: bytes) == before)
    }

    // The limit is generous: on a loaded CI machine a test can wait minutes for a thread;
    // the old code took far longer (or for ever).
    @Test(.timeLimit(.minutes(5))) func eightyThousandFixesAndTheirDiff() {
        // 80,000 one-word fixes: each fix against every chosen edit, each edit moving the
        // rest of the file, and a Myers diff of 160,000 changed lines took minutes and
        // gigabytes.
        let count = 80_000
        let text = (0..<count).map { "## Maatregel: M\($0)\n- niveau: universeel\n" }.joined()
        let source = SourceText(text)
        var fixes: [Fix] = []
        var at = 0
        for i in 0..<count {
            at += "## Maatregel: M\(i)\n- niveau: ".utf8.count
            fixes.append(Fix(title: Localized(nl: "f", en: "f"), edits: [TextEdit(range: TextRange(at, at + 10), newText: "primair")], isSafe: true))
            at += "universeel\n".utf8.count
        }
        let chosen = FixApplication.nonOverlapping(fixes)
        #expect(chosen.count == count)
        let edits = chosen.flatMap(\.edits)
        let fixed = FixApplication.apply(edits, to: source.bytes)
        #expect(String(decoding: fixed, as: UTF8.self) == text.replacingOccurrences(of: "universeel", with: "primair"))
        let diff = UnifiedDiff.render(old: source.bytes, edits: edits, path: "n.pnote")
        #expect(diff.components(separatedBy: "\n+- niveau: primair").count - 1 == count)
    }
}
