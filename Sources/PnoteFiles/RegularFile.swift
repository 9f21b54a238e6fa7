import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading files that may not be files: a named pipe, device or socket with a `.pnote`
/// name (or a configuration or ignore file that is one) is never opened, as reading it
/// could block for ever or never end (`/dev/zero`); a file too large to check is refused
/// before a byte of it is read. Every read of a note or configuration goes through here.
public enum RegularFile {
    public enum Read: Equatable {
        case bytes([UInt8])
        case notRegular
        case tooLarge(Int)
        /// Missing, unreadable, or gone between the look and the read.
        case unreadable
    }

    /// One look (`stat`, after symlinks), then one read.
    public static func read(_ path: String, maximumSize: Int = .max) -> Read {
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFREG else { return .notRegular }
            guard Int(info.st_size) <= maximumSize else { return .tooLarge(Int(info.st_size)) }
        }
        guard let data = FileManager.default.contents(atPath: path) else { return .unreadable }
        return .bytes([UInt8](data))
    }

    /// The bytes of the regular file at `path`; nil when it is not one, is larger than
    /// `maximumSize` or cannot be read.
    public static func contents(atPath path: String, maximumSize: Int = .max) -> [UInt8]? {
        if case .bytes(let bytes) = read(path, maximumSize: maximumSize) { return bytes }
        return nil
    }
}
