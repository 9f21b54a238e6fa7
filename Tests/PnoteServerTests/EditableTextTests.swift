import PnoteSyntax
import PnoteTestSupport
import Testing
@testable import PnoteServer

/// `EditableText` against the server's former way, kept here as the reference: a fresh
/// `SourceText` for every change, its `textRange`, and a replacement in the bytes.
@Suite struct EditableTextTests {
    static func reference(_ bytes: [UInt8], _ changes: [(LSPRange, [UInt8])], _ encoding: PositionEncoding) -> [UInt8] {
        var bytes = bytes
        for (range, text) in changes {
            let r = SourceText(bytes: bytes).textRange(range, encoding)
            bytes.replaceSubrange(r.start..<r.end, with: text)
        }
        return bytes
    }

    static func edited(_ bytes: [UInt8], _ changes: [(LSPRange, [UInt8])], _ encoding: PositionEncoding, chunkSize: Int) -> [UInt8] {
        var text = EditableText(bytes, chunkSize: chunkSize)
        for (range, new) in changes { text.replace(range, with: new, encoding) }
        return text.bytes
    }

    /// Pieces that make line and column counting awkward: CRLF, a lone CR, empty lines,
    /// multibyte and astral scalars, invalid and truncated sequences, a BOM, and runs of
    /// 1,200 and 540 bytes (the reference then counts from its checkpoints on long lines;
    /// ASCII is walked eight bytes at a time).
    static let pieces: [[UInt8]] = [Array("a".utf8), Array("é".utf8), Array("😀".utf8), Array("\n".utf8), Array("\r\n".utf8),
                                    Array("\r".utf8), [0x80], [0xE2, 0x82], [0xFF], Array("- x: y\n".utf8), [0xEF, 0xBB, 0xBF],
                                    Array(String(repeating: "ab 😀é", count: 150).utf8),
                                    Array((String(repeating: "ascii ", count: 90) + "é").utf8)]

    typealias Random = SeededRandom

    /// Chunks of one to three lines make changes cross chunks all the time.
    @Test(arguments: [PositionEncoding.utf8, .utf16, .utf32], [1, 2, 3, 256])
    func randomChangesGiveTheSameTextAsAFreshLineIndexPerChange(encoding: PositionEncoding, chunkSize: Int) {
        var random = Random(state: 42)
        for round in 0..<600 {
            var start = random.text(random.next(30))
            if round % 5 == 0 { start = [0xEF, 0xBB, 0xBF] + start }
            let lines = start.filter { $0 == 0x0A }.count + 1
            let changes = (0..<(1 + random.next(12))).map { _ in
                (LSPRange(start: random.position(lines: lines), end: random.position(lines: lines)), random.text(random.next(4)))
            }
            let expected = EditableTextTests.reference(start, changes, encoding)
            let got = EditableTextTests.edited(start, changes, encoding, chunkSize: chunkSize)
            #expect(got == expected, "round \(round): \(start) with \(changes)")
            if got != expected { return }
        }
    }

    @Test func changesThatOutgrowTheTextAreCompactedWithoutChangingIt() {
        // One long line edited many times: each change copies the line into the added
        // buffer (20 × 300 kB here), which is compacted along the way.
        let line = Array(repeating: UInt8(ascii: "x"), count: 300_000) + [0x0A]
        var text = EditableText(line + line)
        var reference = line + line
        for k in 0..<20 {
            let range = LSPRange(start: Position(line: 1, character: k * 7), end: Position(line: 1, character: k * 7 + 1))
            text.replace(range, with: Array("é".utf8), .utf16)
            reference = EditableTextTests.reference(reference, [(range, Array("é".utf8))], .utf16)
        }
        #expect(text.bytes == reference)
        #expect(text.bytes.count == 600_002 + 20)
        #expect(text.addedByteCount <= 2 * 600_022 + (1 << 20))
    }
}

private extension SeededRandom {
    mutating func text(_ count: Int) -> [UInt8] {
        (0..<count).flatMap { _ in EditableTextTests.pieces[next(EditableTextTests.pieces.count)] }
    }
    /// Lines and characters from before the start to past the end, as a broken client sends them.
    mutating func position(lines: Int) -> Position {
        Position(line: next(lines + 3) - 1, character: next(4) == 0 ? next(1_500) : next(8) - 1)
    }
}
