import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that readers see either the old or the new content, never a mix:
/// a temporary file in the same folder, flushed, given the original's permissions, then
/// renamed over the original.
public enum AtomicFile {
    public struct WriteError: Error { public var reason: String }

    public static func replaceContents(of path: String, with bytes: [UInt8]) throws(WriteError) {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var template = Array(((directory.isEmpty ? "." : directory) + "/." + name + ".pnote-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw WriteError(reason: "cannot create a temporary file: \(String(cString: strerror(errno)))") }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var ok = false
        defer {
            if !ok { unlink(temporary) }
        }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, bytes.count - written) }
            guard n > 0 else { close(fd); throw WriteError(reason: "cannot write: \(String(cString: strerror(errno)))") }
            written += n
        }
        var info = stat()
        if stat(path, &info) == 0 { fchmod(fd, info.st_mode & 0o7777) }
        guard fsync(fd) == 0, close(fd) == 0 else { throw WriteError(reason: "cannot flush the file") }
        guard rename(temporary, path) == 0 else { throw WriteError(reason: "cannot replace the file: \(String(cString: strerror(errno)))") }
        ok = true
    }
}
