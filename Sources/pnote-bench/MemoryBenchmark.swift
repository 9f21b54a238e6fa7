import Foundation
import PnoteFiles
import PnoteModel
import PnoteRules
import PnoteSyntax

/// `pnote-bench memory`: how much heap each stage of a check keeps, per byte of notes, on
/// the corpus of `corpus`, with every note's blocks kept (as the server and `pnote report`
/// keep them). `pnote check` lets a note's blocks go once the rules that read it alone have
/// run (`Note.withoutBlocks`), so its peak is lower: see `pnote-bench corpus`'s max RSS.
/// Each new page costs the kernel a fault and zeroing it, so memory is also time.
enum MemoryBenchmark {
    static func run(megabytes: Double) throws {
        #if os(Linux)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pnote-memory-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (files, bytes) = try CorpusBenchmark.write(corpusOf: megabytes, into: folder)
        let base = heapBytes()
        func report(_ stage: String) {
            let used = heapBytes() - base
            let label = stage.padding(toLength: 36, withPad: " ", startingAt: 0)
            print(label + String(format: "%7.1f MB   %5.1f bytes per byte of notes", Double(used) / 1e6, Double(used) / Double(bytes)))
        }
        print("\(files.count) notes, \(String(format: "%.1f", Double(bytes) / 1e6)) MB; resident memory kept by each stage:")
        print("FieldValue \(MemoryLayout<FieldValue>.size) B, FieldNode \(MemoryLayout<FieldNode>.size) B, BlockNode \(MemoryLayout<BlockNode>.size) B, HeadingNode \(MemoryLayout<HeadingNode>.size) B, IndicatorValue \(MemoryLayout<IndicatorValue>.size) B, BudgetValue \(MemoryLayout<BudgetValue>.size) B, ValueError \(MemoryLayout<ValueError>.size), Funding \(MemoryLayout<Funding>.size), AgeRange \(MemoryLayout<AgeRange>.size), Domain \(MemoryLayout<Domain>.size), YearSpan \(MemoryLayout<YearSpan>.size), PreventionLevel \(MemoryLayout<PreventionLevel>.size)")
        // Read as `pnote check` reads them: straight into the arrays.
        let sources = files.map { SourceText(bytes: RegularFile.contents(atPath: $0) ?? []) }
        report("source texts (bytes, line starts)")
        // Parsed and built note by note, each tree dropped once its note is built, as
        // `pnote check` does: a note keeps its block nodes in its blocks, not in the tree.
        var notes: [Note] = []
        for (file, source) in zip(files, sources) { notes.append(NoteBuilder.build(path: file, tree: Parser.parse(source), parallel: false)) }
        report("+ built notes (fields, blocks)")
        let workspace = Workspace(notes: notes, parallel: false)
        notes = []
        report("+ resolved workspace, name index")
        let reports = Checker.check(workspace)
        report("+ findings (\(reports.reduce(0) { $0 + $1.diagnostics.count }))")
        print("(pnote check keeps less: it lets the blocks go; its peak is in `pnote-bench corpus`)")
        withExtendedLifetime((sources, workspace, reports)) {}
        #else
        print("memory: reads /proc/self/statm, so Linux only")
        #endif
    }

    /// Resident bytes (`/proc/self/statm`). Every stage keeps what the one before made,
    /// so growth of the resident set is what the stage keeps, plus a little malloc slack.
    static func heapBytes() -> Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = statm.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
