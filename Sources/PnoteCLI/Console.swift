import Foundation

/// Where a command reads and writes. Tests pass their own; the binary uses the process's.
public struct Console: Sendable {
    public var out: @Sendable (String) -> Void
    public var err: @Sendable (String) -> Void
    public var readStdin: @Sendable () -> [UInt8]
    public var currentDirectory: String
    /// Whether stdout is a terminal (for `--color auto`).
    public var isTerminal: Bool
    /// Whether `NO_COLOR` is set (https://no-color.org).
    public var noColor: Bool

    public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void,
                readStdin: @escaping @Sendable () -> [UInt8], currentDirectory: String,
                isTerminal: Bool = false, noColor: Bool = false) {
        self.out = out
        self.err = err
        self.readStdin = readStdin
        self.currentDirectory = currentDirectory
        self.isTerminal = isTerminal
        self.noColor = noColor
    }

    public static var standard: Console {
        Console(out: { FileHandle.standardOutput.write(Data($0.utf8)) },
                err: { FileHandle.standardError.write(Data($0.utf8)) },
                readStdin: { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) },
                currentDirectory: FileManager.default.currentDirectoryPath,
                isTerminal: isatty(1) == 1,
                noColor: !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty)
    }
}

public enum ExitStatus {
    public static let clean: Int32 = 0
    public static let errorsFound: Int32 = 1
    public static let usageOrIO: Int32 = 2
}
