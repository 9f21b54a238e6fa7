import Foundation
import PnoteJSON
import PnoteModel
import PnoteRules
import PnoteSyntax
import PnoteTestSupport
import Testing
@testable import PnoteOutput

/// The structure rules only, so renderer tests see just the finding they set up.
let structureRules: [any Rule.Type] = RuleRegistry.all.filter { $0.meta.code.hasPrefix("PN0") }

func checked(_ text: String, path: String = "notes/a.pnote", language: Language = .nl) -> CheckResult {
    let note = NoteBuilder.build(path: "a.pnote", tree: Parser.parse(text))
    let workspace = Workspace(notes: [note])
    let report = Checker.check(workspace, rules: structureRules)[0]
    let file = CheckedFile(displayPath: path, note: workspace.notes[0],
                           diagnostics: report.diagnostics.filter { !$0.suppressed }, language: language)
    return CheckResult(files: [file], failures: [], language: language)
}

@Suite struct TextRendererTests {
    @Test func compilerStyleBlock() {
        let out = TextRenderer().render(checked("## Maatregel: X\n- niveau: selctief\n"))
        let expected = """
        notes/a.pnote:2:11: error[PN004]: de waarde van 'niveau' is niet te lezen: 'selctief' is geen preventieniveau (universeel, selectief, geïndiceerd, zorggerelateerd; of primair, secundair, tertiair)
          |
        2 | - niveau: selctief
          |           ^^^^^^^^
          = help: bedoelt u 'selectief'?
        Gevonden: 1 fout in 1 bestand.

        """
        #expect(out == expected)
    }

    @Test func caretsCountScalarsNotBytes() {
        let out = TextRenderer().render(checked("## Doel: Één\n- bron: x\n## Maatregel: Ü\n- bédrag: € 5\n", language: .en))
        #expect(out.contains("4 | - bédrag: € 5\n  |   ^^^^^^\n"))
        #expect(out.hasSuffix("Found 1 warning in 1 file.\n"))
    }

    @Test func tabsBecomeSpacesAndTheGutterIsAsWideAsTheLineNumber() {
        // A tab before the range: shown as one space, and the caret stays under the value.
        let lines = String(repeating: "\n", count: 11)
        let out = TextRenderer().render(checked("## Maatregel: X\(lines)\n-\tniveau:\tselctief\n"))
        #expect(out.contains("13:11: error[PN004]"), "\(out)")
        #expect(out.contains("   |\n13 | - niveau: selctief\n   |           ^^^^^^^^\n   = help: "), "\(out)")
    }

    @Test func colourOnlyWhenAsked() {
        let result = checked("## Maatregel: X\n- niveau: selctief\n")
        #expect(!TextRenderer(color: false).render(result).contains("\u{1B}["))
        #expect(TextRenderer(color: true).render(result).contains("\u{1B}[1;31merror[PN004]"))
    }

    @Test func cleanSummary() {
        #expect(TextRenderer().render(checked("## Doel: X\n")) == "Geen problemen gevonden in 1 bestand.\n")
    }
}

