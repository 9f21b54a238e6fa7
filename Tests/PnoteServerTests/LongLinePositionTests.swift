import PnoteSyntax
import PnoteTestSupport
import Testing
@testable import PnoteServer

/// Columns on long lines come from checkpoints (`LineCheckpoints`); these tests hold them
/// to the plain walk from the line's start, for every offset and every column, in text
/// made to be awkward: multibyte scalars across step boundaries, invalid and truncated
/// sequences, stray continuation bytes, CRLF, a BOM.
@Suite struct LongLinePositionTests {
    /// Five lines of up to 1,600 bytes, from a fixed seed.
    static func awkwardText(seed: UInt64) -> [UInt8] {
        let pieces: [[UInt8]] = [Array("a".utf8), Array("é".utf8), Array("€".utf8), Array("😀".utf8), [0x80], [0xE2, 0x82],
                                 [0xFF], [0xF0, 0x9F], Array("b c".utf8)]
        var random = SeededRandom(state: seed)
        func next(_ n: Int) -> Int { random.next(n) }
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        for _ in 0..<5 {
            let length = [10, 511, 512, 513, 1024, 1100, 1600][next(7)]
            var line: [UInt8] = []
            while line.count < length { line += pieces[next(pieces.count)] }
            out += line + (next(2) == 0 ? [0x0A] : [0x0D, 0x0A])
        }
        return out
    }

    /// The walk without checkpoints, as `position(of:)` did it before them.
    static func plainPosition(_ s: SourceText, _ offset: Int, _ encoding: PositionEncoding) -> Position {
        let clamped = min(max(offset, s.bomLength), s.bytes.count)
        let line = s.lineIndex(of: clamped)
        var i = s.lineStarts[line], units = 0
        let end = min(clamped, s.lineRange(line).end)
        while i < end {
            let (width, scalar) = SourceText.decodeScalar(s.bytes, at: i, limit: end)
            units += encoding == .utf8 ? width : encoding == .utf16 ? (scalar > 0xFFFF ? 2 : 1) : 1
            i += width
        }
        return Position(line: line, character: units)
    }

    static func plainOffset(_ s: SourceText, _ p: Position, _ encoding: PositionEncoding) -> Int {
        let range = s.lineRange(p.line)
        var i = range.start, units = 0
        while i < range.end && units < p.character {
            let (width, scalar) = SourceText.decodeScalar(s.bytes, at: i, limit: range.end)
            let size = encoding == .utf8 ? width : encoding == .utf16 ? (scalar > 0xFFFF ? 2 : 1) : 1
            if units + size > p.character { break }
            units += size
            i += width
        }
        return i
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func checkpointsGiveThePlainWalksAnswers(seed: UInt64) {
        let s = SourceText(bytes: LongLinePositionTests.awkwardText(seed: seed))
        #expect(s.lineStarts.indices.contains { s.lineRange($0).length > 1_000 }, "a line long enough for checkpoints")
        // Mismatches are gathered, not expected one by one: 40,000 checks.
        var wrong: [String] = []
        for offset in 0...(s.bytes.count + 1) {
            let clamped = min(max(offset, s.bomLength), s.bytes.count)
            let line = s.lineIndex(of: clamped)
            // Columns count as UTF-32 positions do, and a byte of the terminator as one.
            let end = s.lineRange(line).end
            let column = LongLinePositionTests.plainPosition(s, min(clamped, end), .utf32).character + 1 + max(0, clamped - end)
            if s.location(of: offset).column != column { wrong.append("column at \(offset)") }
            let back = s.offset(line: line + 1, column: s.location(of: offset).column)
            if clamped <= end && back != LongLinePositionTests.plainOffset(s, Position(line: line, character: column - 1), .utf32) {
                wrong.append("offset of column at \(offset)")
            }
            for encoding in [PositionEncoding.utf8, .utf16, .utf32]
            where s.position(of: offset, encoding) != LongLinePositionTests.plainPosition(s, offset, encoding) {
                wrong.append("\(encoding) position at \(offset)")
            }
        }
        for line in 0..<s.lineCount {
            for encoding in [PositionEncoding.utf8, .utf16, .utf32] {
                let last = LongLinePositionTests.plainPosition(s, s.lineRange(line).end, encoding).character
                for character in 0...(last + 2) {
                    let p = Position(line: line, character: character)
                    if s.offset(of: p, encoding) != LongLinePositionTests.plainOffset(s, p, encoding) {
                        wrong.append("\(encoding) offset of \(line):\(character)")
                    }
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
    }
}
