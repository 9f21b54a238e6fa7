import Foundation
import PnoteServer

// libFuzzer target: any bytes as the stream from an editor — framing, JSON-RPC decoding
// and a live server (one for the whole run, initialized first, as an editor's server
// lives through many messages). Everything the server sends is checked
// (`OutgoingOracle`). Without -DPNOTE_FUZZING: a reproducer over files.

final class Sink: @unchecked Sendable {
    var exited = false
}

let sink = Sink()
let server = LanguageServer(send: { OutgoingOracle.check($0) }, log: { _ in }, onExit: { _ in sink.exited = true })
let initialize = Array("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}".utf8)
let started: Bool = {
    server.receive(Array("Content-Length: \(initialize.count)\r\n\r\n".utf8) + initialize)
    server.waitUntilIdle()
    return true
}()

func fuzzProtocol(_ bytes: [UInt8]) {
    _ = started
    var framer = MessageFramer()
    framer.append(bytes)
    var steps = 0
    while let frame = framer.next() {
        steps += 1
        precondition(steps <= bytes.count + 1, "the framer made no progress")
        if case .message(let body) = frame { _ = IncomingMessage.decode(body) }
    }
    server.receive(bytes)
    server.waitUntilIdle()
}

#if PNOTE_FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    fuzzProtocol(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
#else
@main
struct Reproducer {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { print("cannot read \(path)"); continue }
            fuzzProtocol([UInt8](data))
            print("ok \(path)")
        }
    }
}
#endif
