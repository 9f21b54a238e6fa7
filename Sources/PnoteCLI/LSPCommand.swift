import Foundation
import PnoteServer

/// `pnote lsp [--stdio] [--log-file FILE]`: the language server over standard input and
/// output. Only protocol is written to stdout; logs go to stderr or the log file.
enum LSPCommand {
    static let help = """
    Usage: pnote lsp [--stdio] [--log-file FILE]

    Runs the language server over standard input and output (LSP 3.17).

    """

    static func run(_ args: [String], console: Console) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(args, valueOptions: ["--log-file"], flagOptions: ["--stdio", "--help", "-h"])
        if reader.flag("--help") || reader.flag("-h") { console.out(help); return ExitStatus.clean }
        guard reader.positional.isEmpty else { throw UsageError(message: "pnote lsp takes no paths", hint: "the editor opens the documents") }
        let logHandle: FileHandle
        if let path = reader.value("--log-file") {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw UsageError(message: "cannot write the log file '\(path)'", hint: nil)
            }
            handle.seekToEndOfFile()
            logHandle = handle
        } else {
            logHandle = FileHandle.standardError
        }
        let output = FileHandle.standardOutput
        let writeLock = NSLock()
        let server = LanguageServer(
            send: { bytes in
                writeLock.lock()
                output.write(Data(bytes))
                writeLock.unlock()
            },
            log: { message in logHandle.write(Data(message.utf8)) },
            onExit: { code in
                writeLock.lock()
                Foundation.exit(code)
            })
        // Read on this thread until the client closes the input.
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = read(0, &buffer, buffer.count)
            if n <= 0 { break }
            server.receive(Array(buffer[0..<n]))
        }
        server.inputClosed()
        while true { sleep(60) }  // `onExit` ends the process
    }
}
