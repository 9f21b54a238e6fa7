import Foundation
import PnoteJSON
import PnoteServer

/// Drives `pnote lsp` through pipes, as an editor would, and measures what a policy
/// writer feels: how fast the server starts, how soon diagnostics follow a keystroke,
/// and how much memory it holds.
final class ServerBenchmark: @unchecked Sendable {
    let process = Process()
    let input = Pipe(), output = Pipe()
    private let lock = NSCondition()
    private var framer = MessageFramer()
    private var responses: [Int: Double] = [:]
    /// (uri, version) → arrival time of its publishDiagnostics.
    private var published: [String: Double] = [:]
    private var nextID = 1

    init(binary: String) throws {
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["lsp"]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
    }

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e6 }

    func start() throws {
        try process.run()
        let handle = output.fileHandleForReading
        Thread.detachNewThread {
            while true {
                let data = handle.availableData
                if data.isEmpty { return }
                let t = ServerBenchmark.now()
                self.lock.lock()
                self.framer.append([UInt8](data))
                while case .message(let body)? = self.framer.next() {
                    guard let json = try? JSONParser.parse(bytes: body) else { continue }
                    if let id = json["id"]?.intValue { self.responses[id] = t }
                    if json["method"] == .string("textDocument/publishDiagnostics"), let p = json["params"],
                       let uri = p["uri"]?.stringValue {
                        self.published["\(uri)@\(p["version"]?.intValue ?? -1)"] = t
                    }
                }
                self.lock.broadcast()
                self.lock.unlock()
            }
        }
    }

    func write(_ json: JSON) {
        input.fileHandleForWriting.write(Data(MessageFramer.frame(Array(json.serialized().utf8))))
    }

    @discardableResult
    func request(_ method: String, _ params: JSON) -> Int {
        let id = nextID
        nextID += 1
        write(OutgoingMessage.request(id: .int(id), method, params))
        return id
    }

    func notify(_ method: String, _ params: JSON) { write(OutgoingMessage.notification(method, params)) }

    func waitResponse(_ id: Int) -> Double {
        lock.lock(); defer { lock.unlock() }
        while responses[id] == nil { lock.wait() }
        return responses[id]!
    }

    func waitDiagnostics(_ uri: String, version: Int) -> Double {
        lock.lock(); defer { lock.unlock() }
        while published["\(uri)@\(version)"] == nil { lock.wait() }
        return published["\(uri)@\(version)"]!
    }

    func open(_ uri: String, _ text: String, version: Int = 1) {
        notify("textDocument/didOpen", .object([("textDocument", .object([("uri", .string(uri)), ("languageId", .string("pnote")),
                                                                          ("version", .int(version)), ("text", .string(text))]))]))
    }

    /// Inserts one character at the start of line `line`, as typing does.
    func type(_ uri: String, version: Int, line: Int) {
        type(uri, version: version, lines: [line])
    }

    /// One character at the start of each of `lines`, in one message (many cursors).
    func type(_ uri: String, version: Int, lines: [Int]) {
        let changes: [JSON] = lines.map { line in
            let at: JSON = .object([("line", .int(line)), ("character", .int(0))])
            return .object([("range", .object([("start", at), ("end", at)])), ("text", .string("x"))])
        }
        notify("textDocument/didChange", .object([("textDocument", .object([("uri", .string(uri)), ("version", .int(version))])),
                                                  ("contentChanges", .array(changes))]))
    }

    var rssMegabytes: Double {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return -1 }
        return kb / 1024
    }

    func stop() {
        let id = request("shutdown", .null)
        _ = waitResponse(id)
        notify("exit", .null)
        process.waitUntilExit()
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
    }

    /// Lines of a synthetic note with about `lines` lines.
    static func note(lines: Int) -> String {
        var blocks = lines / 7
        var text = SyntheticNotes.note(blocks: blocks)
        while text.split(separator: "\n", omittingEmptySubsequences: false).count < lines {
            blocks += max(1, blocks / 10)
            text = SyntheticNotes.note(blocks: blocks)
        }
        return text
    }

    /// `sizes`: (lines, edits) per note; `indexNotes`: the notes of the indexing run (0: none).
    static func run(binary: String, sizes: [(Int, Int)] = [(500, 200), (2_000, 200), (5_000, 100), (50_000, 30)],
                    indexNotes: Int = 1_000) throws {
        let server = try ServerBenchmark(binary: binary)
        let spawned = now()
        try server.start()
        let initID = server.request("initialize", .object([("capabilities", .object([])), ("processId", .null)]))
        let initTime = server.waitResponse(initID) - spawned
        server.notify("initialized", .object([]))
        usleep(200_000)
        let idle = server.rssMegabytes
        print(String(format: "initialize answered %.1f ms after spawn; RSS idle %.1f MB", initTime, idle))
        // 500, 5,000 and 50,000 lines are the 1×, 10× and 100× inputs; 2,000 and 50,000
        // are the sizes of the targets.
        for (lines, edits) in sizes {
            let uri = "file:///bench/note-\(lines).pnote"
            let text = note(lines: lines)
            server.open(uri, text)
            _ = server.waitDiagnostics(uri, version: 1)
            var latencies: [Double] = []
            for i in 0..<edits {
                let sent = now()
                server.type(uri, version: i + 2, line: 20 + i)
                latencies.append(server.waitDiagnostics(uri, version: i + 2) - sent)
            }
            print(String(format: "didChange → publishDiagnostics, %d lines (%d edits): median %.2f ms, p99 %.2f ms, max %.2f ms",
                         text.split(separator: "\n", omittingEmptySubsequences: false).count - 1, edits, percentile(latencies, 0.5), percentile(latencies, 0.99), latencies.max()!))
            if lines == sizes.map(\.0).max() {
                // Many cursors: each change's range is in the text the changes before it left.
                let sent = now()
                server.type(uri, version: edits + 2, lines: (0..<1_000).map { ($0 * 37) % lines })
                print(String(format: "one didChange of 1,000 changes, %d lines: %.1f ms to publishDiagnostics",
                             lines, server.waitDiagnostics(uri, version: edits + 2) - sent))
            }
        }
        server.stop()
        if indexNotes > 0 { try indexed(binary: binary, notes: indexNotes) }
    }

    /// A fresh server whose workspace folder holds `count` notes: the memory of an
    /// indexed workspace, without the large notes of the latency runs.
    static func indexed(binary: String, notes count: Int) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pnote-bench-folder-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let small = SyntheticNotes.note(blocks: 30)
        for i in 0..<count { try Data(small.utf8).write(to: folder.appendingPathComponent("n\(i).pnote")) }
        let server = try ServerBenchmark(binary: binary)
        let spawned = now()
        try server.start()
        let initID = server.request("initialize", .object([("capabilities", .object([])), ("processId", .null),
                                                           ("rootUri", .string(folder.absoluteURL.absoluteString))]))
        let indexTime = server.waitResponse(initID) - spawned
        server.notify("initialized", .object([]))
        let uri = folder.appendingPathComponent("n0.pnote").absoluteURL.absoluteString
        server.open(uri, small)
        _ = server.waitDiagnostics(uri, version: 1)
        // Typing in one note of the folder: the cross-note rules must not look at all notes.
        var latencies: [Double] = []
        for i in 0..<50 {
            let sent = now()
            server.type(uri, version: i + 2, line: 20 + i)
            latencies.append(server.waitDiagnostics(uri, version: i + 2) - sent)
        }
        usleep(200_000)
        print(String(format: "workspace of %d notes (%d lines each): indexed in %.0f ms, RSS %.1f MB; typing in one: median %.2f ms, p99 %.2f ms",
                     count, small.split(separator: "\n", omittingEmptySubsequences: false).count - 1, indexTime, server.rssMegabytes,
                     percentile(latencies, 0.5), percentile(latencies, 0.99)))
        server.stop()
    }
}
