import Foundation
import PnoteModel
import PnoteOutput
import PnoteRules
import PnoteSyntax

/// `pnote-bench stages`: where the time of `pnote check --format json` on a folder goes,
/// stage by stage, in process and on all cores as the CLI runs them, next to `wc -l` on the
/// same files. The last column is each stage's time in units of `wc -l`: the throughput
/// target (1/10 of `wc -l`) is a budget of 10 for all stages together.
enum StageBenchmark {
    static func run(megabytes: Double, repeats: Int) throws {
        guard let wc = ["/usr/bin/wc", "/bin/wc"].first(where: FileManager.default.isExecutableFile) else {
            print("wc not found; the stage benchmark compares against it")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pnote-stages-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (files, bytes) = try CorpusBenchmark.write(corpusOf: megabytes, into: folder)
        let mb = Double(bytes) / 1e6
        let wcTime = try Timing.best(of: repeats) { try CorpusBenchmark.runQuietly(wc, ["-l"] + files, okCodes: [0]) }

        // Each stage is timed on its own input, made once by the stage before (best of
        // `repeats`); the inputs are kept, so memory is that of a whole check.
        var texts: [[UInt8]] = []
        let read = Timing.best(of: repeats) {
            texts = files.map { [UInt8](FileManager.default.contents(atPath: $0)!) }
        }
        let sources = texts
        var trees: [SyntaxTree] = []
        let parse = Timing.best(of: repeats) {
            trees = Parallel.map(sources.count) { i in Parser.parse(SourceText(bytes: sources[i])) }
        }
        let parsed = trees
        // The notes are handed to the workspace with no other reference kept, as the CLI
        // does (resolution writes into the blocks; another reference would copy them), so
        // each repeat builds them anew.
        var build = Double.infinity, resolve = Double.infinity
        var workspace = Workspace(notes: [])
        for _ in 0..<max(1, repeats) {
            var notes: [Note] = []
            build = min(build, Timing.best(of: 1) {
                // As the CLI builds: a value cache per worker thread.
                notes = Parallel.map(parsed.count, perWorker: { FieldReadCache(capacity: FieldReadCache.defaultCapacity, oneThreadAtATime: true) }) { i, cache in
                    NoteBuilder.build(path: files[i], tree: parsed[i], cache: cache, parallel: false)
                }
            })
            workspace = Workspace(notes: [])
            resolve = min(resolve, Timing.best(of: 1) { workspace = Workspace(notes: consume notes) })
        }
        let notes = workspace.notes
        let configurations = Array(repeating: Configuration(), count: notes.count)
        var reports: [NoteReport] = []
        let check = Timing.best(of: repeats) { reports = Checker.checkInParallel(workspace, configurations: configurations) }
        let result = CheckResult(files: reports.enumerated().map { i, report in
            CheckedFile(displayPath: files[i], workspace: workspace, noteIndex: i, displayPaths: files,
                        diagnostics: report.diagnostics.filter { !$0.suppressed }, language: .nl,
                        suppressed: report.diagnostics.filter(\.suppressed))
        }, failures: [], language: .nl)
        var output = ""
        let render = Timing.best(of: repeats) { output = JSONRenderer.render(result) }
        precondition(!output.isEmpty && notes.count == files.count)

        print(String(format: "%.1f MB in %d notes; wc -l %.3f s (%.0f MB/s); stages on %d cores:",
                     mb, files.count, wcTime, mb / wcTime, ProcessInfo.processInfo.activeProcessorCount))
        print("stage                          s        MB/s      × wc -l")
        let stages = [("read the files (one thread)", read), ("parse", parse), ("build the notes", build),
                      ("resolve, name index", resolve), ("rules", check), ("render JSON", render)]
        for (name, time) in stages {
            print(name.padding(toLength: 30, withPad: " ", startingAt: 0) + String(format: "%-8.3f %-9.1f %.1f", time, mb / time, time / wcTime))
        }
        let total = stages.reduce(0) { $0 + $1.1 }
        print("all".padding(toLength: 30, withPad: " ", startingAt: 0) + String(format: "%-8.3f %-9.1f %.1f   (target: 10)", total, mb / total, total / wcTime))
        printRuleTimes(workspace, wcTime: wcTime)
    }

    /// The rules stage rule by rule, on one thread, the costliest first: where a leaner
    /// model would pay off. One thread, so the units are those of CPU time, about twice
    /// the stage's share on two cores.
    static func printRuleTimes(_ workspace: Workspace, wcTime: Double) {
        let rules = RuleRegistry.all
        var times = [Double](repeating: 0, count: rules.count)
        for note in workspace.notes.indices {
            let context = RuleContext(workspace: workspace, noteIndex: note)
            for (r, rule) in rules.enumerated() {
                let start = DispatchTime.now().uptimeNanoseconds
                let found = rule.check(context)
                times[r] += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                precondition(found.count >= 0)
            }
        }
        let sum = times.reduce(0, +)
        print(String(format: "rules one by one, one thread: %.3f s, %.1f × wc -l; the costliest:", sum, sum / wcTime))
        for r in times.indices.sorted(by: { times[$0] > times[$1] }).prefix(12) {
            print("  " + rules[r].meta.code + " " + rules[r].meta.slug.padding(toLength: 40, withPad: " ", startingAt: 0)
                  + String(format: "%-8.3f %.1f", times[r], times[r] / wcTime))
        }
    }
}