@Suite struct JSONRendererTests {
    @Test func shapeOfSection10() throws {
        let out = JSONRenderer.render(checked("## Maatregel: X\n- niveau: selctief\n", language: .en))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        let files = try #require(object["files"] as? [[String: Any]])
        #expect(files[0]["path"] as? String == "notes/a.pnote")
        let d = try #require((files[0]["diagnostics"] as? [[String: Any]])?.first)
        #expect(d["code"] as? String == "PN004")
        #expect(d["rule"] as? String == "invalid-value")
        #expect(d["severity"] as? String == "error")
        #expect((d["message"] as? String)?.hasPrefix("the value of 'niveau' cannot be read") == true)
        #expect([d["line"], d["column"], d["endLine"], d["endColumn"]].map { $0 as? Int } == [2, 11, 2, 19])
        let fix = try #require(d["fix"] as? [String: Any])
        let edit = try #require((fix["edits"] as? [[String: Any]])?.first)
        #expect(edit["newText"] as? String == "selectief")
        #expect([edit["line"], edit["column"], edit["endLine"], edit["endColumn"]].map { $0 as? Int } == [2, 11, 2, 19])
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary == ["files": 1, "errors": 1, "warnings": 0, "infos": 0, "hints": 0])
        #expect(out.hasPrefix("{\"version\":1,\"files\":["), "keys in the documented order")
    }

    @Test func fixIsAbsentWithoutOne() throws {
        let out = JSONRenderer.render(checked("## Doel:\n"))
        #expect(out.contains("\"code\":\"PN009\""))
        #expect(!out.contains("\"fix\""))
    }

    @Test func stringsAreEscaped() {
        #expect(JSON.string("a\"b\\c\n\u{01}é").serialized() == "\"a\\\"b\\\\c\\n\\u0001é\"")
        #expect(JSON.object([("b", .int(1)), ("a", .array([.null, .bool(true), .double(1.5)]))]).serialized()
                == "{\"b\":1,\"a\":[null,true,1.5]}")
    }

    @Test func everyByteIsEscapedWhereverItStands() {
        // Strings are scanned eight bytes at a time: each byte that needs an escape, at each
        // place in and around a word, next to multi-byte characters, against a plain escaper.
        func reference(_ s: String) -> String {
            var out = "\""
            for scalar in s.unicodeScalars {
                let unit = scalar.value
                switch unit {
                case 0x22: out += "\\\""
                case 0x5C: out += "\\\\"
                case 0x0A: out += "\\n"
                case 0x0D: out += "\\r"
                case 0x09: out += "\\t"
                case ..<0x20: out += "\\u00" + (unit < 0x10 ? "0" : "") + String(unit, radix: 16)
                default: out += String(scalar)
                }
            }
            return out + "\""
        }
        var checked = 0
        for special in (0..<0x20).map({ UnicodeScalar(UInt8($0)) }) + ["\"", "\\", "é", "€", "~", " "] {
            for length in [1, 7, 8, 9, 15, 16, 17, 24] {
                for position in 0..<length {
                    var scalars = Array(repeating: UnicodeScalar(UInt8(ascii: "a")), count: length)
                    scalars[position] = special
                    let plain = String(String.UnicodeScalarView(scalars))
                    let accented = "é" + plain  // shifts the words by two bytes
                    let expected = reference(plain)
                    #expect(JSON.string(plain).serialized() == expected, "\(special.value) at \(position) of \(length)")
                    #expect(JSON.string(accented).serialized() == "\"é" + expected.dropFirst(), "\(special.value) at \(position) of \(length), after é")
                    checked += 2
                }
            }
        }
        #expect(checked == 38 * 97 * 2)
    }

    @Test func githubCommandsEncodeTheirSeparators() {
        #expect(GitHubRenderer.escapeData("50% a\r\nb: c, d") == "50%25 a%0D%0Ab: c, d")
        #expect(GitHubRenderer.escapeProperty("notes/a:b,c%é.pnote") == "notes/a%3Ab%2Cc%25é.pnote")
        // Runs between encoded bytes are copied whole: every place of every encoded byte,
        // against an encoder that goes byte by byte.
        func reference(_ s: String, property: Bool) -> String {
            var out = ""
            for c in s.unicodeScalars {
                switch c {
                case "%": out += "%25"
                case "\r": out += "%0D"
                case "\n": out += "%0A"
                case ":" where property: out += "%3A"
                case "," where property: out += "%2C"
                default: out.unicodeScalars.append(c)
                }
            }
            return out
        }
        var random = SeededRandom(state: 11)
        let pieces = ["%", "\r", "\n", ":", ",", "a", "bc", "é", "中", " ", "%%", "::"]
        for _ in 0..<2_000 {
            var s = ""
            for _ in 0..<random.next(12) { s += pieces[random.next(pieces.count)] }
            #expect(GitHubRenderer.escapeData(s) == reference(s, property: false), "\(s.debugDescription)")
            #expect(GitHubRenderer.escapeProperty(s) == reference(s, property: true), "\(s.debugDescription)")
        }
    }

    @Test func numbersAndLayoutAreWrittenExactly() {
        // Integers are written digit by digit: the edges of Int, zero and negatives.
        let numbers: [JSON] = [.int(0), .int(-7), .int(Int.max), .int(Int.min), .double(-3), .double(.nan), .double(2.5e20)]
        #expect(JSON.array(numbers).serialized()
                == "[0,-7,9223372036854775807,-9223372036854775808,-3,null,2.5e+20]")
        #expect(JSON.string("\t\r\u{1B}\u{7F}").serialized() == "\"\\t\\r\\u001b\u{7F}\"")
        let pretty = JSON.object([("a", .array([.int(1), .object([])])), ("b", .array([]))]).serialized(pretty: true)
        #expect(pretty == "{\n  \"a\": [\n    1,\n    {}\n  ],\n  \"b\": []\n}")
        #expect(JSON.string("x").serializedBytes() == Array("\"x\"".utf8))
    }
}

