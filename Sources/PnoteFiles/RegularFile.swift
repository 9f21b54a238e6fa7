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

    /// The bytes of the regular file at `path`; nil when it is not one or cannot be read.
    public static func contents(atPath path: String) -> [UInt8]? {
        guard isRegular(path), let data = FileManager.default.contents(atPath: path) else { return nil }
        return [UInt8](data)
    }
}
