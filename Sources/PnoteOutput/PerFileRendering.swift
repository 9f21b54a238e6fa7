import Foundation
import PnoteModel
import PnoteRules

/// Renders every diagnostic of every file, on all cores when there are many, and hands each
/// file's texts over in input order. Output is per diagnostic anyway (a block of lines, a
/// JSON object); a 50 MB folder or note has some 20 to 100 MB of it, which one core would
/// write alone after the check.
enum PerFileRendering {
    /// From this many diagnostics on, rendering runs on all cores, in chunks of this size.
    static let parallelThreshold = 2_000

    /// Files are rendered in batches of about this many diagnostics, each handed over before
    /// the next is rendered: the output of a whole folder is never held at once (for the
    /// 50 MB folder, its JSON held whole was a twentieth of the check's memory).
    static let batchSize = 32_000

    /// Hands `body` each file's index and the `item` of each of its diagnostics, in input
    /// order, rendering a batch of files at a time.
    static func forEachFile<Item: Sendable>(_ files: [CheckedFile], batchSize: Int = batchSize,
                                            _ item: @escaping @Sendable (Diagnostic, CheckedFile) -> Item,
                                            _ body: (Int, [Item]) -> Void) {
        forEachFile(files, batchSize: batchSize, chunk: { diagnostics, file in diagnostics.map { item($0, file) } }, body)
    }

    /// `forEachFile`, rendering a run of a file's diagnostics at a time into items of its
    /// own making (JSON writes a run into one buffer: no array of bytes per finding).
    static func forEachFile<Item: Sendable>(_ files: [CheckedFile], batchSize: Int = batchSize,
                                            chunk: @escaping @Sendable (ArraySlice<Diagnostic>, CheckedFile) -> [Item],
                                            _ body: (Int, [Item]) -> Void) {
        var start = 0
        while start < files.count {
            var end = start, count = 0
            while end < files.count && (end == start || count + files[end].diagnostics.count <= batchSize) {
                count += files[end].diagnostics.count
                end += 1
            }
            for (offset, items) in renderAll(Array(files[start..<end]), total: count, chunk).enumerated() { body(start + offset, items) }
            start = end
        }
    }

    private static func renderAll<Item: Sendable>(_ files: [CheckedFile], total: Int,
                                                  _ chunk: @escaping @Sendable (ArraySlice<Diagnostic>, CheckedFile) -> [Item]) -> [[Item]] {
        guard total >= parallelThreshold && Parallel.hasCores else {
            return files.map { file in file.diagnostics.isEmpty ? [] : chunk(file.diagnostics[...], file) }
        }
        // Work in chunks of diagnostics within a file, so one large note is spread too.
        let chunks: [(file: Int, range: Range<Int>)] = files.indices.flatMap { f in
            Parallel.chunks(of: files[f].diagnostics.count, size: parallelThreshold / 2).map { (f, $0) }
        }
        let texts = Parallel.map(chunks.count) { c in
            let file = files[chunks[c].file]
            return chunk(file.diagnostics[chunks[c].range], file)
        }
        var out = Array(repeating: [Item](), count: files.count)
        for (chunk, texts) in zip(chunks, texts) { out[chunk.file] += texts }
        return out
    }
}
