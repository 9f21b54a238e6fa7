import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
private let systemRead = Glibc.read
#elseif canImport(Darwin)
private let systemRead = Darwin.read
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

    /// One open (never blocking: a pipe is refused, not waited on), one `fstat` of what was
    /// opened, then reads straight into the array: through `Data`, every byte was copied
    /// once more and a 50 MB folder paged in 50 MB it then threw away.
    public static func read(_ path: String, maximumSize: Int = .max) -> Read {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return classifyUnopened(path, maximumSize: maximumSize) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .unreadable }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .notRegular }
        let size = Int(info.st_size)
        guard size <= maximumSize else { return .tooLarge(size) }
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let n = systemRead(fd, buffer.baseAddress! + count, size - count)
                if n == 0 { break }                       // shorter than it was: what is there
                if n < 0 { if errno == EINTR { continue }; failed = true; return }
                count += n
            }
        }
        // A file that grew since the look is read to its end, within the maximum. The
        // buffer is on the stack: one on the heap per file was 64 KB zeroed per note.
        let grown: Read? = failed ? nil : withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { chunk in
            while true {
                let n = systemRead(fd, chunk.baseAddress!, chunk.count)
                if n == 0 { return nil }
                if n < 0 { if errno == EINTR { continue }; return .unreadable }
                bytes += UnsafeBufferPointer(rebasing: chunk[..<n])
                if bytes.count > maximumSize { return .tooLarge(bytes.count) }
            }
        }
        return failed ? .unreadable : grown ?? .bytes(bytes)
    }

    /// Why a path that could not be opened is not read, looked up as before the open.
    private static func classifyUnopened(_ path: String, maximumSize: Int) -> Read {
        var info = stat()
        guard stat(path, &info) == 0 else { return .unreadable }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .notRegular }
        return Int(info.st_size) > maximumSize ? .tooLarge(Int(info.st_size)) : .unreadable
    }

    /// The bytes of the regular file at `path`; nil when it is not one, is larger than
    /// `maximumSize` or cannot be read.
    public static func contents(atPath path: String, maximumSize: Int = .max) -> [UInt8]? {
        if case .bytes(let bytes) = read(path, maximumSize: maximumSize) { return bytes }
        return nil
    }
}
