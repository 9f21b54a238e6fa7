import PnoteJSON
import Testing
@testable import PnoteServer

@Suite struct LifecycleTests {
    @Test func initializeNegotiatesEncodingAndTellsCapabilities() {
        let c = TestClient()
        let r = c.initialize(capabilities: .object([("general", .object([("positionEncodings", .array([.string("utf-8"), .string("utf-16")]))]))]))
        #expect(r["capabilities"]?["positionEncoding"] == .string("utf-8"))
        #expect(r["serverInfo"]?["name"] == .string("pnote"))
        #expect(r["capabilities"]?["textDocumentSync"]?["change"] == .int(2))
        #expect(r["capabilities"]?["diagnosticProvider"] == nil, "no pull diagnostics for a client that does not ask")
        let plain = TestClient().initialize()
        #expect(plain["capabilities"]?["positionEncoding"] == .string("utf-16"))
    }

    @Test func requestBeforeInitializeIsRefused() {
        let c = TestClient()
        #expect(c.request("textDocument/hover", at("file:///x.pnote", Position(line: 0, character: 0)))["error"]?["code"] == .int(-32002))
    }

    @Test func shutdownThenExitIsZeroAndExitAloneIsOne() {
        let c = TestClient()
        _ = c.initialize()
        #expect(c.request("shutdown")["result"] == .null)
        #expect(c.request("textDocument/hover", at("file:///x.pnote", Position(line: 0, character: 0)))["error"] != nil)
        c.notify("exit")
        #expect(c.exitCode == 0)
        let d = TestClient()
        _ = d.initialize()
        d.notify("exit")
        #expect(d.exitCode == 1)
    }

    @Test func protocolErrorsAreAnsweredAndTheServerGoesOn() {
        let c = TestClient()
        _ = c.initialize()
        c.sendRaw(MessageFramer.frame(Array("{not json".utf8)))
        #expect(c.messages.last?["error"]?["code"] == .int(-32700))
        c.sendRaw(MessageFramer.frame(Array("[{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"shutdown\"}]".utf8)))
        #expect(c.messages.last?["error"]?["code"] == .int(-32600))
        #expect(c.request("pnote/unknown")["error"]?["code"] == .int(-32601))
        #expect(c.request("textDocument/hover", .object([("textDocument", .int(3))]))["error"]?["code"] == .int(-32602))
        let before = c.messages.count
        c.notify("pnote/unknownNotification")
        #expect(c.messages.count == before, "unknown notifications are ignored")
        #expect(c.result("workspace/symbol", .object([("query", .string(""))])) == .array([]), "still answering")
    }

    @Test func cancelledRequestsAnswerRequestCancelled() {
        let c = TestClient()
        _ = c.initialize()
        let request = OutgoingMessage.request(id: .int(77), "workspace/symbol", .object([("query", .string(""))]))
        let cancel = OutgoingMessage.notification("$/cancelRequest", .object([("id", .int(77))]))
        // Both arrive in one read: the cancellation takes effect before the request is handled.
        c.sendRaw(MessageFramer.frame(Array(request.serialized().utf8)) + MessageFramer.frame(Array(cancel.serialized().utf8)))
        #expect(c.messages.last { $0["id"] == .int(77) }?["error"]?["code"] == .int(-32800))
    }
}

@Suite struct DocumentSyncTests {
    let uri = "file:///tmp/pnote-sync/a.pnote"

    @Test func diagnosticsArePublishedWithVersionCodeSourceRelatedAndFix() {
        let c = TestClient()
        _ = c.initialize()
        c.open(uri, "## Doelgroep: Jeugdigen met ADHD {#adhd}\n- kenmerk: diagnose ADHD\n\n## Maatregel: POH\n- niveau: selectief\n- doelgroep: #adhd\n", version: 7)
        let params = c.messages.last { $0["method"] == .string("textDocument/publishDiagnostics") }?["params"]
        #expect(params?["version"] == .int(7))
        let d = c.publishedDiagnostics(uri).first { $0["code"] == .string("PN101") }
        #expect(d?["source"] == .string("pnote"))
        #expect(d?["severity"] == .int(1))
        #expect(d?["range"] == LSPRange(start: Position(line: 4, character: 10), end: Position(line: 4, character: 19)).json)
        #expect(d?["relatedInformation"]?.arrayValue?.first?["location"]?["range"]?["start"]?["line"] == .int(1))
        #expect(d?["data"]?["rule"] == .string("level-mismatch"))
        #expect(d?["message"]?.stringValue?.contains("diagnose") == true, "locale nl")
    }

