import Foundation
import PnoteModel
import PnoteSyntax
@testable import PnoteRules

/// Checks one note text alone and returns the unsuppressed diagnostics.
func diagnostics(_ text: String, path: String = "note.pnote") -> [Diagnostic] {
    let note = NoteBuilder.build(path: path, tree: Parser.parse(text))
    return Checker.check(Workspace(notes: [note]))[0].diagnostics.filter { !$0.suppressed }
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
