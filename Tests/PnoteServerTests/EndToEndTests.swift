import Foundation
import PnoteTestSupport
import PnoteJSON
import Testing
@testable import PnoteServer

/// Spawns the built `pnote lsp` and talks to it through pipes, as an editor does.
enum LSPProcess {
    static let binary: String = {
        var url = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { url.deleteLastPathComponent() }
        let candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
                          Bundle.main.bundleURL.deletingLastPathComponent(), Bundle.main.bundleURL, url.appendingPathComponent(".build/debug")]
        return candidates.map { $0.appendingPathComponent("pnote").path }.first { FileManager.default.isExecutableFile(atPath: $0) }!
    }()

    static func frame(_ json: JSON) -> [UInt8] { MessageFramer.frame(Array(json.serialized().utf8)) }

    /// Writes `input`, closes stdin, and returns the exit status, the messages on stdout
    /// (which must all be well framed) and stderr.
    static func run(_ input: [UInt8], arguments: [String] = ["lsp"]) throws -> (status: Int32, messages: [JSON], stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        p.standardInput = stdin
        p.standardOutput = stdout
        p.standardError = stderr
        try p.run()
        stdin.fileHandleForWriting.write(Data(input))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        var framer = MessageFramer()
        framer.append([UInt8](out))
        var messages: [JSON] = []
        while let f = framer.next() {
            guard case .message(let body) = f else { Issue.record("stdout holds something that is not protocol"); continue }
            messages.append(try JSONParser.parse(bytes: body))
        }
        return (p.terminationStatus, messages, String(decoding: err, as: UTF8.self))
    }
}

func req(_ id: Int, _ method: String, _ params: JSON = .object([])) -> JSON { OutgoingMessage.request(id: .int(id), method, params) }
func note(_ method: String, _ params: JSON = .object([])) -> JSON { OutgoingMessage.notification(method, params) }

@Suite struct EndToEndTests {
    let initialize = req(1, "initialize", .object([("capabilities", .object([])), ("locale", .string("en"))]))

    @Test func aSessionWithMalformedMessagesInBetween() throws {
        let uri = "file:///tmp/pnote-e2e/a.pnote"
        var input: [UInt8] = []
        input += LSPProcess.frame(initialize)
        input += LSPProcess.frame(note("initialized"))
        input += Array("Content-Length: -3\r\n\r\n".utf8)                        // negative
        input += Array("Content-Type: text/plain\r\n\r\n".utf8)                   // missing
        input += MessageFramer.frame(Array("this is not json".utf8))               // -32700
        input += MessageFramer.frame(Array("[1,2]".utf8))                          // batch: -32600
        input += LSPProcess.frame(req(2, "textDocument/hover", .object([("textDocument", .string("x"))])))  // -32602
        input += LSPProcess.frame(note("textDocument/didOpen", .object([("textDocument", .object([
            ("uri", .string(uri)), ("languageId", .string("pnote")), ("version", .int(1)), ("text", .string("## Doel:\n"))]))])))
        input += LSPProcess.frame(req(3, "textDocument/documentSymbol", .object([("textDocument", doc(uri))])))
        input += LSPProcess.frame(req(4, "shutdown"))
        input += LSPProcess.frame(note("exit"))
        let r = try LSPProcess.run(input)
        #expect(r.status == 0)
        let errors = r.messages.compactMap { $0["error"]?["code"]?.intValue }
        #expect(errors == [-32700, -32600, -32602])
        #expect(r.messages.contains { $0["id"] == .int(1) && $0["result"]?["serverInfo"]?["name"] == .string("pnote") })
        #expect(r.messages.contains { $0["id"] == .int(3) && $0["result"]?.arrayValue?.count == 1 })
        let published = r.messages.first { $0["method"] == .string("textDocument/publishDiagnostics") }
        #expect(published?["params"]?["diagnostics"]?.arrayValue?.contains { $0["code"] == .string("PN009") } == true)
        #expect(r.stderr.contains("dropped an invalid Content-Length '-3'"))
    }

    @Test func endOfInputWithoutExitIsStatusOne() throws {
        let r = try LSPProcess.run(LSPProcess.frame(initialize))
        #expect(r.status == 1)
        let withoutShutdown = try LSPProcess.run(LSPProcess.frame(initialize) + LSPProcess.frame(note("exit")))
        #expect(withoutShutdown.status == 1)
    }

    @Test func logsGoToTheLogFileNotStdout() throws {
        let log = try ScratchFolder.make("lsp-log").appendingPathComponent("server.log").path
        let r = try LSPProcess.run(LSPProcess.frame(initialize) + LSPProcess.frame(req(2, "shutdown")) + LSPProcess.frame(note("exit")),
                                   arguments: ["lsp", "--stdio", "--log-file", log])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        #expect((try String(contentsOfFile: log, encoding: .utf8)).contains("pnote: initialized"))
    }

