import Foundation
import PnoteJSON
import Testing
@testable import PnoteServer

/// A small note with every kind of block, used by the feature tests; `‸` marks cursors.
let featureNote = """
---
titel: Preventie Jeugd
periode: 2020-2023
---

# ‸Domein: Jeugd

## Begroting: Preventie jeugd {#env}
- totaal: € 500.000 per jaar

## Doelgroep: Jeugdigen met ADHD {#adhd}
- kenmerk: diagnose ADHD

## Maatregel: Praktijkondersteuner jeugd {#poh}
- ‸niveau: sel‸ectief
- doelgroep: #ad‸hd
- budget: € 1 mln ‸totaal (2020-2023)
- taakveld: 6.‸72
- doel: #minder

## Doel: Minder verwijzingen {#‸minder}
- indicator: Jongeren met ‸jeugdhulp
- nulmeting: 11% (2019)
- streefwaarde: 10% in 2023
- bron: CBS

"""

struct Opened {
    let client: TestClient
    let uri: String
    let cursors: [Position]
}

func openFeatureNote(language: String = "nl") -> Opened {
    let c = TestClient()
    _ = c.initialize(locale: language)
    let uri = "file:///tmp/pnote-features/jeugd.pnote"
    let ranges = c.open(uri, featureNote)
    return Opened(client: c, uri: uri, cursors: ranges.map(\.start))
}

@Suite struct HoverTests {
    let o = openFeatureNote()

    func hover(_ i: Int) -> String { o.client.result("textDocument/hover", at(o.uri, o.cursors[i]))["contents"]?["value"]?.stringValue ?? "" }

    @Test func keywordFieldLevelReferenceMoneyTaskFieldOfficialIndicatorAndFinding() {
        #expect(hover(0).contains("Een beleidsdomein"), "keyword")
        #expect(hover(1).contains("**niveau** — Het preventieniveau"), "field key")
        let level = hover(2)
        #expect(level.contains("**selectief** — Voor groepen met een bekende risicofactor"), "level")
        #expect(level.contains("PN101 level-mismatch"), "the finding on the level is explained")
        let ref = hover(3)
        #expect(ref.contains("**Doelgroep: Jeugdigen met ADHD** `#adhd`"), "reference summary")
        #expect(ref.contains("Bepaald door een diagnose of bestaande aandoening; past: geïndiceerd of zorggerelateerd."))
        #expect(hover(4).contains("€ 1.000.000 → € 250.000 per jaar (2020–2023)"), "money per year")
        #expect(hover(5).contains("**6.72 Maatwerkdienstverlening 18-** — BBV t/m 2022"), "task field")
        #expect(hover(7).contains("**Jongeren met jeugdhulp** (% van jongeren tot 18 jaar)"), "official indicator")
    }

    @Test func nothingUnderTheCursorIsNull() {
        #expect(o.client.result("textDocument/hover", at(o.uri, Position(line: 4, character: 0))) == .null)
    }
}

@Suite struct CompletionTests {
    func labels(_ text: String, language: String = "nl") -> [String] {
        let c = TestClient()
        _ = c.initialize(locale: language)
        let uri = "file:///tmp/pnote-completion/n.pnote"
        let cursor = c.open(uri, text)[0].start
        return c.result("textDocument/completion", at(uri, cursor)).arrayValue?.compactMap { $0["label"]?.stringValue } ?? []
    }

    @Test func blockKeywordsAfterHashes() {
        let l = labels("## ‸\n")
        #expect(Array(l.prefix(6)) == ["Domein", "Doelgroep", "Maatregel", "Doel", "Indicator", "Begroting"])
        #expect(l.contains("Target group"), "the other language too")
    }

    @Test func fieldKeysNotYetPresent() {
        let l = labels("## Maatregel: X\n- niveau: universeel\n- ‸\n")
        #expect(l.contains("budget") && l.contains("doelgroep") && l.contains("onderbouwing"))
        #expect(!l.contains("niveau"), "already there")
        #expect(!l.contains("nulmeting"), "not a field of a measure")
    }

    @Test func valuesInTheNotesSystemAndLanguage() {
        #expect(labels("## Maatregel: X\n- niveau: ‸\n") == ["universeel", "selectief", "geïndiceerd", "zorggerelateerd"])
        #expect(labels("---\nindeling: stadium\n---\n## Maatregel: X\n- niveau: ‸\n") == ["primair", "secundair", "tertiair"])
        #expect(labels("---\ntaal: en\n---\n## Measure: X\n- funding: ‸\n") == ["structural", "incidental"])
    }