    @Test func incrementalChangesInUTF16() {
        let c = TestClient()
        _ = c.initialize()
        c.open(uri, "## Doel: 😀 X\n- indicator: y\n- nulmeting: 1 (2020)\n- streefwaarde: 2 in 2021\n- bron: z\n")
        #expect(!c.codes(uri).contains("PN004"))
        // Replace "2 in 2021" on line 3 (characters 16-25) with "veel".
        c.notify("textDocument/didChange", .object([
            ("textDocument", .object([("uri", .string(uri)), ("version", .int(2))])),
            ("contentChanges", .array([.object([("range", LSPRange(start: Position(line: 3, character: 16), end: Position(line: 3, character: 25)).json),
                                                ("text", .string("veel"))])]))]))
        #expect(c.codes(uri).contains("PN004"))
        // An emoji is two UTF-16 units: insert after it on line 0.
        c.notify("textDocument/didChange", .object([
            ("textDocument", .object([("uri", .string(uri)), ("version", .int(3))])),
            ("contentChanges", .array([.object([("range", LSPRange(start: Position(line: 0, character: 11), end: Position(line: 0, character: 11)).json),
                                                ("text", .string("!"))])]))]))
        let hover = c.result("textDocument/hover", at(uri, Position(line: 0, character: 13)))
        #expect(hover["contents"]?["value"]?.stringValue?.contains("😀! X") == true)
    }

    @Test func outOfRangeEditsAndUnknownDocumentsAreHandled() {
        let c = TestClient()
        _ = c.initialize()
        c.open(uri, "## Doel: X\n")
        c.notify("textDocument/didChange", .object([
            ("textDocument", .object([("uri", .string(uri)), ("version", .int(2))])),
            ("contentChanges", .array([.object([("range", LSPRange(start: Position(line: 50, character: 3), end: Position(line: 99, character: 0)).json),
                                                ("text", .string("## Maatregel: Y\n"))])]))]))
        #expect(c.codes(uri).contains("PN201"), "an edit past the end appends")
        c.notify("textDocument/didChange", .object([("textDocument", .object([("uri", .string("file:///nope.pnote")), ("version", .int(1))])),
                                                    ("contentChanges", .array([.object([("text", .string("x"))])]))]))
        #expect(c.result("textDocument/hover", at(uri, Position(line: 999, character: 999))) == .null)
        #expect(c.result("textDocument/hover", at("file:///nope.pnote", Position(line: 0, character: 0))) == .null)
    }

    @Test func closingClearsDiagnostics() {
        let c = TestClient()
        _ = c.initialize()
        c.open(uri, "## Doel:\n")
        #expect(!c.publishedDiagnostics(uri).isEmpty)
        c.notify("textDocument/didClose", .object([("textDocument", doc(uri))]))
        #expect(c.publishedDiagnostics(uri).isEmpty)
    }

    @Test func pullDiagnosticsWhenTheClientAsks() {
        let c = TestClient()
        let r = c.initialize(capabilities: .object([("textDocument", .object([("diagnostic", .object([]))]))]))
        #expect(r["capabilities"]?["diagnosticProvider"]?["workspaceDiagnostics"] == .bool(true))
        c.open(uri, "## Doel:\n")
        #expect(c.publishedDiagnostics(uri).isEmpty, "nothing pushed to a pull client")
        let report = c.result("textDocument/diagnostic", .object([("textDocument", doc(uri))]))
        #expect(report["kind"] == .string("full"))
        #expect(report["items"]?.arrayValue?.contains { $0["code"] == .string("PN009") } == true)
        let all = c.result("workspace/diagnostic", .object([("previousResultIds", .array([]))]))
        #expect(all["items"]?.arrayValue?.contains { $0["uri"] == .string(uri) } == true)
    }

    @Test func configurationFromTheEditorAppliesWithoutRestart() {
        let c = TestClient()
        _ = c.initialize(locale: "en")
        c.open(uri, "## Doel: Wij versterken de sociale basis\n")
        #expect(c.codes(uri).contains("PN306"))
        c.notify("workspace/didChangeConfiguration", .object([("settings", .object([("pnote", .object([("rules", .object([("PN306", .string("off"))]))]))]))]))
        #expect(!c.codes(uri).contains("PN306"))
        #expect(c.publishedDiagnostics(uri).first?["message"]?.stringValue?.hasPrefix("goal") == true, "client locale en")
    }
}
