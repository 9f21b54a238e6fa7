import PnoteModel
import PnoteSyntax

public struct Diagnostic: Sendable {
    public var code: String
    public var slug: String
    public var severity: Severity
    /// What the rule said, in the finding's own box: a diagnostic is copied a few times on
    /// its way out (sorted, filtered, rendered), and each copy is then one retain for it.
    public let finding: Finding
    /// Set when a suppression comment silenced the finding (kept for SARIF).
    public var suppressed: Bool = false

    public var range: TextRange { finding.range }
    public var message: Localized { finding.message }
    public var help: Localized? { finding.help }
    public var fix: Fix? { finding.fix }
    public var related: [RelatedLocation] { finding.related }

    public init(code: String, slug: String, severity: Severity, finding: Finding) {
        self.code = code
        self.slug = slug
        self.severity = severity
        self.finding = finding
    }

    public init(code: String, slug: String, severity: Severity, range: TextRange, message: Localized,
                help: Localized?, fix: Fix?, related: [RelatedLocation]) {
        self.init(code: code, slug: slug, severity: severity,
                  finding: Finding(range: range, message: message, help: help, fix: fix, related: related))
    }
}

/// The diagnostics of one note, sorted by position.
public struct NoteReport: Sendable {
    public var noteIndex: Int
    public var diagnostics: [Diagnostic]
}