    @Test func aBurstOfTenThousandMessages() throws {
        let uri = "file:///tmp/pnote-e2e/burst.pnote"
        var input = LSPProcess.frame(initialize) + LSPProcess.frame(note("textDocument/didOpen", .object([("textDocument", .object([
            ("uri", .string(uri)), ("languageId", .string("pnote")), ("version", .int(1)), ("text", .string("## Doel: X\n"))]))])))
        for i in 0..<10_000 {
            input += LSPProcess.frame(note("textDocument/didChange", .object([
                ("textDocument", .object([("uri", .string(uri)), ("version", .int(i + 2))])),
                ("contentChanges", .array([.object([("text", .string("## Doel: X\(i)\n"))])]))])))
        }
        input += LSPProcess.frame(req(2, "textDocument/documentSymbol", .object([("textDocument", doc(uri))])))
        input += LSPProcess.frame(req(3, "shutdown")) + LSPProcess.frame(note("exit"))
        let r = try LSPProcess.run(input)
        #expect(r.status == 0)
        let symbols = r.messages.first { $0["id"] == .int(2) }?["result"]?.arrayValue
        #expect(symbols?.first?["name"] == .string("X9999"), "every change applied, in order")
    }
}

extension EndToEndTests {
    /// One didChange with a thousand changes to a 5,000-line note: each change's range
    /// refers to the text the changes before it left (the server once rebuilt the line
    /// index of the whole note per change). The goals the server then lists must be those
    /// of the text a fresh line index per change gives.
    @Test func aThousandChangesInOneMessage() throws {
        let uri = "file:///tmp/pnote-e2e/changes.pnote"
        let start = Array((0..<5_000).map { "## Doel: D\($0) é😀\n" }.joined().utf8)
        var random = EditableTextTests.Random(state: 7)
        var lines = 5_000
        let changes: [(LSPRange, [UInt8])] = (0..<1_000).map { k in
            let line = random.next(lines + 1), character = random.next(3) == 0 ? 14 : 0
            lines += 1
            return (LSPRange(start: Position(line: line, character: character), end: Position(line: line, character: character)),
                    Array((character == 0 ? "## Doel: N\(k)\n" : "\n## Doel: N\(k)").utf8))
        }
        var input = LSPProcess.frame(initialize) + LSPProcess.frame(note("textDocument/didOpen", .object([("textDocument", .object([
            ("uri", .string(uri)), ("languageId", .string("pnote")), ("version", .int(1)), ("text", .string(String(decoding: start, as: UTF8.self)))]))])))
        input += LSPProcess.frame(note("textDocument/didChange", .object([
            ("textDocument", .object([("uri", .string(uri)), ("version", .int(2))])),
            ("contentChanges", .array(changes.map { .object([("range", $0.0.json), ("text", .string(String(decoding: $0.1, as: UTF8.self)))]) }))])))
        input += LSPProcess.frame(req(2, "textDocument/documentSymbol", .object([("textDocument", doc(uri))])))
        input += LSPProcess.frame(req(3, "shutdown")) + LSPProcess.frame(note("exit"))
        let r = try LSPProcess.run(input)
        #expect(r.status == 0)
        let names = r.messages.first { $0["id"] == .int(2) }?["result"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
        let expected = String(decoding: EditableTextTests.reference(start, changes, .utf16), as: UTF8.self)
            .split(separator: "\n").compactMap { $0.hasPrefix("## Doel: ") ? $0.dropFirst(9).trimmingCharacters(in: .whitespaces) : nil }
        #expect(expected.count == 6_000)
        #expect(names == expected)
    }
}

@Suite struct WorkspaceFileTests {
    @Test func watchedFilesAndFolderChangesUpdateTheIndex() throws {
        let dir = try folder(["a.pnote": "## Maatregel: M\n- doelgroep: b.pnote#g\n"])
        let c = TestClient()
        _ = c.initialize(folders: [dir])
        let a = dir.appendingPathComponent("a.pnote").absoluteString
        c.open(a, "## Maatregel: M\n- doelgroep: b.pnote#g\n")
        #expect(c.codes(a).contains("PN005"))
        try "## Doelgroep: G {#g}\n".write(to: dir.appendingPathComponent("b.pnote"), atomically: false, encoding: .utf8)
        c.notify("workspace/didChangeWatchedFiles", .object([("changes", .array([.object([
            ("uri", .string(dir.appendingPathComponent("b.pnote").absoluteString)), ("type", .int(1))])]))]))
        #expect(!c.codes(a).contains("PN005"), "the new note resolves the reference")
        let other = try folder(["x.pnote": "## Doel: Uit een andere map {#x}\n"])
        c.notify("workspace/didChangeWorkspaceFolders", .object([("event", .object([
            ("added", .array([.object([("uri", .string(other.absoluteString)), ("name", .string("o"))])])), ("removed", .array([]))]))]))
        let found = c.result("workspace/symbol", .object([("query", .string("andere map"))])).arrayValue ?? []
        #expect(found.count == 1)
    }
}
