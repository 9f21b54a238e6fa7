import Foundation
import PnoteFiles
import PnoteJSON
import PnoteModel
import PnoteRules
import PnoteSyntax

/// The pnote language server. Messages are handled one at a time on `queue`;
/// diagnostics are computed on `analysis`, so typing never waits for them. Only protocol
/// goes to `send`; logs go to `log` (stderr or a log file) and, as `window/logMessage`,
/// to the client.
public final class LanguageServer: @unchecked Sendable {
    public static let name = "pnote"
    public static let version = "0.1.0"

    private let sendBytes: @Sendable ([UInt8]) -> Void
    private let writeLog: @Sendable (String) -> Void
    let onExitHandler: @Sendable (Int32) -> Void
    let queue = DispatchQueue(label: "pnote.server")
    private let analysis = DispatchQueue(label: "pnote.analysis")
    private let lock = NSLock()
    private var cancelled: Set<RequestID> = []
    private var generations: [String: Int] = [:]
    private var framer = MessageFramer()

    // State below is touched on `queue` only.
    enum Phase { case uninitialized, running, shutDown }
    var phase = Phase.uninitialized
    var encoding = PositionEncoding.utf16
    var pullDiagnostics = false
    var locale: Language?
    var trace = "off"
    var clientSettings: Configuration?
    var clientSettingsError: ConfigurationError?
    var asksForConfiguration = false
    var watchedFilesRegistration = false
    var documents: [String: (version: Int, bytes: [UInt8])] = [:]
    var workspaces = WorkspaceSet()
    var configurations = ConfigurationLocator(explicitPath: nil, currentDirectory: "/")
    private var nextOutgoingID = 1
    private var pending: [RequestID: @Sendable (JSON?) -> Void] = [:]

    public init(send: @escaping @Sendable ([UInt8]) -> Void, log: @escaping @Sendable (String) -> Void,
                onExit: @escaping @Sendable (Int32) -> Void) {
        sendBytes = send
        writeLog = log
        onExitHandler = onExit
    }

    // MARK: Input

    /// Bytes from the client, in any split. Frames them and queues the messages;
    /// `$/cancelRequest` takes effect at once, so queued requests can still be cancelled.
    public func receive(_ bytes: [UInt8]) {
        lock.lock()
        framer.append(bytes)
        var frames: [MessageFramer.Frame] = []
        while let frame = framer.next() { frames.append(frame) }
        lock.unlock()
        // Decode the whole read first: a cancellation that arrives with its request (or
        // before it is handled) takes effect before the request is queued.
        var messages: [IncomingMessage] = []
        for frame in frames {
            switch frame {
            case .error(let e):
                queue.async { self.log("dropped \(e.description)", level: 1) }
            case .message(let body):
                switch IncomingMessage.decode(body) {
                case .failure(let error):
                    send(OutgoingMessage.error(id: IncomingMessage.salvageID(body), error))
                case .success(.notification(method: "$/cancelRequest", let params)):
                    if let id = CancelParams(json: params).id {
                        lock.lock(); cancelled.insert(id); lock.unlock()
                    }
                case .success(let message):
                    messages.append(message)
                }
            }
        }
        for message in messages { queue.async { self.handle(message) } }
    }

    /// The end of the input without `exit`: exit status 1, as after an unannounced exit.
    public func inputClosed() {
        queue.async { self.onExitHandler(self.phase == .shutDown ? 0 : 1) }
    }

    /// Waits for the diagnostics being computed (called on `queue`).
    func finishAnalyses() { analysis.sync {} }

    /// Waits until every queued message and analysis has been handled (for tests).
    public func waitUntilIdle() {
        queue.sync {}
        analysis.sync {}
        queue.sync {}
    }

    // MARK: Output

    func send(_ json: JSON) {
        sendBytes(MessageFramer.frame(Array(json.serialized().utf8)))
    }

    func notify(_ method: String, _ params: JSON) { send(OutgoingMessage.notification(method, params)) }

    /// 1 error, 2 warning, 3 info, 4 log.
    func log(_ message: String, level: Int = 3) {
        writeLog("pnote: " + message + "\n")
        if level <= 2 || trace == "verbose" {
            notify("window/logMessage", .object([("type", .int(level)), ("message", .string(message))]))
        }
    }

    func request(_ method: String, _ params: JSON, then: @escaping @Sendable (JSON?) -> Void) {
        let id = RequestID.string("pnote-\(nextOutgoingID)")
        nextOutgoingID += 1
        pending[id] = then
        send(OutgoingMessage.request(id: id, method, params))
    }

