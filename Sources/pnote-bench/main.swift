import Foundation
import PnoteModel
import PnoteRules
import PnoteSyntax

// pnote-bench: throughput of parse + model + check on synthetic notes, against the floor
// of reading the same bytes and counting lines. Build with `swift build -c release`.
//
//   swift run -c release pnote-bench [--sizes 1000,10000,100000] [--repeat 3]
//   .build/release/pnote-bench lsp                       (the server, through pipes)
//   .build/release/pnote-bench corpus [--megabytes 0.5,5,50]   (pnote check against wc -l)
//   .build/release/pnote-bench memory [--megabytes 5]           (heap per stage of a check)
//   .build/release/pnote-bench stages [--megabytes 50]          (time per stage, against wc -l)

func argument(_ name: String) -> String? {
    let args = CommandLine.arguments
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}

if CommandLine.arguments.dropFirst().first == "lsp" {
    // pnote-bench lsp: the server, through pipes. Uses the pnote next to this binary.
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("pnote").path
    if let lines = argument("--lines").flatMap(Int.init) {
        // One size only, for profiling: `pnote-bench lsp --lines 50000 [--edits 30]`.
        try ServerBenchmark.run(binary: binary, sizes: [(lines, Int(argument("--edits") ?? "30") ?? 30)], indexNotes: 0)
    } else {
        try ServerBenchmark.run(binary: binary)
    }
    exit(0)
}

if CommandLine.arguments.dropFirst().first == "write-corpus", CommandLine.arguments.count == 4,
   let megabytes = Double(CommandLine.arguments[3]) {
    // pnote-bench write-corpus DIR MB: the corpus of `corpus`, kept, for profiling.
    let folder = URL(fileURLWithPath: CommandLine.arguments[2])
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let (files, bytes) = try CorpusBenchmark.write(corpusOf: megabytes, into: folder)
    print("\(files.count) notes, \(bytes) bytes in \(folder.path)")
    exit(0)
}

if CommandLine.arguments.dropFirst().first == "memory" {
    // pnote-bench memory [--megabytes 5]: heap kept by each stage of a check, in process.
    try MemoryBenchmark.run(megabytes: Double(argument("--megabytes") ?? "5") ?? 5)
    exit(0)
}

if CommandLine.arguments.dropFirst().first == "stages" {
    // pnote-bench stages [--megabytes 50]: time per stage of a check, in process, against wc -l.
    try StageBenchmark.run(megabytes: Double(argument("--megabytes") ?? "50") ?? 50, repeats: Int(argument("--repeat") ?? "3") ?? 3)
    exit(0)
}

if CommandLine.arguments.dropFirst().first == "corpus" {
    // pnote-bench corpus: the pnote next to this binary against wc -l, on corpora on disk.
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("pnote").path
    let sizes = (argument("--megabytes") ?? "0.5,5,50").split(separator: ",").compactMap { Double($0) }
    try CorpusBenchmark.run(pnote: binary, megabytes: sizes, repeats: Int(argument("--repeat") ?? "3") ?? 3)
    exit(0)
}

let sizes = (argument("--sizes") ?? "1000,10000,100000").split(separator: ",").compactMap { Int($0) }
let repeats = Int(argument("--repeat") ?? "3") ?? 3

#if DEBUG
print("warning: this is a debug build; measure with `swift run -c release pnote-bench`")
#endif
print("size (blocks)   MB     read+count MB/s   parse MB/s   parse+model+check MB/s   blocks/s     ms")
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pnote-bench-\(getpid())")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }

for size in sizes {
    let text = SyntheticNotes.note(blocks: size)
    let url = directory.appendingPathComponent("note-\(size).pnote")
    try Data(text.utf8).write(to: url)
    let megabytes = Double(text.utf8.count) / 1e6

    // Floor: read the file and count its lines, as `wc -l` does.
    var lines = 0
    let readTime = Timing.best(of: repeats) {
        let data = try! Data(contentsOf: url)
        lines = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int in
            var count = 0
            for byte in raw.bindMemory(to: UInt8.self) where byte == 0x0A { count += 1 }
            return count
        }
    }
    var blocks = 0
    let parseTime = Timing.best(of: repeats) {
        let data = try! Data(contentsOf: url)
        blocks = Parser.parse(SourceText(bytes: [UInt8](data))).blocks.count
    }
    var diagnostics = 0
    let checkTime = Timing.best(of: repeats) {
        let data = try! Data(contentsOf: url)
        let note = NoteBuilder.build(path: "note.pnote", tree: Parser.parse(SourceText(bytes: [UInt8](data))))
        diagnostics = Checker.check(Workspace(notes: [note]))[0].diagnostics.count
    }
    precondition(lines > 0 && blocks >= size)
    print(String(format: "%-15d %-6.1f %-17.0f %-12.1f %-24.1f %-12.0f %.0f", size, megabytes, megabytes / readTime,
                 megabytes / parseTime, megabytes / checkTime, Double(blocks) / checkTime, checkTime * 1000)
          + "   (\(diagnostics) diagnostics)")
}
