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

    static func runQuietly(_ executable: String, _ arguments: [String], okCodes: Set<Int32>) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard okCodes.contains(process.terminationStatus) else {
            throw Failure(description: "\(executable) exited with \(process.terminationStatus)")
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
