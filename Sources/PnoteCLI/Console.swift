import Foundation

/// Where a command reads and writes. Tests pass their own; the binary uses the process's.
public struct Console: Sendable {
    public var out: @Sendable (String) -> Void
    /// Output as bytes, for output made as bytes (`pnote check`'s): no string is made of
    /// them only to be written (checking a 64 kB piece's UTF-8 was 6% of a SARIF check).
    /// Nil: such output goes to `out`.
    public var outBytes: (@Sendable (ArraySlice<UInt8>) -> Void)?
    public var err: @Sendable (String) -> Void
    public var readStdin: @Sendable () -> [UInt8]
    public var currentDirectory: String
    /// Whether stdout is a terminal (for `--color auto`).
    public var isTerminal: Bool
    /// Whether `NO_COLOR` is set (https://no-color.org).
    public var noColor: Bool
    /// Whether this is the process's own console, with the process's own arguments (the
    /// `pnote` binary's): only then may a command restart the process.
    public var isProcess = false

    public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void,
                readStdin: @escaping @Sendable () -> [UInt8], currentDirectory: String,
                isTerminal: Bool = false, noColor: Bool = false, outBytes: (@Sendable (ArraySlice<UInt8>) -> Void)? = nil) {
        self.out = out
        self.outBytes = outBytes
        self.err = err
        self.readStdin = readStdin
        self.currentDirectory = currentDirectory
        self.isTerminal = isTerminal
        self.noColor = noColor
    }

    public static var standard: Console {
        var console = Console(out: { write($0, to: .standardOutput) },
                              err: { write($0, to: .standardError) },
                              readStdin: { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) },
                              currentDirectory: FileManager.default.currentDirectoryPath,
                              isTerminal: isatty(1) == 1,
                              noColor: !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty,
                              outBytes: { write($0, to: .standardOutput) })
        console.isProcess = true
        return console
    }
}

extension Console {
    /// Writes the text's own bytes: a copy into `Data` doubled the memory of a large
    /// SARIF or JSON output (100 MB for a 50 MB folder).
    static func write(_ bytes: ArraySlice<UInt8>, to handle: FileHandle) {
        bytes.withUnsafeBufferPointer { write($0, to: handle) }
    }

    static func write(_ text: String, to handle: FileHandle) {
        var text = text
        text.withUTF8 { write($0, to: handle) }
    }

    private static func write(_ bytes: UnsafeBufferPointer<UInt8>, to handle: FileHandle) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        handle.write(Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: bytes.count, deallocator: .none))
    }
}

public enum ExitStatus {
    public static let clean: Int32 = 0
    public static let errorsFound: Int32 = 1
    public static let usageOrIO: Int32 = 2
}
