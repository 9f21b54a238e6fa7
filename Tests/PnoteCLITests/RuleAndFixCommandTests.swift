import Foundation
import PnoteTestSupport
import Testing
@testable import PnoteCLI
import PnoteSyntax

@Suite struct ConfigurationCommandTests {
    let note = "## Doel: Wij versterken de sociale basis\n"

    @Test func nearestConfigurationAboveTheNoteApplies() throws {
        let dir = try temporaryFolder(["pnote.json": "{\"rules\": {\"PN306\": \"off\", \"PN301\": \"hint\"}, \"language\": \"en\"}",
                                       "notes/a.pnote": note])
        let r = try Binary.run(["check", "notes"], in: dir)
        #expect(!r.stdout.contains("PN306"))
        #expect(r.stdout.contains("notes/a.pnote:1:1: hint[PN301]: goal 'Wij versterken de sociale basis' has no indicator"))
        #expect(r.status == 0)
    }

    @Test func brokenConfigurationIsAnErrorWithPosition() throws {
        let dir = try temporaryFolder(["pnote.json": "{\n  \"rulez\": {}\n}\n", "a.pnote": note])
        let r = try Binary.run(["check", "a.pnote"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("pnote.json:2:3: unknown key 'rulez'; did you mean 'rules'?"))
    }

    @Test func explicitConfiguration() throws {
        let dir = try temporaryFolder(["strict.json": "{\"rules\": {\"vague-goal\": \"error\"}}", "a.pnote": note])
        let r = try Binary.run(["check", "--config", "strict.json", "a.pnote"], in: dir)
        #expect(r.stdout.contains("error[PN306]"))
        #expect(r.status == 1)
    }
}

@Suite struct ExplainAndRulesTests {
    @Test func explainInBothLanguages() throws {
        let nl = try Binary.run(["explain", "level-mismatch"])
        #expect(nl.status == 0)
        #expect(nl.stdout.hasPrefix("PN101 level-mismatch (error)\nNiveau past niet bij de doelgroep\n"))
        let en = try Binary.run(["explain", "--lang", "en", "pn306"])
        #expect(en.stdout.contains("Why it matters:"))
        let unknown = try Binary.run(["explain", "PN1O1"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean 'PN101'?"))
    }

    @Test func rulesListsEveryRule() throws {
        let r = try Binary.run(["rules", "--lang", "en"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 46)
        #expect(lines.first == "PN001  unknown-block-keyword               error    Unknown block keyword")
        let md = try Binary.run(["rules", "--format", "markdown"])
        #expect(md.stdout.hasPrefix("# pnote: regels"))
    }
}

@Suite struct FixCommandTests {
    /// BOM, CRLF, no final newline; one safe fix (PN102 universeel → primair) and one
    /// unused suppression (PN010, safe removal).
    let original: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\nindeling: stadium\r\n---\r\n<!-- pnote-disable PN006 -->\r\n## Maatregel: Voorlichting\r\n- niveau: universeel".utf8)

    func folder() throws -> URL {
        let dir = try ScratchFolder.make("fix")
        try Data(original).write(to: dir.appendingPathComponent("a.pnote"))
        return dir
    }

    @Test func fixKeepsBOMLineEndingsAndFinalNewlineAndIsIdempotent() throws {
        let dir = try folder()
        let first = try Binary.run(["check", "--fix", "a.pnote"], in: dir)
        #expect(first.stderr.contains("Applied 2 fixes in 1 file."))
        let fixed = [UInt8](try Data(contentsOf: dir.appendingPathComponent("a.pnote")))
        let expected: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\nindeling: stadium\r\n---\r\n## Maatregel: Voorlichting\r\n- niveau: primair".utf8)
        #expect(fixed == expected)
        let second = try Binary.run(["check", "--fix", "a.pnote"], in: dir)
        #expect(!second.stderr.contains("Applied"))
        #expect([UInt8](try Data(contentsOf: dir.appendingPathComponent("a.pnote"))) == expected, "a second run changes nothing")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0 != "a.pnote" }
        #expect(leftovers.isEmpty, "no temporary files left behind: \(leftovers)")
    }

    @Test func diffWritesNothing() throws {
        let dir = try folder()
        let r = try Binary.run(["check", "--fix", "--diff", "a.pnote"], in: dir)
        #expect(r.status == 1)
        #expect(r.stdout.contains("-<!-- pnote-disable PN006 -->\r\n"))
        #expect(r.stdout.contains("+- niveau: primair"))
        #expect([UInt8](try Data(contentsOf: dir.appendingPathComponent("a.pnote"))) == original)
    }

    @Test func refusesAFileThatChangedSinceItWasRead() throws {
        let dir = try folder()
        let console = Console(out: { _ in }, err: { _ in }, readStdin: { [] }, currentDirectory: dir.path)
        var options = CheckCommand.Options()
        options.fix = true
        var run = CheckRun(options: options, console: console)
        let result = run.check(paths: ["a.pnote"])
        let someoneElse = Array("## Doel: iemand anders schreef dit\n".utf8)
        try Data(someoneElse).write(to: dir.appendingPathComponent("a.pnote"))
        let outcome = run.applyFixes(result)
        #expect(outcome.applied == 0)
        #expect(run.failures.map(\.reason) == ["changed or disappeared while it was checked; not written"])
        #expect([UInt8](try Data(contentsOf: dir.appendingPathComponent("a.pnote"))) == someoneElse)
    }

    @Test func fixOnStandardInputIsAUsageError() throws {
        let r = try Binary.run(["check", "--fix", "-"], stdin: "## Doel: x\n")
        #expect(r.status == 2)
        #expect(r.stderr.contains("--fix cannot write standard input"))
    }
}

@Suite struct NoteSizeTests {
    @Test func notesLargerThanTheMaximumAreRefused() {
        #expect(CheckRun.sizeProblem(SourceText.maximumSize) == nil)
        let problem = CheckRun.sizeProblem(SourceText.maximumSize + 1)
        #expect(problem?.contains("4 GiB") == true && problem?.contains("not checked") == true)
        #expect(CheckRun.sizeProblem(11, maximum: 10) == "is 11 bytes, larger than the largest note pnote reads (4 GiB); not checked")
    }

    @Test func aTooLargeFileIsRefusedBeforeItIsRead() throws {
        // A sparse file one byte over the maximum, checked with 1 GB of address space: read
        // first, it could not even be loaded ("cannot be read"), let alone refused.
        guard let prlimit = ["/usr/bin/prlimit", "/bin/prlimit"].first(where: FileManager.default.isExecutableFile) else {
            print("skipped: prlimit (Debian util-linux) is not installed")
            return
        }
        let dir = try temporaryFolder(["small.pnote": "## Maatregel: M\n- niveau: selctief\n"])
        let big = dir.appendingPathComponent("big.pnote").path
        #expect(FileManager.default.createFile(atPath: big, contents: nil))
        #expect(truncate(big, off_t(SourceText.maximumSize) + 1) == 0)
        let r = try Binary.run(["check", "."], in: dir, launcher: [prlimit, "--as=1000000000", "--"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("big.pnote: is 4294967296 bytes, larger than the largest note pnote reads (4 GiB); not checked"), "\(r.stderr)")
        #expect(r.stdout.contains("small.pnote:2:11"))
    }
}
