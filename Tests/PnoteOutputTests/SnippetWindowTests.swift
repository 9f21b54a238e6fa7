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

    /// A line saved as Windows-1252: its curly quotes and dash are bytes 0x93, 0x94 and
    /// 0x96, which continue no UTF-8 sequence. Each is a column (as the server counts it)
    /// and is shown as one U+FFFD, so the caret sits under the finding.
    @Test func bytesOfAWindows1252LineAreColumnsAndTheCaretStaysUnderTheFinding() {
        let bytes = Array("## Doel: ".utf8) + [0x93] + Array("Wij".utf8) + [0x94, 0x20, 0x96, 0x20] + Array("versterken de basis".utf8)
        for line in [bytes, bytes + Array(repeating: UInt8(ascii: "x"), count: 400)] {  // shown whole, and in a window
            let source = SourceText(bytes: line + [0x0A])
            let start = 17, end = 27  // "versterken"
            #expect(source.text(TextRange(start, end)) == "versterken")
            #expect(source.location(of: start).column == 18)
            #expect(source.offset(line: 1, column: 18) == start)
            let w = SnippetWindow(source, line: source.lineRange(0), start: start, end: end)
            let shown = Array(w.text.unicodeScalars)
            #expect(String(String.UnicodeScalarView(shown[w.caretOffset..<(w.caretOffset + w.caretWidth)])) == "versterken")
            #expect(shown.filter { $0 == "\u{FFFD}" }.count == 3)
        }
    }

    func byteOffset(of needle: String, in text: String) -> Int {
        text.utf8.count - text[text.range(of: needle)!.lowerBound...].utf8.count
    }
}
