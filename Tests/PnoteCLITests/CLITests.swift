import Foundation
import PnoteTestSupport
import Testing

/// Runs the built `pnote` binary as CI would, with the given arguments and stdin.
struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum Binary {
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("no package root")
    }()

    /// The `pnote` next to the test bundle (`swift build --build-tests` builds every target).
    static let path = locate("pnote")

    /// An executable of the package, next to the test bundle.
    static func locate(_ name: String) -> String {
        let candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
                          Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
                          packageRoot.appendingPathComponent(".build/debug")]
        for dir in candidates {
            let p = dir.appendingPathComponent(name).path
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        fatalError("the \(name) binary was not found next to the tests: \(candidates)")
    }

    /// `launcher`: a command that runs pnote, such as `setpriv` with its options.
    static func run(_ args: [String], stdin: String? = nil, in directory: URL = packageRoot,
                    environment: [String: String] = [:], launcher: [String] = []) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: launcher.first ?? path)
        process.arguments = launcher.isEmpty ? args : Array(launcher.dropFirst()) + [path] + args
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read before waiting, so a large output cannot fill the pipe and block the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }
}

func temporaryFolder(_ files: [String: String]) throws -> URL {
    try ScratchFolder.make("cli", files: files)
}

@Suite struct CLITests {
    @Test func checksTheBundledExamplesInOrder() throws {
        let r = try Binary.run(["check", "Examples"])
        #expect(r.status == 0 || r.status == 1, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        let json = try Binary.run(["check", "--format", "json", "Examples"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let paths = (object["files"] as? [[String: Any]])?.compactMap { $0["path"] as? String }
        #expect(paths == ["Examples/hengelo-preventie-2019.pnote", "Examples/riverside-youth-2025.pnote",
                          "Examples/voorbeeldstad-preventie-2024.pnote"])
        let clean = (object["files"] as? [[String: Any]])?.last?["diagnostics"] as? [Any]
        #expect(clean?.isEmpty == true, "the exemplary note reports nothing")
    }

    @Test func exitStatusOneForErrorsAndTextFormat() throws {
        let dir = try temporaryFolder(["a.pnote": "## Maatregel: X\n- niveau: selctief\n"])
        let r = try Binary.run(["check", "a.pnote"], in: dir)
        #expect(r.status == 1)
        #expect(r.stdout.contains("a.pnote:2:11: error[PN004]: "))
        #expect(r.stdout.contains("2 | - niveau: selctief\n  |           ^^^^^^^^\n  = help: bedoelt u 'selectief'?"))
        #expect(r.stdout.hasSuffix("Gevonden: 2 fouten, 2 waarschuwingen, 2 info in 1 bestand.\n"))
    }

    @Test func exitStatusZeroWithOnlyWarningsAndEnglish() throws {
        let dir = try temporaryFolder(["b.pnote": "---\nstatus: concept\n---\n## Maatregel: X\n- budgt: € 5\n"])
        let r = try Binary.run(["check", "--lang", "en", "."], in: dir)
        #expect(r.status == 0)
        #expect(r.stdout.contains("b.pnote:5:3: warning[PN002]: unknown field 'budgt' in measure 'X'"))
        #expect(r.stdout.hasSuffix("Found 5 warnings, 2 info in 1 file.\n"), "a concept: PN201 is a warning")
    }

    @Test func stdinAndJSON() throws {
        let r = try Binary.run(["check", "--format=json", "-"], stdin: "## Doel:\n")
        #expect(r.status == 1, "PN301 is an error")
        #expect(r.stdout.hasPrefix("{\"version\":1,\"files\":[{\"path\":\"-\",\"diagnostics\":[{\"code\":\"PN009\""))
        #expect(r.stdout.hasSuffix("\"summary\":{\"files\":1,\"errors\":1,\"warnings\":2,\"infos\":0,\"hints\":0}}\n"))
    }

    @Test func unreadableAndMissingFilesGiveStatusTwoButTheOthersAreChecked() throws {
        let dir = try temporaryFolder(["ok.pnote": "## Maatregel: X\n- niveau: selctief\n"])
        let r = try Binary.run(["check", "ok.pnote", "missing.pnote"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("pnote: missing.pnote: no such file or folder"))
        #expect(r.stdout.contains("ok.pnote:2:11: error[PN004]"))
    }

    @Test func crossNoteReferencesStayInsideTheCheckedFolder() throws {
        let dir = try temporaryFolder([
            "notes/jeugd.pnote": "## Maatregel: X\n- doelgroep: gedeeld.pnote#kopp, ../../x.pnote#a, /etc/passwd\n",
            "notes/gedeeld.pnote": "## Doelgroep: KOPP {#kopp}\n",
        ])
        let r = try Binary.run(["check", "--lang", "en", "notes"], in: dir)
        #expect(r.status == 1)
        #expect(r.stdout.contains("notes/jeugd.pnote:2:34: error[PN005]: '../../x.pnote#a' points outside the checked folder"))
        #expect(r.stdout.contains("'/etc/passwd' refers to no block in this note"))
        #expect(!r.stdout.contains("gedeeld.pnote#kopp'"))
    }

    @Test func symlinkLoopIsSurvived() throws {
        let dir = try temporaryFolder(["a/n.pnote": "## Doelgroep: Mantelzorgers {#m}\n## Maatregel: X\n- doelgroep: #m\n"])
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("a/loop").path,
                                                   withDestinationPath: dir.appendingPathComponent("a").path)
        let r = try Binary.run(["check", "--format", "json", "a"], in: dir)
        #expect(r.stdout.components(separatedBy: "\"path\"").count == 2, "the note is checked once")
    }

    @Test func usageErrors() throws {
        let option = try Binary.run(["check", "--formt", "json"])
        #expect(option.status == 2)
        #expect(option.stderr == "pnote: error: unknown option '--formt'\n  hint: did you mean '--format'?\n")
        let value = try Binary.run(["check", "--format", "xml"])
        #expect(value.status == 2)
        #expect(value.stderr.contains("use one of: github, json, sarif, text"))
        let command = try Binary.run(["chek"])
        #expect(command.status == 2)
        #expect(command.stderr.contains("did you mean 'check'?"))
    }

    @Test func helpAndVersion() throws {
        let version = try Binary.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("pnote "))
        let help = try Binary.run(["check", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--format FORMAT") && help.stdout.contains("sarif"))
        #expect(try Binary.run(["--help"]).stdout.contains("pnote check"))
    }
}
