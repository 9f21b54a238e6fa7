import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How a batch run (`pnote check`, `pnote report`) takes memory from glibc's allocator.
///
/// A large check touches every page it allocates once (380 MB for 50 MB of notes), and by
/// default glibc hands memory out in small steps: a thread's heap grows by one `mprotect`
/// per step, allocations over 128 kB are mapped and unmapped one by one, and freed memory
/// goes back to the kernel, to be faulted in and zeroed again. The process exits when the
/// run is done, so it asks for memory in steps of 64 MB and keeps what it frees: on the
/// 50 MB benchmark a sixth less system time and 6–9% less wall time, the same peak memory.
/// The language server does not call this: it runs for hours and must give memory back.
/// Elsewhere (macOS, musl) nothing changes.
enum BatchMemory {
    static func growInLargeSteps() {
        #if canImport(Glibc)
        // `mallopt` is in <malloc.h>, which the Glibc module does not export; it is looked
        // up by name instead. Its parameters are glibc's ABI (malloc.h), fixed since 1996.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let trimThreshold: Int32 = -1, topPad: Int32 = -2, mmapThreshold: Int32 = -3
        _ = mallopt(topPad, 64 << 20)
        _ = mallopt(mmapThreshold, 32 << 20)
        _ = mallopt(trimThreshold, Int32.max)
        #endif
    }

    /// From this many bytes of notes on, a batch run restarts itself (see
    /// `restartWithLargerThreadCaches`): below it the restart (the walk, the exec and the
    /// runtime's start, 5 to 9 ms here) costs about what it saves.
    static let restartThreshold = 8 << 20

    /// How many freed blocks of each size a thread keeps for itself (glibc's default: 7).
    static let threadCacheTunable = "glibc.malloc.tcache_count=1000"

    /// Restarts the process (the same program, as `/proc/self/exe` names it, with the same
    /// arguments and environment) with `GLIBC_TUNABLES` asking for a larger per-thread
    /// cache of freed memory, when it is about to check `restartThreshold` bytes of notes
    /// or more. A check builds each note's blocks and lets them go again once its rules
    /// have run; with glibc's 7 blocks per size, most of them went back to the shared bins
    /// and were sorted and merged there before the next note took them again. With 1,000,
    /// the next note takes them straight back: on the 50 MB benchmark a tenth less
    /// processor time and 8 to 17% less wall time. glibc reads the setting only when a
    /// program starts, and offers no `mallopt` for it.
    ///
    /// Called first, before anything is read or written (standard input included), so the
    /// restarted process does all the work; a failed restart (no `/proc`) carries on as
    /// it is. Never twice, and never against the caller: a `GLIBC_TUNABLES` that sets
    /// `tcache_count` already (ours after the restart, or the caller's) is left as it is.
    /// Elsewhere than glibc nothing happens.
    ///
    /// `isLarge` is asked only when a restart is possible: not in the restarted process.
    static func restartWithLargerThreadCaches(if isLarge: () -> Bool) {
        #if canImport(Glibc)
        let current = getenv("GLIBC_TUNABLES").map { String(cString: $0) }
        guard let tunables = tunablesForRestart(current: current), isLarge() else { return }
        // The program's path as `/proc/self/exe` names it, not that link itself: under a tool
        // that runs programs for them (valgrind), the link is the tool's own binary.
        var path = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard readlink("/proc/self/exe", &path, Int(PATH_MAX)) > 0 else { return }
        setenv("GLIBC_TUNABLES", tunables, 1)
        execv(path, CommandLine.unsafeArgv)
        if let current { setenv("GLIBC_TUNABLES", current, 1) } else { unsetenv("GLIBC_TUNABLES") }
        #endif
    }

    /// Whether the notes at `paths` (files, and `*.pnote` files in folders, searched
    /// recursively) add up to `threshold` bytes: a walk that stops as soon as they do,
    /// before the note finder's (which then runs once, in the restarted process). An
    /// estimate, as a restart is a matter of speed only: ignore rules are not read, and
    /// hidden folders and links to folders are not entered.
    static func notesReach(_ threshold: Int, at paths: [String], currentDirectory: String) -> Bool {
        var total = 0
        func size(_ path: String) -> (isFolder: Bool, bytes: Int)? {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            return ((info.st_mode & S_IFMT) == S_IFDIR, (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : 0)
        }
        func walk(_ folder: String) {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
            for name in names where total < threshold && !name.hasPrefix(".") {
                let path = folder + "/" + name
                var link = stat()
                guard lstat(path, &link) == 0 else { continue }
                if (link.st_mode & S_IFMT) == S_IFDIR {
                    walk(path)
                } else if name.lowercased().hasSuffix(".pnote"), let (isFolder, bytes) = size(path), !isFolder {
                    total += bytes
                }
            }
        }
        for given in paths where given != "-" && total < threshold {
            let path = given.hasPrefix("/") ? given : currentDirectory + "/" + given
            guard let (isFolder, bytes) = size(path) else { continue }
            if isFolder { walk(path) } else { total += bytes }
        }
        return total >= threshold
    }

    /// `restartWithLargerThreadCaches` for a batch command about to check `paths`: only the
    /// process's own (`Console.isProcess`, whose arguments these are).
    static func restartForLargeInputs(paths: [String], console: Console) {
        guard console.isProcess else { return }
        restartWithLargerThreadCaches {
            notesReach(restartThreshold, at: paths, currentDirectory: console.currentDirectory)
        }
    }

    /// The `GLIBC_TUNABLES` to restart with, given the current one; nil when it sets the
    /// per-thread cache already.
    static func tunablesForRestart(current: String?) -> String? {
        guard let current, !current.isEmpty else { return threadCacheTunable }
        if current.contains("glibc.malloc.tcache_count") { return nil }
        return current + ":" + threadCacheTunable
    }
}
