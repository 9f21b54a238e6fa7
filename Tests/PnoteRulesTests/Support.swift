import Foundation
import PnoteModel
import PnoteSyntax
@testable import PnoteRules

/// Checks a note (or an example workspace, see `ExampleWorkspace`) and returns the
/// unsuppressed diagnostics of the first note.
func diagnostics(_ text: String, configuration: Configuration = Configuration()) -> [Diagnostic] {
    let notes = ExampleWorkspace.split(text).map { NoteBuilder.build(path: $0.path, tree: Parser.parse($0.text)) }
    return Checker.check(note: 0, in: Workspace(notes: notes), configuration: configuration).diagnostics.filter { !$0.suppressed }
}

/// The example with a file-wide suppression of `code` at the end of its first note.
func withFileSuppression(_ text: String, _ code: String) -> String {
    let parts = ExampleWorkspace.split(text)
    var out = parts[0].text + (parts[0].text.hasSuffix("\n") ? "" : "\n") + "\n<!-- pnote-disable-file \(code) -->\n"
    for part in parts.dropFirst() { out += "==> \(part.path) <==\n" + part.text }
    return out
}

/// The package root, found from this file's path.
let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    fatalError("no Package.swift above \(#filePath)")
}()

func exampleNotes() throws -> [(name: String, text: String)] {
    let dir = packageRoot.appendingPathComponent("Examples")
    return try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".pnote") }.sorted()
        .map { ($0, try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8)) }
}

/// A small deterministic random generator, so failures reproduce.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state >> 11 | state << 53
    }
}
