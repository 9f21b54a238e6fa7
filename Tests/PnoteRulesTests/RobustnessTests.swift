import PnoteModel
import PnoteSyntax
import Testing
@testable import PnoteRules

/// The whole pipeline on one byte sequence: parse, build, check. Returns the tree for the
/// structural checks. A crash here is the failure signal.
func runPipeline(_ bytes: [UInt8]) -> SyntaxTree {
    let tree = Parser.parse(SourceText(bytes: bytes))
    let note = NoteBuilder.build(path: "x.pnote", tree: tree)
    _ = Checker.check(Workspace(notes: [note]))
    return tree
}

/// Lossless: BOM plus the lines, concatenated, are the input; every node range lies
/// inside the input and inside its own line.
func expectLossless(_ tree: SyntaxTree, _ bytes: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let s = tree.source
    var rebuilt = Array(bytes[0..<s.bomLength])
    for line in 0..<s.lineCount { rebuilt += bytes[s.fullLineRange(line).start..<s.fullLineRange(line).end] }
    #expect(rebuilt == bytes, sourceLocation: sourceLocation)
    #expect(tree.lineKinds.count == s.lineCount, sourceLocation: sourceLocation)
    func inLine(_ r: TextRange, _ line: Int) -> Bool {
        let full = s.fullLineRange(line)
        return r.start >= full.start && r.end <= full.end && r.start <= r.end
    }
    for h in tree.headings {
        #expect(inLine(h.range, h.lineIndex) && inLine(h.contentRange, h.lineIndex), sourceLocation: sourceLocation)
    }
    for b in tree.blocks {
        #expect(b.range.start <= b.range.end && b.range.end <= bytes.count, sourceLocation: sourceLocation)
        #expect(b.fieldIndices.lowerBound <= b.fieldIndices.upperBound && b.fieldIndices.upperBound <= tree.fields.count,
                sourceLocation: sourceLocation)
        for f in tree.fields(of: b) {
            #expect(inLine(f.keyRange, f.lineIndex) && inLine(f.valueRange, f.lineIndex), sourceLocation: sourceLocation)
        }
    }
}

@Suite struct RobustnessTests {
    @Test func examplesAreLossless() throws {
        for (_, text) in try exampleNotes() {
            let bytes = Array(text.utf8)
            expectLossless(runPipeline(bytes), bytes)
            let crlf = Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
            expectLossless(runPipeline([0xEF, 0xBB, 0xBF] + crlf), [0xEF, 0xBB, 0xBF] + crlf)
        }
    }

    @Test func examplesTruncatedAtEveryLineAndByte() throws {
        for (_, text) in try exampleNotes() {
            let bytes = Array(text.utf8)
            var cut = 0
            while cut < bytes.count {
                let prefix = Array(bytes[0..<cut])
                expectLossless(runPipeline(prefix), prefix)
                // Every line end, and every 7th byte (which also cuts UTF-8 sequences).
                let nextNewline = bytes[(cut + 1)...].firstIndex(of: 0x0A) ?? bytes.count
                cut = min(nextNewline, cut + 7)
            }
        }
    }

    @Test func examplesWithRandomBytesInserted() throws {
        var rng = SeededGenerator(state: 2026)
        let interesting: [UInt8] = Array("#:-*{}`~<!->\n\r\t ,;€ï".utf8) + [0x00, 0xFF, 0xC3, 0x80, 0xE2]
        for (_, text) in try exampleNotes() {
            for _ in 0..<150 {
                var bytes = Array(text.utf8)
                for _ in 0..<Int.random(in: 1...12, using: &rng) {
                    let at = Int.random(in: 0...bytes.count, using: &rng)
                    let byte = Bool.random(using: &rng) ? interesting.randomElement(using: &rng)!
                                                        : UInt8.random(in: 0...255, using: &rng)
                    bytes.insert(byte, at: at)
                }
                expectLossless(runPipeline(bytes), bytes)
            }
        }
    }

    @Test func degenerateInputs() {
        let cases: [[UInt8]] = [
            [], [0xEF, 0xBB, 0xBF], [0xEF, 0xBB], Array("---".utf8), Array("---\n".utf8), Array("\n\n\r\n".utf8),
            [0xFF, 0xFE, 0x00, 0x41], Array(String(repeating: "#", count: 10_000).utf8),
            Array((String(repeating: "######## ", count: 3) + "Doel:").utf8),
            Array("## Doel: {#}\n## Doel: {#x\n- :\n- a: \n<!--".utf8), Array("```\n## Doel: X".utf8),
        ]
        for bytes in cases { expectLossless(runPipeline(bytes), bytes) }
    }

    @Test func deepNestingAndManyHeadings() {
        var text = ""
        for depth in 0..<10_000 { text += String(repeating: "#", count: depth % 6 + 1) + " Doel: D\(depth)\n" }
        let bytes = Array(text.utf8)
        let tree = runPipeline(bytes)
        #expect(tree.blocks.count == 10_000)
        expectLossless(tree, bytes)
    }
}

@Suite struct ExampleNoteTests {
    @Test func theExemplaryNoteIsClean() throws {
        let text = try #require(try exampleNotes().first { $0.name.hasPrefix("voorbeeldstad") }?.text)
        let found = diagnostics(text)
        #expect(found.isEmpty, "\(found.map { "\($0.code): \($0.message.en)" })")
    }
}

/// Rules that find words in a title, prose or a value report them at the words as written,
/// also after invalid UTF-8 (a String has it as three-byte U+FFFD, the note as one to
/// three bytes) and continuation lines (joined by one space in a field's value). The fuzzer
/// found PN306 reporting past the end of its note.
@Suite struct RangesAfterInvalidBytesTests {
    static let invalid: [UInt8] = Array(repeating: 0xBE, count: 40) + [0xE2, 0x82, 0x20, 0xFF]

    static func check(_ bytes: [UInt8]) -> (SourceText, [Diagnostic]) {
        let note = NoteBuilder.build(path: "x.pnote", tree: Parser.parse(SourceText(bytes: bytes)))
        return (note.source, Checker.check(Workspace(notes: [note]))[0].diagnostics)
    }

    @Test func vagueGoalIsReportedAtItsVerb() throws {
        let (source, found) = Self.check(Array("## Doel: Wij ".utf8) + Self.invalid + Array(" versterken de basis\n".utf8))
        let d = try #require(found.first { $0.code == "PN306" })
        #expect(source.text(d.range) == "versterken")
    }

    @Test func mixedTerminologyIsReportedAtItsWords() throws {
        let (source, found) = Self.check(Array("# Inleiding\n\nWij ".utf8) + Self.invalid + Array(" zetten in op secundaire preventie.\n".utf8))
        let d = try #require(found.first { $0.code == "PN106" })
        #expect(source.text(d.range) == "secundaire preventie")
    }

    @Test func unknownEvidenceLevelIsReplacedWhereItIsWritten() throws {
        // The level on a continuation line: the value joins it to the first with one space.
        let bytes = Array("## Maatregel: M\n- onderbouwing: erkend:\n     goed beschreefen\n".utf8)
        let (source, found) = Self.check(bytes)
        let fix = try #require(found.first { $0.code == "PN402" }?.fix)
        let fixed = FixApplication.apply(fix.edits, to: source.bytes)
        #expect(fixed == Array(bytes.dropLast(Array("goed beschreefen\n".utf8).count)) + Array("goed beschreven\n".utf8))
    }
}
