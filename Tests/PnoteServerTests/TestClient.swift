import Foundation
import PnoteTestSupport
import PnoteJSON
import PnoteSyntax
@testable import PnoteServer

/// Talks to an in-process server through real framed bytes and records what it sends.
final class TestClient: @unchecked Sendable {
    let server: LanguageServer
    private let lock = NSLock()
    private var outgoing = MessageFramer()
    private(set) var messages: [JSON] = []
    private(set) var exitCode: Int32?
    private var nextID = 1
    var encoding = PositionEncoding.utf16

    init() {
        let box = Box()
        server = LanguageServer(send: { box.client?.collect($0) }, log: { _ in }, onExit: { box.client?.exited($0) })
        box.client = self
    }

    final class Box: @unchecked Sendable { weak var client: TestClient? }

    private func collect(_ bytes: [UInt8]) {
        lock.lock(); defer { lock.unlock() }
        outgoing.append(bytes)
        while case .message(let body)? = outgoing.next() { messages.append(try! JSONParser.parse(bytes: body)) }
    }

    private func exited(_ code: Int32) { lock.lock(); exitCode = code; lock.unlock() }

    func sendRaw(_ bytes: [UInt8]) {
        server.receive(bytes)
        server.waitUntilIdle()
    }

    func send(_ json: JSON) { sendRaw(MessageFramer.frame(Array(json.serialized().utf8))) }

    @discardableResult
    func request(_ method: String, _ params: JSON = .object([])) -> JSON {
        let id = nextID
        nextID += 1
        send(OutgoingMessage.request(id: .int(id), method, params))
        lock.lock(); defer { lock.unlock() }
        return messages.last { $0["id"] == .int(id) } ?? .null
    }

    func result(_ method: String, _ params: JSON = .object([])) -> JSON { request(method, params)["result"] ?? .null }

    func notify(_ method: String, _ params: JSON = .object([])) { send(OutgoingMessage.notification(method, params)) }

    func initialize(folders: [URL] = [], capabilities: JSON = .object([]), locale: String = "nl") -> JSON {
        let r = result("initialize", .object([("capabilities", capabilities), ("locale", .string(locale)),
                                              ("workspaceFolders", .array(folders.map { .object([("uri", .string($0.absoluteString)), ("name", .string("w"))]) }))]))
        notify("initialized")
        return r
    }

    /// Opens a document written with markers (`‸` a cursor, `⟦…⟧` a range); returns the
    /// marked positions in the client's encoding.
    @discardableResult
    func open(_ uri: String, _ marked: String, version: Int = 1) -> [LSPRange] {
        let m = MarkedText(marked)
        notify("textDocument/didOpen", .object([("textDocument", .object([("uri", .string(uri)), ("languageId", .string("pnote")),
                                                                          ("version", .int(version)), ("text", .string(m.text))]))]))
        let source = SourceText(m.text)
        return m.ranges.map { source.range($0, encoding) }
    }

    func publishedDiagnostics(_ uri: String) -> [JSON] {
        lock.lock(); defer { lock.unlock() }
        let last = messages.last { $0["method"] == .string("textDocument/publishDiagnostics") && $0["params"]?["uri"] == .string(uri) }
        return last?["params"]?["diagnostics"]?.arrayValue ?? []
    }

    func codes(_ uri: String) -> [String] { publishedDiagnostics(uri).compactMap { $0["code"]?.stringValue } }

    var notifications: [JSON] { lock.lock(); defer { lock.unlock() }; return messages.filter { $0["id"] == nil } }
}

func doc(_ uri: String) -> JSON { .object([("uri", .string(uri))]) }

func at(_ uri: String, _ p: Position) -> JSON { .object([("textDocument", doc(uri)), ("position", p.json)]) }

func folder(_ files: [String: String]) throws -> URL {
    try ScratchFolder.make("lsp", files: files).resolvingSymlinksInPath()
}
