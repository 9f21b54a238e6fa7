import Foundation
import PnoteJSON
import PnoteModel
import PnoteRules
import PnoteSyntax
import Testing
@testable import PnoteOutput

func checked(_ text: String, path: String = "notes/a.pnote", language: Language = .nl) -> CheckResult {
    let note = NoteBuilder.build(path: "a.pnote", tree: Parser.parse(text))
    let workspace = Workspace(notes: [note])
    let report = Checker.check(workspace)[0]
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
}
