import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One input to check.
public struct NoteInput: Sendable {
    /// What the output shows: as given, or joined under the folder given.
    public var displayPath: String
    /// Which workspace it belongs to (one per folder argument, per directory of loose
    /// files, and one for stdin), and its path inside it.
    public var workspaceKey: String
    public var workspacePath: String
    public var isStdin: Bool
}

/// A folder as the file system knows it, whatever path led there.
struct FolderIdentity: Hashable {
    var device: UInt64
    var inode: UInt64
}

/// Walks the command-line paths: files as given, folders recursively for `*.pnote` in a
/// deterministic (sorted) order, surviving symlink loops.
public struct NoteFinder {
    public var currentDirectory: String
    /// `--exclude` patterns, relative to each folder given (gitignore-style).
    public var excludes: [String] = []
    public var failures: [(path: String, reason: String)] = []

    public init(currentDirectory: String) { self.currentDirectory = currentDirectory }

    /// PATH_MAX: a longer path cannot be opened, so what lies below it is reported.
    public static let maximumPathLength = Int(PATH_MAX)

    public mutating func inputs(for paths: [String]) -> [NoteInput] {
        var out: [NoteInput] = []
        let fm = FileManager.default
        for path in paths {
            if path == "-" {
                out.append(NoteInput(displayPath: "-", workspaceKey: "<stdin>", workspacePath: "stdin.pnote", isStdin: true))
                continue
            }
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: absolute(path), isDirectory: &isDirectory) else {
                failures.append((path, "no such file or folder"))
                continue
            }
            if isDirectory.boolValue {
                var visited: Set<FolderIdentity> = []
                var patterns = IgnorePatterns()
                patterns.add(excludes.joined(separator: "\n"), base: "")
                for relative in walk(absolute(path), relative: "", patterns: patterns, visited: &visited) {
                    out.append(NoteInput(displayPath: join(path, relative), workspaceKey: "dir:" + absolute(path),
                                         workspacePath: relative, isStdin: false))
                }
            } else {
                var patterns = IgnorePatterns()
                patterns.add(excludes.joined(separator: "\n"), base: "")
                if patterns.isIgnored(path.hasPrefix("./") ? String(path.dropFirst(2)) : path, isDirectory: false) { continue }
                let url = URL(fileURLWithPath: absolute(path))
                out.append(NoteInput(displayPath: path, workspaceKey: "dir:" + url.deletingLastPathComponent().path,
                                     workspacePath: url.lastPathComponent, isStdin: false))
            }
        }
        return out
    }

    private func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : join(currentDirectory, path)
    }

    private func join(_ a: String, _ b: String) -> String {
        if a.isEmpty || a == "." { return b }
        return a.hasSuffix("/") ? a + b : a + "/" + b
    }

    /// Relative paths of the notes below `directory`, sorted per folder.
    private mutating func walk(_ directory: String, relative: String, patterns inherited: IgnorePatterns,
                               visited: inout Set<FolderIdentity>) -> [String] {
        // A folder is known by its device and inode, not by its resolved path: Foundation
        // cuts resolved paths at 1,024 bytes, which made deep folders look like loops.
        var info = stat()
        guard stat(directory, &info) == 0 else {
            let reason = errno == ENAMETOOLONG ? "path longer than this system allows (\(NoteFinder.maximumPathLength) bytes); not read"
                : "folder cannot be read"
            failures.append((relative.isEmpty ? directory : relative, reason))
            return []
        }
        guard visited.insert(FolderIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted else {
            return []  // a symlink loop
        }
        let fm = FileManager.default
        let entries: [String]
        do { entries = try fm.contentsOfDirectory(atPath: directory).sorted() } catch {
            failures.append((relative.isEmpty ? directory : relative, "folder cannot be read"))
            return []
        }
        var patterns = inherited
        if entries.contains(".pnoteignore"), let bytes = RegularFile.contents(atPath: join(directory, ".pnoteignore")) {
            patterns.add(String(decoding: bytes, as: UTF8.self), base: relative)
        }
        var out: [String] = []
        for name in entries where !name.hasPrefix(".") {
            let full = join(directory, name)
            let rel = relative.isEmpty ? name : relative + "/" + name
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: full, isDirectory: &isDirectory) else {
                // A dangling link is passed over; a path the system cannot open is said.
                if full.utf8.count >= NoteFinder.maximumPathLength {
                    failures.append((rel, "path longer than this system allows (\(NoteFinder.maximumPathLength) bytes); not read"))
                }
                continue
            }
            if patterns.isIgnored(rel, isDirectory: isDirectory.boolValue) { continue }
            if isDirectory.boolValue {
                out += walk(full, relative: rel, patterns: patterns, visited: &visited)
            } else if name.hasSuffix(".pnote") {
                out.append(rel)
            }
        }
        return out
    }
}
