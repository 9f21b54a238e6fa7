import Foundation
import PnoteModel
import PnoteOutput
import PnoteRules
import PnoteSyntax

// libFuzzer target: any bytes through parser, model and every rule, alone and as two
// notes of one workspace (split at the first NUL byte), checked in the workspace and
// also with the rules that read a note alone run first and the blocks let go, as
// `pnote check` does (all must agree), with the safe fixes applied and
// shown as a diff, and the findings rendered in every output format and read back
// (`OutputOracles`).
// Build with the fuzzer flags and -DPNOTE_FUZZING (see .ci/run); without them this is a
// reproducer: `pnote-fuzz-note FILE…` runs each file once.

func fuzzNote(_ bytes: [UInt8]) {
    let parts = bytes.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false).map(Array.init)
    // Built for their places, and checked alone where they may be, as `pnote check` does.
    let notes = parts.enumerated().map { i, part in
        NoteBuilder.build(path: i == 0 ? "a.pnote" : "sub/b.pnote", tree: Parser.parse(SourceText(bytes: part)), workspaceIndex: i)
    }
    let early = notes.enumerated().map { i, note in Checker.checkAlone(note, at: i, options: Configuration().options) }
    let workspace = Workspace(notes: notes)
    let paths = workspace.notes.map(\.path)
    var files: [CheckedFile] = []
    let reports = Checker.check(workspace)
    let summary = { (r: NoteReport) in r.diagnostics.map { "\($0.code) \($0.range.start)-\($0.range.end) \($0.severity) \($0.suppressed) \($0.message.en)" } }
    let reportsWithEarly = Checker.checkInParallel(workspace, configurations: notes.map { _ in Configuration() }, early: early)
    precondition(reports.map(summary) == reportsWithEarly.map(summary), "what the notes checked alone found differs from their check in the workspace")
    // And with the notes' blocks let go, as `pnote check` does when no note may name another.
    if !parts.contains(where: ReferenceText.mayNameAnotherNote) && !early.contains(where: { $0 == nil }) {
        let released = Workspace(notes: notes.map { $0.withoutBlocks() })
        let reportsReleased = Checker.checkInParallel(released, configurations: notes.map { _ in Configuration() }, early: early)
        precondition(reports.map(summary) == reportsReleased.map(summary), "the notes without their blocks are reported otherwise")
    }
    for (i, report) in reports.enumerated() {
        let source = workspace.notes[i].source
        for d in report.diagnostics {
            precondition(d.range.start >= 0 && d.range.start <= d.range.end && d.range.end <= source.bytes.count, "\(d.code): range \(d.range.start)..<\(d.range.end) out of the note's \(source.bytes.count) bytes")
        }
        let (edits, _) = FixApplication.safeFixEdits(for: source, report.diagnostics)
        let fixed = FixApplication.apply(edits, to: source.bytes)
        _ = Parser.parse(SourceText(bytes: fixed))
        _ = UnifiedDiff.render(old: source.bytes, edits: edits, path: paths[i])
        // As `pnote check` hands them to the renderers; the second note in English.
        files.append(CheckedFile(displayPath: paths[i], workspace: workspace, noteIndex: i, displayPaths: paths,
                                 diagnostics: report.diagnostics.filter { !$0.suppressed }, language: i == 0 ? .nl : .en,
                                 suppressed: report.diagnostics.filter(\.suppressed)))
    }
    if OutputOracles.wanted(for: bytes) { OutputOracles.check(CheckResult(files: files, failures: [], language: .nl)) }
}

#if PNOTE_FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    fuzzNote(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
#else
@main
struct Reproducer {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { print("cannot read \(path)"); continue }
            fuzzNote([UInt8](data))
            print("ok \(path)")
        }
    }
}
#endif