    // MARK: Dispatch

    func handle(_ message: IncomingMessage) {
        switch message {
        case .response(let id, let result, _):
            if let id, let callback = pending.removeValue(forKey: id) { callback(result) }
        case .notification(let method, let params):
            if phase == .uninitialized && method != "exit" { return }  // ignored before initialize
            do { try handleNotification(method, params) } catch {
                log("\(method): \(error.message)", level: 2)
            }
        case .request(let id, let method, let params):
            if isCancelled(id) {
                send(OutgoingMessage.error(id: id, ResponseError(code: ErrorCode.requestCancelled, message: "cancelled")))
                return
            }
            if phase == .uninitialized && method != "initialize" {
                send(OutgoingMessage.error(id: id, ResponseError(code: ErrorCode.serverNotInitialized, message: "the server is not initialized yet")))
                return
            }
            if phase == .shutDown {
                send(OutgoingMessage.error(id: id, ResponseError(code: ErrorCode.invalidRequest, message: "the server is shutting down")))
                return
            }
            do {
                let result = try handleRequest(method, params)
                send(OutgoingMessage.response(id: id, result: result))
            } catch {
                if error.code != ErrorCode.methodNotFound && error.code != ErrorCode.invalidParams {
                    log("\(method) failed: \(error.message)", level: 1)
                }
                send(OutgoingMessage.error(id: id, error))
            }
        }
    }

    private func isCancelled(_ id: RequestID) -> Bool {
        lock.lock(); defer { lock.unlock() }
        return cancelled.remove(id) != nil
    }

    func handleRequest(_ method: String, _ params: JSON) throws(ResponseError) -> JSON {
        guard let handler = LanguageServer.requests[method] else {
            throw ResponseError(code: ErrorCode.methodNotFound, message: "unknown request '\(method)'")
        }
        return try handler(self, params)
    }

    func handleNotification(_ method: String, _ params: JSON) throws(ResponseError) {
        // Unknown notifications (and `$/` ones) are ignored, as the protocol says.
        try LanguageServer.notifications[method]?(self, params)
    }

    // MARK: Snapshots and diagnostics

    func configuration(for uri: String) -> Configuration {
        var base = Configuration()
        if let path = DocumentURI.path(of: uri), case .success(let c) = configurations.configuration(forDirectory: (path as NSString).deletingLastPathComponent) {
            base = c
        }
        return clientSettings.map { base.overlaid(with: $0) } ?? base
    }

    public func snapshot(_ uri: String) -> DocumentSnapshot? {
        guard let (e, n) = workspaces.locate(uri) else { return nil }
        let entry = workspaces.entries[e]
        let configuration = configuration(for: uri)
        let note = entry.workspace.notes[n]
        return DocumentSnapshot(uri: uri, version: documents[uri]?.version, workspace: entry.workspace, noteIndex: n,
                                uris: entry.uris, encoding: encoding,
                                language: note.settings.language ?? configuration.language ?? locale ?? .nl,
                                configuration: configuration)
    }

    /// Computes and publishes a document's diagnostics off the message loop. A newer
    /// change makes an older computation moot: it is dropped before or after it runs.
    func scheduleDiagnostics(_ uri: String) {
        guard !pullDiagnostics, let snapshot = snapshot(uri) else { return }
        lock.lock()
        let generation = (generations[uri] ?? 0) + 1
        generations[uri] = generation
        lock.unlock()
        analysis.async {
            guard self.isCurrent(uri, generation) else { return }
            let items = DiagnosticConversion.items(snapshot)
            guard self.isCurrent(uri, generation) else { return }
            var params: [(String, JSON)] = [("uri", .string(uri))]
            if let version = snapshot.version { params.append(("version", .int(version))) }
            params.append(("diagnostics", .array(items)))
            self.notify("textDocument/publishDiagnostics", .object(params))
        }
    }

    /// Frees `value` on the analysis queue, after the diagnostics scheduled before it, so
    /// that they do not wait for it (freeing a 50,000-line note takes about 10 ms).
    func freeAfterAnalysis(_ value: (some Sendable)?) {
        guard let value else { return }
        analysis.async { withExtendedLifetime(value) {} }
    }

    private func isCurrent(_ uri: String, _ generation: Int) -> Bool {
        lock.lock(); defer { lock.unlock() }
        return generations[uri] == generation
    }

    /// Every open document of the same workspace (after a save or a file change).
    func scheduleDiagnosticsForOpenDocuments() {
        for uri in documents.keys.sorted() { scheduleDiagnostics(uri) }
    }
}
