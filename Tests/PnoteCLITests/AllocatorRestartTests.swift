import Foundation
import PnoteTestSupport
import Testing
@testable import PnoteCLI

/// A large `pnote check` restarts itself once with glibc's per-thread cache of freed memory
/// enlarged (`BatchMemory.restartWithLargerThreadCaches`). The restarted process must do
/// exactly what the first would have done; a small check, and a caller who set the cache
/// already, are left alone.
@Suite struct AllocatorRestartTests {
    @Test func theTunableIsAddedOnceAndNeverOverridesTheCaller() {
        #expect(BatchMemory.tunablesForRestart(current: nil) == "glibc.malloc.tcache_count=1000")
        #expect(BatchMemory.tunablesForRestart(current: "") == "glibc.malloc.tcache_count=1000")
        #expect(BatchMemory.tunablesForRestart(current: "glibc.malloc.mxfast=0") == "glibc.malloc.mxfast=0:glibc.malloc.tcache_count=1000")
        // Ours after the restart, or the caller's own choice: no restart (and no loop).
        #expect(BatchMemory.tunablesForRestart(current: "glibc.malloc.tcache_count=1000") == nil)
        #expect(BatchMemory.tunablesForRestart(current: "glibc.malloc.mxfast=0:glibc.malloc.tcache_count=7") == nil)
    }

    /// The quick walk adds up files given and `*.pnote` files in folders below, skips
    /// hidden folders and other files, and answers as the sizes say.
    @Test func theQuickWalkAddsUpTheNotes() throws {
        let folder = try ScratchFolder.make("reach", files: ["a.pnote": String(repeating: "x", count: 600),
                                                           "sub/b.PNOTE": String(repeating: "x", count: 300),
                                                           "sub/c.txt": String(repeating: "x", count: 5_000),
                                                           ".hidden/d.pnote": String(repeating: "x", count: 5_000),
                                                           "e.md": String(repeating: "x", count: 100)])
        #expect(BatchMemory.notesReach(900, at: ["."], currentDirectory: folder.path))
        #expect(!BatchMemory.notesReach(901, at: ["."], currentDirectory: folder.path))
        #expect(BatchMemory.notesReach(1_000, at: [folder.path, "e.md", "-"], currentDirectory: folder.path))
        #expect(!BatchMemory.notesReach(1, at: ["missing", "-"], currentDirectory: folder.path))
    }

    /// More than `restartThreshold` bytes of notes: 220 notes of 300 measures, five of each
    /// note's measures named as in every other note (PN210 across notes), one note on
    /// standard input. The dynamic loader tells how often the program started
    /// (`LD_DEBUG=libs` prints "initialize program" per start).
    @Test func aLargeCheckRestartsOnceAndReportsTheSame() throws {
        #if canImport(Glibc)
        var files: [String: String] = [:]
        var total = 0
        for i in 0..<220 {
            var text = "---\ngemeente: Teststad\n---\n"
            for k in 0..<300 {
                let title = k < 5 ? "Gedeelde maatregel \(k)" : "Maatregel \(i)-\(k)"
                text += "## Maatregel: \(title) {#m\(k)}\n- niveau: selectief\n- budget: € 1.000 per jaar\n\n"
                text += "Een alinea die uitlegt wat de maatregel doet en voor wie hij bedoeld is.\n\n"
            }
            total += text.utf8.count
            files["note-\(i).pnote"] = text
        }
        let folder = try ScratchFolder.make("restart", files: files)
        #expect(total > BatchMemory.restartThreshold)
        let stdin = "## Maatregel: Gedeelde maatregel 1\n- budget: € 5 per jaar\n"
        func check(_ environment: [String: String]) throws -> (starts: Int, status: Int32, out: String) {
            let run = try Binary.run(["check", "--format", "json", "--stdin-filename", "invoer.pnote", "-", "."], stdin: stdin,
                                     in: folder, environment: environment.merging(["LD_DEBUG": "libs"]) { $1 })
            return (run.stderr.components(separatedBy: "initialize program").count - 1, run.status, run.stdout)
        }
        let restarted = try check([:])
        let alone = try check(["GLIBC_TUNABLES": "glibc.malloc.tcache_count=7"])
        guard alone.starts == 1 else {
            Issue.record("the dynamic loader does not say when a program starts (LD_DEBUG=libs): \(alone.starts) starts")
            return
        }
        #expect(restarted.starts == 2)
        #expect(restarted.status == alone.status && restarted.out == alone.out)
        #expect(restarted.out.contains("\"path\":\"invoer.pnote\"") && restarted.out.contains("PN210"))
        // A small check starts once.
        let small = try Binary.run(["check", "Examples"], environment: ["LD_DEBUG": "libs"])
        #expect(small.stderr.components(separatedBy: "initialize program").count - 1 == 1)
        #endif
    }
}

/// `CheckRun.directory(of:)` reads a file's folder without `NSString`: it must say what
/// `NSString.deletingLastPathComponent` says.
@Suite struct FolderOfAPathTests {
    @Test func saysWhatNSStringSays() {
        for path in ["/a/b/c.pnote", "/c.pnote", "/", "/a//b.pnote", "//b.pnote", "/a///b.pnote", "/a/b/", "a/b.pnote", "b.pnote", "", "/é/ü.pnote", "/a/./b.pnote"] {
            #expect(CheckRun.directory(of: path) == (path as NSString).deletingLastPathComponent, "\(path)")
        }
    }
}
