import Foundation
import PnoteTestSupport
import Testing

/// The grammars and editor configurations, proven in the real tools: the TextMate grammar
/// with Oniguruma (as VS Code), Kate's highlighter, Neovim 0.7 and Emacs 28 + eglot as LSP
/// clients of the built `pnote lsp`. Each test skips, saying so, when its tool is missing;
/// `.ci/run` installs them all.
enum Tools {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { url.deleteLastPathComponent() }
        return url
    }()

    static let pnote: String = {
        let candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
                          Bundle.main.bundleURL.deletingLastPathComponent(), Bundle.main.bundleURL, root.appendingPathComponent(".build/debug")]
        return candidates.map { $0.appendingPathComponent("pnote").path }.first { FileManager.default.isExecutableFile(atPath: $0) }!
    }()

    static func which(_ program: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(program)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static func run(_ executable: String, _ args: [String], environment: [String: String] = [:], timeout: TimeInterval = 120) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = args
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let killer = DispatchWorkItem { if p.isRunning { p.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: killer)
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        killer.cancel()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    static func pythonHas(_ module: String) -> Bool {
        guard let python = which("python3"), let r = try? run(python, ["-c", "import \(module)"]) else { return false }
        return r.status == 0
    }

    /// A folder of its own with a copy of the Hengelo example, so the server's workspace
    /// holds just that note.
    static func isolatedExample() throws -> String {
        let dir = try ScratchFolder.make("editor")
        let target = dir.appendingPathComponent("hengelo.pnote")
        try FileManager.default.copyItem(at: root.appendingPathComponent("Examples/hengelo-preventie-2019.pnote"), to: target)
        return target.path
    }

    static var examples: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Examples").path))?
            .filter { $0.hasSuffix(".pnote") }.sorted().map { root.appendingPathComponent("Examples/\($0)").path } ?? []
    }
}

@Suite(.serialized) struct EditorProofTests {
    @Test func textMateGrammarTokenizesWithOniguruma() throws {
        guard let python = Tools.which("python3"), Tools.pythonHas("textmate_grammar") else {
            print("skipped: python3 with textmate-grammar-python is not installed (.ci/run installs it)")
            return
        }
        let editors = Tools.root.appendingPathComponent("Tests/Editors")
        let r = try Tools.run(python, [editors.appendingPathComponent("tm_tokenize.py").path,
                                       Tools.root.appendingPathComponent("Grammars/pnote.tmLanguage.json").path,
                                       editors.appendingPathComponent("tm_expectations.json").path,
                                       editors.appendingPathComponent("fixture.pnote").path] + Tools.examples)
        #expect(r.status == 0, "\(r.out)\(r.err)")
        #expect(r.out.contains("ok: 17 expectations"))
    }

    @Test func kateHighlighterUsesTheDefinition() throws {
        guard let python = Tools.which("python3"), Tools.which("kate-syntax-highlighter") != nil else {
            print("skipped: kate-syntax-highlighter (Debian libkf5syntaxhighlighting-tools) is not installed")
            return
        }
        let editors = Tools.root.appendingPathComponent("Tests/Editors")
        let r = try Tools.run(python, [editors.appendingPathComponent("kate_check.py").path,
                                       Tools.root.appendingPathComponent("Grammars/pnote.xml").path,
                                       editors.appendingPathComponent("fixture.pnote").path] + Tools.examples)
        #expect(r.status == 0, "\(r.out)\(r.err)")
        #expect(r.out.hasPrefix("ok: 11 expectations"))
    }

    @Test func neovimWithTheShippedConfiguration() throws {
        guard let nvim = Tools.which("nvim") else {
            print("skipped: nvim (Debian neovim) is not installed")
            return
        }
        let home = try ScratchFolder.make("nvim").path
        let r = try Tools.run(nvim, ["--headless", "-n", "-i", "NONE", "-u", Tools.root.appendingPathComponent("Tests/Editors/nvim_check.lua").path],
                              environment: ["PNOTE_CONFIG": Tools.root.appendingPathComponent("EditorConfigs/neovim/pnote.lua").path,
                                            "PNOTE_BIN": Tools.pnote, "PNOTE_FILE": try Tools.isolatedExample(),
                                            "XDG_CACHE_HOME": home, "XDG_STATE_HOME": home, "XDG_DATA_HOME": home, "XDG_CONFIG_HOME": home])
        #expect(r.status == 0, "\(r.out)\(r.err)")
        #expect(r.out.contains("diagnostics=") && r.out.contains("PN101,PN101"), "the council's critique, in the editor")
        #expect(r.out.contains("hover=**universeel**"))
        #expect(r.out.contains("completion=universeel,selectief,geïndiceerd,zorggerelateerd"))
    }

    @Test func emacsWithPnoteModeAndEglot() throws {
        guard let emacs = Tools.which("emacs") else {
            print("skipped: emacs (Debian emacs-nox with elpa-eglot) is not installed")
            return
        }
        let r = try Tools.run(emacs, ["--batch", "-l", "eglot", "-l", Tools.root.appendingPathComponent("Tests/Editors/emacs_check.el").path],
                              environment: ["PNOTE_MODE": Tools.root.appendingPathComponent("EditorConfigs/emacs/pnote-mode.el").path,
                                            "PNOTE_BIN": Tools.pnote, "PNOTE_FILE": try Tools.isolatedExample()])
        if r.err.contains("Cannot open load file") && r.err.contains("eglot") {
            print("skipped: eglot (Debian elpa-eglot) is not installed")
            return
        }
        #expect(r.status == 0, "\(r.out)\(r.err)")
        #expect(r.out.contains("diagnostics=29"), "\(r.out)")
        #expect(r.out.contains("hover=**universeel**"))
        #expect(r.out.contains("completion=universeel,selectief,geïndiceerd,zorggerelateerd"))
        #expect(r.out.contains("server-exit=0"), "the server exits cleanly after shutdown and exit")
    }
}
