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
    static func render(_ files: [CheckedFile], _ item: @escaping @Sendable (Diagnostic, CheckedFile) -> String) -> [[String]] {
        let total = files.reduce(0) { $0 + $1.diagnostics.count }
        guard total >= parallelThreshold && ProcessInfo.processInfo.activeProcessorCount > 1 else {
            return files.map { file in file.diagnostics.map { item($0, file) } }
        }
        // Work in chunks of diagnostics within a file, so one large note is spread too.
        let size = parallelThreshold / 2
        let chunks: [(file: Int, range: Range<Int>)] = files.indices.flatMap { f in
            let count = files[f].diagnostics.count
            return stride(from: 0, to: count, by: size).map { (f, $0..<min($0 + size, count)) }
        }
        let slots = ParallelSlots<[String]>(count: chunks.count)
        DispatchQueue.concurrentPerform(iterations: chunks.count) { c in
            let file = files[chunks[c].file]
            slots.set(c, file.diagnostics[chunks[c].range].map { item($0, file) })
        }
        var out = Array(repeating: [String](), count: files.count)
        for (chunk, texts) in zip(chunks, slots.takeValues()) { out[chunk.file] += texts }
        return out
    }
}
