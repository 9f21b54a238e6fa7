import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Folders for tests that need files on disk. All of them live under one folder per test
/// process, removed when the process exits, so a test run leaves nothing in the
/// temporary directory (CI machines and developers' laptops run the suite many times).
public enum ScratchFolder {
    /// `<tmp>/pnote-tests-<pid>`: one per process, as the XCTest and Swift Testing runs of
    /// `swift test` are separate processes.
    public static let root: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pnote-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { ScratchFolder.removeRoot() }
        return url
    }()

    /// A new, empty folder named `<prefix>-<uuid>`.
    public static func make(_ prefix: String) throws -> URL {
        let url = root.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A new folder holding `files` (relative path → UTF-8 text). Written directly, not
    /// with `atomically: true`: Foundation on Linux leaves a `TemporaryDirectory.*` folder
    /// behind for every atomic write.
    public static func make(_ prefix: String, files: [String: String]) throws -> URL {
        let dir = try make(prefix)
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return dir
    }

    static func removeRoot() {
        try? FileManager.default.removeItem(at: root)
    }
}
