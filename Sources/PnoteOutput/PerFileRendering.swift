import Foundation
import PnoteModel

/// Renders each checked file on its own, on all cores when there are many, in input
/// order. Output is per file anyway (a file's lines, a file's JSON object); a folder of
/// 50 MB has some 20 MB of it, which one core would write alone after the check.
enum PerFileRendering {
    /// From this many files on, files are rendered on all cores.
    static let parallelFilesThreshold = 8

    static func render(_ files: [CheckedFile], _ body: @escaping @Sendable (CheckedFile) -> String) -> [String] {
        guard files.count >= parallelFilesThreshold && ProcessInfo.processInfo.activeProcessorCount > 1 else {
            return files.map(body)
        }
        let slots = ParallelSlots<String>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { slots.set($0, body(files[$0])) }
        return slots.values
    }
}