/// From `PerFileRendering.parallelThreshold` diagnostics on, they are rendered on all
/// cores, in chunks within a file: the output must be the one-by-one output, in order.
@Suite struct PerFileRenderingTests {
    /// Files with 0, 1,100 (more than a chunk) and 1,100 findings, one finding per measure.
    static func manyFindings() -> CheckResult {
        let measures = (0..<1_100).map { "## Maatregel: M\($0)\n- niveau: selctief\n" }.joined()
        let files = ["## Doel: Goed\n", measures, measures].enumerated().flatMap { i, text in
            checked(text, path: "notes/\(i).pnote").files
        }
        return CheckResult(files: files, failures: [], language: .nl)
    }

    @Test func jsonIsTheSerialisedTreeInOrder() {
        let result = PerFileRenderingTests.manyFindings()
        #expect(result.count(.error) == 2_200 && 2_200 >= PerFileRendering.parallelThreshold)
        let tree = JSON.object([
            ("version", .int(1)),
            ("files", .array(result.files.map { file in
                .object([("path", .string(file.displayPath)),
                         ("diagnostics", .array(file.diagnostics.map { JSONRenderer.diagnostic($0, file) }))])
            })),
            ("summary", .object([("files", .int(3)), ("errors", .int(2_200)), ("warnings", .int(0)), ("infos", .int(0)), ("hints", .int(0))])),
        ])
        #expect(JSONRenderer.render(result) == tree.serialized() + "\n")
    }

    @Test func directlyWrittenDiagnosticsAreTheirTreesBytes() {
        // Fixes, quotes, a tab and non-ASCII text in messages: the direct writer must give
        // exactly the bytes of the documented shape.
        let result = checked("## Maatregl: \"Huisbezoeken\"\t jonge ouders\n- niveau: universeel\n"
                             + "## Maatregel: Één\n- doelgroep: #onbekend\n- niveu: selectief\n")
        let file = result.files[0]
        #expect(file.diagnostics.count >= 3 && file.diagnostics.contains { $0.fix != nil })
        for d in file.diagnostics {
            #expect(JSONRenderer.diagnosticBytes(d, file) == JSONRenderer.diagnostic(d, file).serializedBytes(), "\(d.code)")
        }
        // A run of findings in one buffer: the objects one after the other, comma-separated.
        let run = file.diagnostics.dropFirst()
        let expected = run.map { JSONRenderer.diagnostic($0, file).serializedBytes() }.joined(separator: [UInt8(ascii: ",")])
        #expect(JSONRenderer.diagnosticBytes(run, file) == Array(expected))
    }

    @Test func templateMessagesAreWrittenPieceByPieceAsTheirText() {
        // A message kept as a template (PN210's) is written without being joined: its
        // arguments escaped one by one must give the bytes of the joined text.
        let file = checked("## Maatregel: X\n").files[0]
        let template = MessageTemplate(nl: "maatregel '{0}' in {1}", en: "measure '{0}' in {1}")
        let arguments = ["\"Huis\"\\bezoek\n\u{1}", "Één/ß.pnote", "", "x\ty", "100%\r\nklaar"]
        for (title, path) in zip(arguments, arguments.reversed()) {
            let d = Diagnostic(code: "PN210", slug: "double-counted-measure", severity: .warning,
                               finding: Finding(range: TextRange(0, 3), message: Localized(template, title, path)))
            #expect(JSONRenderer.diagnosticBytes(d, file) == JSONRenderer.diagnostic(d, file).serializedBytes(), "\(title)")
            #expect(String(decoding: JSONRenderer.diagnosticBytes(d, file), as: UTF8.self).contains("in \(JSON.string(path).serialized().dropFirst().dropLast())\""))
            // The text and GitHub outputs write it in pieces too: as the same message kept as texts.
            let texts = Diagnostic(code: d.code, slug: d.slug, severity: d.severity,
                                   finding: Finding(range: d.range, message: Localized(nl: d.message.nl, en: d.message.en)))
            #expect(GitHubRenderer.command(for: d, in: file) == GitHubRenderer.command(for: texts, in: file), "\(title)")
            #expect(TextRenderer().render(d, in: file) == TextRenderer().render(texts, in: file), "\(title)")
            #expect(String(decoding: GitHubRenderer.command(for: d, in: file), as: UTF8.self).contains("'\(GitHubRenderer.escapeData(title))'"))
        }
    }

