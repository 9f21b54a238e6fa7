import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading files that may not be files: a named pipe, device or socket with a `.pnote`
/// name (or a configuration or ignore file that is one) is never opened, as reading it
/// could block for ever or never end (`/dev/zero`). Every read of a note or configuration
/// goes through here.
public enum RegularFile {
    /// Whether `path` is, after following symlinks, a regular file. A path that cannot be
    /// looked at counts as regular, so reading it gives the reason.
    public static func isRegular(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return true }
        return (info.st_mode & S_IFMT) == S_IFREG
    }

    /// The size in bytes of what `path` names (after symlinks), if it can be looked at: a
    /// file too large to check is refused before a byte of it is read.
    public static func size(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_size)
    }

    /// The bytes of the regular file at `path`; nil when it is not one, is larger than
    /// `maximumSize` (checked before reading) or cannot be read.
    public static func contents(atPath path: String, maximumSize: Int = .max) -> [UInt8]? {
        guard isRegular(path), (size(path) ?? 0) <= maximumSize, let data = FileManager.default.contents(atPath: path) else { return nil }
        return [UInt8](data)
    }
}
