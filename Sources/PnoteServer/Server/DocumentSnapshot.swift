import PnoteModel
import PnoteRules
import PnoteSyntax

/// Everything a feature needs about one document, as of one moment. A value: features
/// run on it without touching the server's state.
public struct DocumentSnapshot: Sendable {
    public let uri: String
    public let version: Int?
    public let workspace: Workspace
    public let noteIndex: Int
    /// Per note index of `workspace`: its URI.
    public let uris: [String]
    public let encoding: PositionEncoding
    public let language: Language
    public let configuration: Configuration

    public var note: Note { workspace.notes[noteIndex] }
    public var source: SourceText { note.source }

    public func lspRange(_ range: TextRange) -> LSPRange { source.range(range, encoding) }
    public func lspRange(_ range: TextRange, inNote index: Int) -> LSPRange {
        workspace.notes[index].source.range(range, encoding)
    }
    public func offset(_ position: Position) -> Int { source.offset(of: position, encoding) }

    public func diagnostics() -> [Diagnostic] {
        Checker.check(note: noteIndex, in: workspace, configuration: configuration).diagnostics.filter { !$0.suppressed }
    }

    public var ruleContext: RuleContext {
        RuleContext(workspace: workspace, noteIndex: noteIndex, options: configuration.options)
    }
}