    @Test func batchesHandOverEveryFileOnceInOrder() {
        // Batches end between files (a file larger than a batch is a batch of its own), and
        // each batch may be rendered on all cores: the files come out as one by one.
        let result = PerFileRenderingTests.manyFindings()
        let expected = result.files.map { file in file.diagnostics.map { "\(file.displayPath) \($0.range.start) \($0.code)" } }
        for batchSize in [1, 500, 1_100, 1_101, 2_200, PerFileRendering.batchSize] {
            var seen: [[String]] = [], indices: [Int] = []
            PerFileRendering.forEachFile(result.files, batchSize: batchSize, { d, file in "\(file.displayPath) \(d.range.start) \(d.code)" }) {
                indices.append($0)
                seen.append($1)
            }
            #expect(indices == Array(result.files.indices), "batches of \(batchSize)")
            #expect(seen == expected, "batches of \(batchSize)")
        }
    }

    @Test func textIsFileByFileInOrder() {
        let result = PerFileRenderingTests.manyFindings()
        let renderer = TextRenderer()
        var expected = ""
        for file in result.files {
            for d in file.diagnostics { expected += renderer.render(d, in: file) + "\n" }
        }
        expected += "Gevonden: 2200 fouten in 3 bestanden.\n"
        #expect(renderer.render(result) == expected)
        #expect(expected.components(separatedBy: "notes/1.pnote:").count - 1 == 1_100)
    }
}

@Suite struct OutputSinkTests {
    @Test func streamedPiecesAreTheWholeOutputAndSplitNoCharacter() {
        // Multi-byte characters of every width land on every offset around the piece size.
        var pieces: [String] = []
        var sink = OutputSink(delivering: { pieces.append($0) })
        var expected = ""
        let words = ["a", "é", "€", "😀", "\n", "abc"]
        for i in 0..<60_000 {
            let word = words[i % words.count] + (i % 7 == 0 ? "ß" : "")
            expected += word
            if i % 3 == 0 { sink.append(word) } else { sink.append(Array(word.utf8)) }
        }
        sink.finish()
        #expect(pieces.count > 2, "more than one piece: \(pieces.count)")
        #expect(pieces.joined() == expected)
        #expect(!pieces.joined().contains("\u{FFFD}"), "no piece ends inside a character")
        #expect(pieces.dropLast().allSatisfy { $0.utf8.count >= OutputSink.pieceSize - 4 })
    }

    @Test func streamedBytesAreTheWholeOutputInPieces() {
        // As the CLI writes its output: bytes as they are, in pieces of about the piece size.
        var pieces: [[UInt8]] = []
        var sink = OutputSink(deliveringBytes: { pieces.append(Array($0)) })
        var expected: [UInt8] = []
        for i in 0..<100_000 {
            let word = ["a", "é", "€", "😀", "\n", "abc"][i % 6]
            expected += word.utf8
            if i % 2 == 0 { sink.append(word) } else { sink.append(Array(word.utf8)) }
        }
        sink.finish()
        #expect(pieces.count > 2, "more than one piece: \(pieces.count)")
        #expect(pieces.flatMap { $0 } == expected)
        #expect(pieces.dropLast().allSatisfy { $0.count >= OutputSink.pieceSize })
    }

