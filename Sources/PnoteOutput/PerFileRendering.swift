import Foundation
import PnoteModel
import PnoteRules

/// Renders every diagnostic of every file, on all cores when there are many, and hands back
/// each file's texts in input order. Output is per diagnostic anyway (a block of lines, a
/// JSON object); a 50 MB folder or note has some 20 to 100 MB of it, which one core would
/// write alone after the check.
enum PerFileRendering {
    /// From this many diagnostics on, rendering runs on all cores, in chunks of this size.
    static let parallelThreshold = 2_000

    /// Per file, `item` of each of its diagnostics, in order.
    static func render<Item: Sendable>(_ files: [CheckedFile], _ item: @escaping @Sendable (Diagnostic, CheckedFile) -> Item) -> [[Item]] {
        let total = files.reduce(0) { $0 + $1.diagnostics.count }
        guard total >= parallelThreshold && Parallel.hasCores else {
            return files.map { file in file.diagnostics.map { item($0, file) } }
        }
        // Work in chunks of diagnostics within a file, so one large note is spread too.
        let chunks: [(file: Int, range: Range<Int>)] = files.indices.flatMap { f in
            Parallel.chunks(of: files[f].diagnostics.count, size: parallelThreshold / 2).map { (f, $0) }
        }
        let texts = Parallel.map(chunks.count) { c in
            let file = files[chunks[c].file]
            return file.diagnostics[chunks[c].range].map { item($0, file) }
        }
        var out = Array(repeating: [Item](), count: files.count)
        for (chunk, texts) in zip(chunks, texts) { out[chunk.file] += texts }
        return out
    }
}
