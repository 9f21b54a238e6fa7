import Foundation
import PnoteSyntax
import Testing
@testable import PnoteOutput

@Suite struct SnippetWindowTests {
    @Test func aShortLineIsShownWhole() {
        let source = SourceText("- doelgroep: #jeugd, #ouders\n")
        let w = SnippetWindow(source, line: source.lineRange(0), start: 21, end: 28)
        #expect(w.text == "- doelgroep: #jeugd, #ouders" && w.caretOffset == 21 && w.caretWidth == 7)
    }

    @Test func aLongLineIsShownAroundTheFindingWithTheCaretUnderIt() {
        // 3,000 references with accents and a four-byte scalar between them.
        let line = "- doelgroep: " + (0..<3_000).map { "#groep-é\($0) 😀" }.joined(separator: ", ")
        let source = SourceText(line + "\n")
        for target in ["#groep-é0 ", "#groep-é1500 ", "#groep-é2999 "] {
            let start = byteOffset(of: target, in: line)
            let end = start + target.utf8.count - 1
            let w = SnippetWindow(source, line: source.lineRange(0), start: start, end: end)
            let shown = Array(w.text.unicodeScalars)
            #expect(shown.count <= 2 * SnippetWindow.context + SnippetWindow.widest + 2)
            #expect(String(String.UnicodeScalarView(shown[w.caretOffset..<(w.caretOffset + w.caretWidth)])) == target.dropLast(),
                    "caret under \(target)")
            // "…" only where the line goes on: not before the first reference's context
            // ("- doelgroep: " is shorter than it), not after the last one.
            #expect(w.text.hasPrefix("…") == (target != "#groep-é0 "), "\(target)")
            #expect(w.text.hasSuffix("…") == (target != "#groep-é2999 "), "\(target)")
        }
    }

    @Test func aFindingWiderThanTheWindowIsCut() {
        let line = String(repeating: "ab", count: 5_000)
        let source = SourceText(line)
        let w = SnippetWindow(source, line: source.lineRange(0), start: 0, end: line.utf8.count)
        #expect(!w.text.hasPrefix("…") && w.text.hasSuffix("…"))
        #expect(w.caretOffset == 0 && w.caretWidth == SnippetWindow.widest)
        #expect(w.text.count == SnippetWindow.widest + SnippetWindow.context + 1)
    }

    func byteOffset(of needle: String, in text: String) -> Int {
        text.utf8.count - text[text.range(of: needle)!.lowerBound...].utf8.count
    }
}
