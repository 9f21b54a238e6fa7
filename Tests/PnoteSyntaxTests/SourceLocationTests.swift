import PnoteSyntax
import PnoteTestSupport
import Testing

@Suite struct SourceLocationTests {
    /// `locations(of:)` counts the end on from the start when both share a line: it must
    /// say what `location(of:)` says of each end, for any range, in any text (multi-byte
    /// letters, invalid bytes, CRLF, a BOM, ends inside a scalar or past the end).
    @Test func bothEndsAtOnceAreEachEndAlone() {
        var random = SeededRandom(state: 7)
        let pieces: [[UInt8]] = [Array("ab".utf8), Array("é".utf8), Array("€".utf8), Array("😀".utf8), [0x0A], [0x0D, 0x0A],
                                 [0x80], [0xE2, 0x82], [0xFF], Array("## Maatregel: Respijt\n".utf8), [0x20], [0x0D]]
        var compared = 0, sameLine = 0
        for round in 0..<400 {
            var bytes: [UInt8] = random.next(5) == 0 ? [0xEF, 0xBB, 0xBF] : []
            for _ in 0..<random.next(40) { bytes += pieces[random.next(pieces.count)] }
            let source = SourceText(bytes: bytes)
            for _ in 0..<30 {
                let a = random.next(bytes.count + 3), b = a + random.next(12)
                let range = TextRange(a, b)
                let both = source.locations(of: range)
                #expect(both.start == source.location(of: a), "round \(round), \(a)..<\(b)")
                #expect(both.end == source.location(of: b), "round \(round), \(a)..<\(b) in \(bytes)")
                compared += 1
                if both.start.line == both.end.line { sameLine += 1 }
            }
        }
        #expect(compared == 12_000 && sameLine > 4_000)
    }

    /// A line searched from an earlier line found (the renderers ask for a file's findings
    /// in order) is the line searched from nothing, whatever the hint.
    @Test func aLineFoundFromAHintIsTheLine() {
        var random = SeededRandom(state: 5)
        for round in 0..<200 {
            let text = (0..<random.next(300)).map { _ in String(repeating: "x", count: random.next(40)) }.joined(separator: random.next(4) == 0 ? "\r\n" : "\n")
            let source = SourceText(text)
            var hint = 0
            for _ in 0..<50 {
                let offset = random.next(text.utf8.count + 5)
                let wild = random.next(source.lineCount + 4) - 2
                #expect(source.lineIndex(of: offset, after: wild) == source.lineIndex(of: offset), "round \(round), \(offset) after \(wild)")
                let range = TextRange(offset, offset + random.next(30))
                let before = hint
                let both = source.locations(of: range, lineHint: &hint)
                #expect(both.start == source.location(of: range.start) && both.end == source.location(of: range.end), "round \(round), hint \(before)")
                #expect(hint == both.start.line - 1)
            }
        }
    }
}
