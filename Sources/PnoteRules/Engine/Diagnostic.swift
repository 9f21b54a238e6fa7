import PnoteModel
import PnoteSyntax

public struct Diagnostic: Sendable {
    public var code: String
    public var slug: String
    public var severity: Severity
    public var range: TextRange
    public var message: Localized
    public var help: Localized?
    public var fix: Fix?
    public var related: [RelatedLocation]
    /// Set when a suppression comment silenced the finding (kept for SARIF).
    public var suppressed: Bool = false
}

/// The diagnostics of one note, sorted by position.
public struct NoteReport: Sendable {
    public var noteIndex: Int
    public var diagnostics: [Diagnostic]
}