    @Test func theStreamedRenderersWriteWhatTheyRender() {
        let result = PerFileRenderingTests.manyFindings()
        func streamed(_ write: (inout OutputSink) -> Void) -> String {
            var out = ""
            var sink = OutputSink(delivering: { out += $0 })
            write(&sink)
            sink.finish()
            return out
        }
        #expect(streamed { JSONRenderer.write(result, to: &$0) } == JSONRenderer.render(result))
        #expect(streamed { GitHubRenderer.write(result, to: &$0) } == GitHubRenderer.render(result))
        #expect(streamed { TextRenderer().write(result, to: &$0) } == TextRenderer().render(result))
        #expect(streamed { SARIFRenderer.write(result, version: "t", to: &$0) } == SARIFRenderer.render(result, version: "t"))
        // No results: the document's empty list, not a frame around none.
        let none = CheckResult(files: [], failures: [], language: .en)
        #expect(streamed { SARIFRenderer.write(none, version: "t", to: &$0) } == SARIFRenderer.render(none, version: "t"))
        #expect(SARIFRenderer.render(none, version: "t").contains(#""results": []"#))
        // Suppressed findings follow their file's others in the stream too.
        var suppressed = result
        suppressed.files[1].suppressed = Array(suppressed.files[1].diagnostics.prefix(3))
        let withSuppressed = streamed { SARIFRenderer.write(suppressed, version: "t", to: &$0) }
        #expect(withSuppressed == SARIFRenderer.render(suppressed, version: "t"))
        #expect(withSuppressed.components(separatedBy: #""suppressions""#).count - 1 == 3)
        #expect(JSONRenderer.render(result).utf8.count > 4 * OutputSink.pieceSize, "long enough to come in pieces")
    }
}

@Suite struct RuleReferenceTests {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { url.deleteLastPathComponent() }
        return url
    }()

    @Test(arguments: [(Language.en, "RULES.md"), (.nl, "RULES.nl.md")])
    func committedReferenceIsCurrent(language: Language, file: String) throws {
        let url = RuleReferenceTests.root.appendingPathComponent("Sources/PnoteRules/\(file)")
        let committed = try String(contentsOf: url, encoding: .utf8)
        #expect(committed == RuleReference.markdown(language: language),
                "regenerate with: swift run pnote rules --format markdown --lang \(language.rawValue) > Sources/PnoteRules/\(file)")
    }

    @Test func explainHasAllParts() {
        let text = RuleReference.explain(LevelMismatch.meta, language: .nl)
        for part in ["PN101 level-mismatch (error)", "Wat het vindt:", "Waarom het ertoe doet:", "Voorbeeld:", "Schrijf in plaats daarvan:",
                     "    - niveau: selectief"] {
            #expect(text.contains(part), "missing \(part)")
        }
        #expect(!text.contains("⟦"), "markers are removed")
    }
}

@Suite struct UnifiedDiffTests {
    func edit(_ text: String, _ old: String, _ new: String) -> TextEdit {
        let bytes = Array(text.utf8), target = Array(old.utf8)
        let at = (0...(bytes.count - target.count)).first { Array(bytes[$0..<($0 + target.count)]) == target }!
        return TextEdit(range: TextRange(at, at + target.count), newText: new)
    }

    @Test func hunksWithContext() {
        let old = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n"
        let diff = UnifiedDiff.render(old: Array(old.utf8), edits: [edit(old, "b", "B"), edit(old, "j", "J")], path: "x.pnote")
        #expect(diff == "--- a/x.pnote\n+++ b/x.pnote\n@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n e\n@@ -7,4 +7,4 @@\n g\n h\n i\n-j\n+J\n")
        #expect(UnifiedDiff.render(old: Array(old.utf8), edits: [], path: "x") == "")
        #expect(UnifiedDiff.render(old: Array(old.utf8), edits: [edit(old, "c", "c")], path: "x") == "", "an edit that changes nothing")
    }

    @Test func deletionOfLines() {
        let old = "a\nx\nb\n"
        let diff = UnifiedDiff.render(old: Array(old.utf8), edits: [edit(old, "x\n", "")], path: "p")
        #expect(diff.hasSuffix("@@ -1,3 +1,2 @@\n a\n-x\n b\n"))
    }
}