    @Test func referencesOfTheRightKindAndTaskFieldsOfTheYear() {
        let refs = labels("## Doelgroep: A {#a}\n## Doel: B {#b}\n## Maatregel: X\n- doelgroep: #‸\n")
        #expect(refs == ["#a"])
        let fields = labels("---\nperiode: 2025-2028\n---\n## Maatregel: X\n- taakveld: ‸\n")
        #expect(fields.contains("6.811") && !fields.contains("6.72"))
        #expect(labels("## Doel: X\n- indicator: ‸\n").contains("Jongeren met jeugdhulp (% van jongeren tot 18 jaar)"))
    }

    @Test func frontMatterKeysAndValues() {
        #expect(labels("---\ntitel: X\n‸\n---\n").contains("periode"))
        #expect(labels("---\nstatus: ‸\n---\n") == ["concept", "definitief"])
    }
}

@Suite struct NavigationTests {
    @Test func definitionAndReferencesAcrossNotes() throws {
        let dir = try folder(["a.pnote": "## Doelgroep: KOPP {#kopp}\n",
                              "b.pnote": "## Maatregel: M\n- doelgroep: a.pnote#kopp\n"])
        let c = TestClient()
        _ = c.initialize(folders: [dir])
        let b = dir.appendingPathComponent("b.pnote").absoluteString
        let a = dir.appendingPathComponent("a.pnote").absoluteString
        c.open(b, "## Maatregel: M\n- doelgroep: a.pnote#ko‸pp\n## Maatregel: N\n- doelgroep: a.pnote#kopp\n")
        let def = c.result("textDocument/definition", at(b, Position(line: 1, character: 22)))
        #expect(def["uri"] == .string(a))
        #expect(def["range"]?["start"] == Position(line: 0, character: 0).json)
        let refs = c.result("textDocument/references", .object([("textDocument", doc(b)), ("position", Position(line: 1, character: 22).json),
                                                                  ("context", .object([("includeDeclaration", .bool(true))]))]))
        #expect(refs.arrayValue?.count == 3, "declaration and two references")
        let links = c.result("textDocument/documentLink", .object([("textDocument", doc(b))]))
        #expect(links.arrayValue?.first?["target"] == .string(a))
    }

    @Test func renameAnIDEverywhere() throws {
        let dir = try folder(["a.pnote": "## Doelgroep: Mantelzorgers\n## Maatregel: R\n- doelgroep: #mantelzorgers\n",
                              "b.pnote": "## Maatregel: S\n- doelgroep: a.pnote#mantelzorgers, Mantelzorgers\n"])
        let c = TestClient()
        _ = c.initialize(folders: [dir])
        let a = dir.appendingPathComponent("a.pnote").absoluteString
        let b = dir.appendingPathComponent("b.pnote").absoluteString
        c.open(a, "## Doelgroep: Mantelzorgers\n## Maatregel: R\n- doelgroep: #mantelzorgers\n")
        let prepare = c.result("textDocument/prepareRename", at(a, Position(line: 0, character: 16)))
        #expect(prepare["placeholder"] == .string("mantelzorgers"))
        let edit = c.result("textDocument/rename", .object([("textDocument", doc(a)), ("position", Position(line: 0, character: 16).json),
                                                             ("newName", .string("mz"))]))
        let inA = edit["changes"]?[a]?.arrayValue ?? []
        let inB = edit["changes"]?[b]?.arrayValue ?? []
        #expect(inA.map { $0["newText"] } == [.string(" {#mz}"), .string("#mz")], "a slug id gets an explicit id")
        #expect(inB.map { $0["newText"] } == [.string("a.pnote#mz")], "a reference by title still resolves")
        let bad = c.request("textDocument/rename", .object([("textDocument", doc(a)), ("position", Position(line: 0, character: 16).json),
                                                            ("newName", .string("met spatie"))]))
        #expect(bad["error"]?["code"] == .int(-32803))
    }
}

@Suite struct StructureFeatureTests {
    let o = openFeatureNote()

