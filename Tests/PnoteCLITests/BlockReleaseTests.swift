import Foundation
import PnoteModel
import PnoteOutput
import PnoteTestSupport
import Testing
@testable import PnoteCLI

/// `pnote check` lets a note's blocks go once the rules that read it alone have run, when
/// nothing later reads them (`Note.withoutBlocks`). What it reports must be exactly what
/// it reports keeping them, in every output format.
@Suite struct BlockReleaseTests {
    /// Twins across notes (PN108, PN210), suppression comments (one applies to a whole
    /// block, which is read from the blocks) and an unused one (PN010), and the three examples.
    static func files(extra: [String: String] = [:]) throws -> [String: String] {
        var files = extra
        let examples = Binary.packageRoot.appendingPathComponent("Examples")
        for name in try FileManager.default.contentsOfDirectory(atPath: examples.path) where name.hasSuffix(".pnote") {
            files[name] = try String(contentsOf: examples.appendingPathComponent(name), encoding: .utf8)
        }
        files["jeugd.pnote"] = """
            ## Doelgroep: Mantelzorgers {#mz}
            - kenmerk: risicofactor: mantelzorg
            <!-- pnote-disable PN210 -->
            ## Maatregel: Respijtzorg
            - budget: € 100.000 per jaar
            ## Maatregel: Wijkkracht
            - budget: € 300.000 per jaar
            <!-- pnote-disable PN999 -->
            <!-- pnote-disable PN004 -->
            ## Maatregel: Ongeldig budget
            - niveau: universeel
            - budget: veel

            """
        files["wmo.pnote"] = """
            ## Doelgroep: Mantelzorgers
            - kenmerk: diagnose: dementie
            ## Maatregel: Respijtzorg
            - budget: € 100.000 per jaar
            ## Maatregel: Wijkkracht
            - budget: € 300.000 per jaar
            <!-- pnote-disable-next-line PN201 -->
            ## Maatregel: Zonder geld

            """
        return files
    }

    /// `stdin`: a note read from standard input as `werk.pnote`, besides the folder.
    static func check(_ dir: URL, keepsBlocks: Bool, stdin: String? = nil) -> (rendered: [String], released: [Bool]) {
        let console = Console(out: { _ in }, err: { _ in }, readStdin: { Array((stdin ?? "").utf8) }, currentDirectory: dir.path)
        var options = CheckCommand.Options()
        options.stdinFilename = stdin == nil ? nil : "werk.pnote"
        var run = CheckRun(options: options, console: console)
        run.keepsBlocks = keepsBlocks
        let result = run.check(paths: stdin == nil ? ["."] : ["-", "."])
        var rendered: [String] = []
        for write in [{ JSONRenderer.write(result, to: &$0) }, { TextRenderer(color: false).write(result, to: &$0) },
                      { SARIFRenderer.write(result, version: "test", to: &$0) }, { GitHubRenderer.write(result, to: &$0) }] as [(inout OutputSink) -> Void] {
            var sink = OutputSink()
            write(&sink)
            rendered.append(sink.collected())
        }
        return (rendered, result.files.map(\.note.blocksReleased))
    }

    @Test func reportsTheSameWithAndWithoutTheBlocks() throws {
        let dir = try ScratchFolder.make("release", files: try Self.files())
        let released = Self.check(dir, keepsBlocks: false), kept = Self.check(dir, keepsBlocks: true)
        #expect(released.released.allSatisfy { $0 } && released.released.count == 5)
        #expect(kept.released.allSatisfy { !$0 })
        #expect(released.rendered == kept.rendered)
        let json = released.rendered[0]
        #expect(json.contains("PN108") && json.contains("PN210") && json.contains("PN010"))
    }

    /// A note that names another keeps every note's blocks: PN311, PN312 and PN205 read
    /// the named notes again. So does a configured lexicon (PN108 then reads the blocks).
    @Test func keepsTheBlocksWhenLaterRulesReadThem() throws {
        let namingFolder = try ScratchFolder.make("release-naming", files: try Self.files(extra: [
            "werk.pnote": "## Maatregel: Schuldhulp\n- doelgroep: jeugd.PNOTE#mz\n- budget: € 10.000 per jaar\n",
        ]))
        let withNaming = Self.check(namingFolder, keepsBlocks: false)
        #expect(withNaming.released.allSatisfy { !$0 } && withNaming.rendered == Self.check(namingFolder, keepsBlocks: true).rendered)
        let lexicon = try ScratchFolder.make("release-lexicon", files: try Self.files(extra: [
            "pnote.json": #"{"lexicon": {"diagnosis": ["mantelzorg"]}}"#,
        ]))
        let withLexicon = Self.check(lexicon, keepsBlocks: false)
        #expect(withLexicon.released.allSatisfy { !$0 } && withLexicon.rendered == Self.check(lexicon, keepsBlocks: true).rendered)
        // Standard input is scanned too.
        let plain = try ScratchFolder.make("release-stdin", files: try Self.files())
        let naming = "## Maatregel: Schuldhulp\n- doelgroep: jeugd.pnote#mz\n- budget: € 10.000 per jaar\n"
        let withStdin = Self.check(plain, keepsBlocks: false, stdin: naming)
        #expect(withStdin.released.count == 6 && withStdin.released.allSatisfy { !$0 })
        #expect(withStdin.rendered == Self.check(plain, keepsBlocks: true, stdin: naming).rendered)
    }

    /// The scan that decides it errs only towards "may name": whatever `parse` reads as a
    /// reference to another note, it finds.
    @Test func theScanFindsEveryReferenceToAnotherNote() {
        let items = ["jeugd.pnote#mz", "JEUGD.PNOTE#mz", "a/b.PnOtE#x", "x.pnote#", " zie.pnote#id ", "é.pnote#ü", ".pnote#a",
                     "#mz", "pnote#x", "jeugd.pnot#x", "jeugd.pnote #x", "jeugd.pnote", "Mantelzorgers", "a.pnote\u{301}#x", "x.pnoté#y"]
        var external = 0
        for item in items {
            let isExternal: Bool
            if case .external = ReferenceText.parse(item).target { isExternal = true } else { isExternal = false }
            if isExternal { external += 1 }
            #expect(!isExternal || ReferenceText.mayNameAnotherNote(Array("- doel: \(item)\n".utf8)), "\(item)")
        }
        #expect(external == 7)
        #expect(!ReferenceText.mayNameAnotherNote(Array("## Doel: D {#d}\n- doel: #d, jeugd.pnote\n".utf8)))
        #expect(!ReferenceText.mayNameAnotherNote(Array("#".utf8)) && !ReferenceText.mayNameAnotherNote([]))
    }
}
