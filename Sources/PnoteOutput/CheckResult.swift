import PnoteModel
import PnoteRules
import PnoteSyntax

/// One checked file, as the renderers see it.
public struct CheckedFile: Sendable {
    /// As given on the command line, or relative to the current directory.
    public var displayPath: String
    /// The workspace the note was checked in, and its index there.
    public var workspace: Workspace
    public var noteIndex: Int
    /// Display paths of the workspace's notes, by note index (for related locations).
    public var displayPaths: [String]
    /// Diagnostics that were not suppressed, sorted by position.
    public var diagnostics: [Diagnostic]
    public var language: Language
    /// Findings a suppression comment silenced; SARIF lists them with their suppression.
    public var suppressed: [Diagnostic]

    public var note: Note { workspace.notes[noteIndex] }

    public init(displayPath: String, workspace: Workspace, noteIndex: Int, displayPaths: [String],
                diagnostics: [Diagnostic], language: Language, suppressed: [Diagnostic] = []) {
        self.displayPath = displayPath
        self.workspace = workspace
        self.noteIndex = noteIndex
        self.displayPaths = displayPaths
        self.diagnostics = diagnostics
        self.language = language
        self.suppressed = suppressed
    }

    /// A file checked on its own (tests, tools).
    public init(displayPath: String, note: Note, diagnostics: [Diagnostic], language: Language) {
        self.init(displayPath: displayPath, workspace: Workspace(notes: [note]), noteIndex: 0, displayPaths: [displayPath],
                  diagnostics: diagnostics, language: language)
    }
}

/// A file that could not be read (exit status 2; the others are still checked).
public struct ReadFailure: Sendable {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}

public struct CheckResult: Sendable {
    public var files: [CheckedFile]
    public var failures: [ReadFailure]
    /// The language of summary lines: `--lang`, else the notes' shared language, else `nl`.
    public var language: Language

    public init(files: [CheckedFile], failures: [ReadFailure], language: Language) {
        self.files = files
        self.failures = failures
        self.language = language
    }

    public func count(_ severity: Severity) -> Int {
        var n = 0
        for file in files {
            for d in file.diagnostics where d.severity == severity { n += 1 }
        }
        return n
    }
}