    @Test func documentSymbolsAreHierarchical() {
        let symbols = o.client.result("textDocument/documentSymbol", .object([("textDocument", doc(o.uri))])).arrayValue ?? []
        #expect(symbols.map { $0["name"] } == [.string("Jeugd")])
        let children = symbols.first?["children"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
        #expect(children == ["Preventie jeugd", "Jeugdigen met ADHD", "Praktijkondersteuner jeugd", "Minder verwijzingen"])
    }

    @Test func workspaceSymbols() {
        let found = o.client.result("workspace/symbol", .object([("query", .string("praktijk"))])).arrayValue ?? []
        #expect(found.map { $0["name"] } == [.string("Praktijkondersteuner jeugd")])
    }

    @Test func foldingRangesForFrontMatterAndBlocks() {
        let ranges = o.client.result("textDocument/foldingRange", .object([("textDocument", doc(o.uri))])).arrayValue ?? []
        #expect(ranges.first?["startLine"] == .int(0) && ranges.first?["endLine"] == .int(3))
        #expect(ranges.contains { $0["startLine"] == .int(13) && $0["endLine"] == .int(18) }, "the measure")
    }

    @Test func semanticTokensFullAndRange() {
        let full = o.client.result("textDocument/semanticTokens/full", .object([("textDocument", doc(o.uri))]))["data"]?.arrayValue ?? []
        #expect(full.count % 5 == 0 && full.count > 40)
        // The first token is the front matter key `titel` (property, index 1) at line 1.
        #expect(Array(full.prefix(5)) == [.int(1), .int(0), .int(5), .int(1), .int(0)])
        let range = LSPRange(start: Position(line: 14, character: 0), end: Position(line: 14, character: 30))
        let part = o.client.result("textDocument/semanticTokens/range", .object([("textDocument", doc(o.uri)), ("range", range.json)]))["data"]?.arrayValue ?? []
        // `niveau` (property) then `selectief` (enumMember) on line 14.
        #expect(part == [.int(14), .int(2), .int(6), .int(1), .int(0), .int(0), .int(8), .int(9), .int(3), .int(0)])
    }

    @Test func inlayHintsAndCodeLens() {
        let all = LSPRange(start: Position(line: 0, character: 0), end: Position(line: 40, character: 0))
        let hints = o.client.result("textDocument/inlayHint", .object([("textDocument", doc(o.uri)), ("range", all.json)])).arrayValue ?? []
        let labels = hints.compactMap { $0["label"]?.stringValue }
        #expect(labels.contains("→ geïndiceerd of zorggerelateerd"), "the level the target group implies")
        #expect(labels.contains("= € 250.000/jaar"), "a total spread over four years")
        let lenses = o.client.result("textDocument/codeLens", .object([("textDocument", doc(o.uri))])).arrayValue ?? []
        #expect(lenses.first?["command"]?["title"] == .string("€ 250.000 van € 500.000 per jaar toegewezen aan 1 maatregelen"))
    }
}

@Suite struct CodeActionTests {
    func actions(_ text: String, only: [String]? = nil) -> (TestClient, String, [JSON]) {
        let c = TestClient()
        _ = c.initialize()
        let uri = "file:///tmp/pnote-actions/n.pnote"
        let r = c.open(uri, text)[0]
        var context: [(String, JSON)] = [("diagnostics", .array([]))]
        if let only { context.append(("only", .array(only.map(JSON.string)))) }
        let list = c.result("textDocument/codeAction", .object([("textDocument", doc(uri)), ("range", r.json), ("context", .object(context))]))
        return (c, uri, list.arrayValue ?? [])
    }

    @Test func fixSuppressAndMissingFields() {
        let (_, uri, list) = actions("---\nindeling: stadium\n---\n## Maatregel: X\n- niveau: ⟦universeel⟧\n")
        let titles = list.compactMap { $0["title"]?.stringValue }
        #expect(titles.contains("Vervang door 'primair'"))
        #expect(titles.contains("Onderdruk PN102 hier"))
        #expect(titles.contains("Voeg ontbrekende velden toe aan 'X'"))
        let fix = list.first { $0["title"] == .string("Vervang door 'primair'") }
        #expect(fix?["isPreferred"] == .bool(true), "a safe fix is preferred")
        #expect(fix?["edit"]?["changes"]?[uri]?.arrayValue?.first?["newText"] == .string("primair"))
        let suppress = list.first { $0["title"] == .string("Onderdruk PN102 hier") }?["edit"]?["changes"]?[uri]?.arrayValue?.first
        #expect(suppress?["newText"] == .string("<!-- pnote-disable PN102 -->\n"))
        #expect(suppress?["range"]?["start"] == Position(line: 4, character: 0).json)
        let fields = list.first { $0["kind"] == .string("refactor") }?["edit"]?["changes"]?[uri]?.arrayValue?.first?["newText"]?.stringValue
        #expect(fields?.hasPrefix("- doelgroep: \n- doel: \n- budget: ") == true)
    }

    @Test func fixAllWithOnlySafeFixes() {
        let (_, uri, list) = actions("---\nindeling: stadium\n---\n<!-- pnote-disable PN006 -->\n## Maatregel: ‸X\n- niveau: universeel\n", only: ["source.fixAll"])
        #expect(list.count == 1)
        #expect(list[0]["kind"] == .string("source.fixAll.pnote"), "a kind under the requested one")
        #expect(list[0]["edit"]?["changes"]?[uri]?.arrayValue?.count == 2)
    }
}
