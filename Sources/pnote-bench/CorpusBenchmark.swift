import Foundation

/// `pnote-bench corpus`: the CLI as CI runs it, against `wc -l`, on the same files in the
/// same run. Corpora of 1×, 10× and 100× the base size show whether cost grows linearly.
enum CorpusBenchmark {
    static func run(pnote: String, megabytes: [Double], repeats: Int) throws {
        guard let wc = ["/usr/bin/wc", "/bin/wc"].first(where: FileManager.default.isExecutableFile) else {
            print("wc not found; the corpus benchmark compares against it")
            return
        }
        print("corpus MB   files   wc -l MB/s   pnote check MB/s   ratio     pnote s   max RSS MB")
        for size in megabytes {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pnote-corpus-\(getpid())-\(Int(size * 10))")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let (files, bytes) = try write(corpusOf: size, into: folder)
            let mb = Double(bytes) / 1e6
            // The new files written out first, and the two timed in turns, best of each: once,
            // `wc -l` timed alone right after the corpus was written ran at half its speed
            // (the disk still taking the files), which made pnote look twice as close.
            sync()
            var pnoteTime = Double.infinity, wcTime = Double.infinity
            for _ in 0..<max(1, repeats) {
                pnoteTime = min(pnoteTime, try Timing.best(of: 1) { try runQuietly(pnote, ["check", "--format", "json", folder.path], okCodes: [0, 1]) })
                wcTime = min(wcTime, try Timing.best(of: 1) { try runQuietly(wc, ["-l"] + files, okCodes: [0]) })
            }
            let rss = maxChildRSSMegabytes()
            print(String(format: "%-11.1f %-7d %-12.0f %-18.1f 1/%-7.0f %-9.2f %.0f", mb, files.count, mb / wcTime, mb / pnoteTime,
                         pnoteTime / wcTime, pnoteTime, rss))
        }
    }

    /// Notes of about 50 kB each (300 blocks), adding up to `megabytes`: ten per
    /// municipality, as a folder of several places' policy notes would hold, so the
    /// cross-note rules compare each note with the nine others of its municipality.
    static func write(corpusOf megabytes: Double, into folder: URL) throws -> ([String], Int) {
        let size = SyntheticNotes.note(blocks: 300, municipality: "Gemeente 1").utf8.count
        let count = max(1, Int((megabytes * 1e6 / Double(size)).rounded()))
        var files: [String] = [], bytes = 0
        for i in 0..<count {
            let note = Data(SyntheticNotes.note(blocks: 300, municipality: "Gemeente \(i / 10 + 1)").utf8)
            let url = folder.appendingPathComponent("note-\(i).pnote")
            try note.write(to: url)
            files.append(url.path)
            bytes += note.count
        }
        return (files, bytes)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `executable` with its output thrown away, and returns when it has exited.
    /// Spawned and waited for directly: Foundation's `Process.waitUntilExit` polls its run
    /// loop and returned up to 50 ms late, which made `wc -l` (30 ms) look twice as slow.
    static func runQuietly(_ executable: String, _ arguments: [String], okCodes: Set<Int32>) throws {
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t? = nil  // an opaque pointer on Darwin
        #else
        var actions = posix_spawn_file_actions_t()  // a struct in glibc and musl
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // This process's environment, made portably (`environ` is not imported on macOS).
        let environment = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer { for p in argv + envp { free(p) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else { throw Failure(description: "\(executable) could not be started (errno \(spawned))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS, which Swift does not import: the low 7 bits are the signal.
        let signal = status & 0x7f, code = (status >> 8) & 0xff
        guard signal == 0, okCodes.contains(code) else {
            throw Failure(description: "\(executable) " + (signal == 0 ? "exited with \(code)" : "was killed by signal \(signal)"))
        }
    }

    /// The largest peak RSS of the child processes waited for so far (here: pnote).
    static func maxChildRSSMegabytes() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024  // kilobytes
        #else
        getrusage(RUSAGE_CHILDREN, &usage)
        return Double(usage.ru_maxrss) / 1_048_576  // bytes
        #endif
    }
}
