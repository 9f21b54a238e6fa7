import PnoteModel
import PnoteSyntax

public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case error, warning, info, hint

    private var rank: Int { Severity.allCases.firstIndex(of: self)! }
    /// `error` < `warning`: sorts the most severe first.
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

    public var name: Localized {
        switch self {
        case .error: Localized(nl: "fout", en: "error")
        case .warning: Localized(nl: "waarschuwing", en: "warning")
        case .info: Localized(nl: "info", en: "info")
        case .hint: Localized(nl: "hint", en: "hint")
        }
    }
}

/// What a rule documents about itself. The single source for `explain`, the rule
/// reference and the tests: every rule's examples are run by one test.
public struct RuleMeta: Sendable {
    public var code: String
    public var slug: String
    public var severity: Severity
    public var title: Localized
    /// What it finds.
    public var finds: Localized
    /// Why it matters.
    public var why: Localized
    /// Notes that must trigger the rule. `⟦` and `⟧` mark each expected range.
    public var triggering: [String]
    /// Notes that must not trigger it.
    public var nonTriggering: [String]

    public init(code: String, slug: String, severity: Severity, title: Localized, finds: Localized, why: Localized,
                triggering: [String], nonTriggering: [String]) {
        self.code = code
        self.slug = slug
        self.severity = severity
        self.title = title
        self.finds = finds
        self.why = why
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }
}

/// A text change: replace `range` (byte offsets) with `newText`.
public struct TextEdit: Sendable, Hashable {
    public var range: TextRange
    public var newText: String

    public init(range: TextRange, newText: String) {
        self.range = range
        self.newText = newText
    }
}

public struct Fix: Sendable {
    public var title: Localized
    public var edits: [TextEdit]
    /// Safe fixes are applied by `pnote check --fix`; others are offered in the editor only.
    public var isSafe: Bool

    public init(title: Localized, edits: [TextEdit], isSafe: Bool) {
        self.title = title
        self.edits = edits
        self.isSafe = isSafe
    }
}

/// Another place that explains a finding (LSP related information, SARIF related locations).
public struct RelatedLocation: Sendable {
    public var note: Int
    public var range: TextRange
    public var message: Localized

    public init(note: Int, range: TextRange, message: Localized) {
        self.note = note
        self.range = range
        self.message = message
    }
}

/// What a rule reports; the engine turns it into a `Diagnostic`.
///
/// What it says is in a box of its own, fixed once made: rules hand back `Finding?` for
/// every block they look at, and dropping a nil of the unboxed 17-word value went through
/// the type's metadata (2% of a check); a boxed one is one release.
public struct Finding: Sendable {
    private final class Content: Sendable {
        let range: TextRange
        let message: Localized
        let help: Localized?
        let fix: Fix?
        let related: [RelatedLocation]

        init(range: TextRange, message: Localized, help: Localized?, fix: Fix?, related: [RelatedLocation]) {
            self.range = range
            self.message = message
            self.help = help
            self.fix = fix
            self.related = related
        }
    }

    private let content: Content

    public var range: TextRange { content.range }
    public var message: Localized { content.message }
    public var help: Localized? { content.help }
    public var fix: Fix? { content.fix }
    public var related: [RelatedLocation] { content.related }

    public init(range: TextRange, message: Localized, help: Localized? = nil, fix: Fix? = nil,
                related: [RelatedLocation] = []) {
        content = Content(range: range, message: message, help: help, fix: fix, related: related)
    }
}

/// What a rule sees: one note, the workspace it is part of, and the options.
///
/// A note that names no other note may be checked alone, as soon as it is built and
/// before its workspace is made (`Checker.checkAlone`), by the rules of `.note` scope:
/// such a context has no workspace, and asking it for one is a programming error.
public struct RuleContext: Sendable {
    private let madeWorkspace: Workspace?
    public let noteIndex: Int
    public let options: RuleOptions
    /// Facts several rules derive from the same note, computed once per check.
    let memo = RuleContextMemo()

    /// The note being checked (stored: rules read it constantly, and a computed copy
    /// costs a retain per stored reference each time).
    public let note: Note

    public init(workspace: Workspace, noteIndex: Int, options: RuleOptions = .standard) {
        madeWorkspace = workspace
        self.noteIndex = noteIndex
        self.options = options
        self.note = workspace.notes[noteIndex]
    }

    /// A note checked alone, standing at `noteIndex` of a workspace not made yet.
    init(alone note: Note, at noteIndex: Int, options: RuleOptions) {
        madeWorkspace = nil
        self.noteIndex = noteIndex
        self.options = options
        self.note = note
    }

    /// Whether the note is checked alone, before its workspace is made.
    var isAlone: Bool { madeWorkspace == nil }

    /// The workspace: for rules of `.workspace` scope only (see `RuleScope`).
    public var workspace: Workspace {
        guard let madeWorkspace else {
            preconditionFailure("a rule of scope .note asked for the workspace; declare it `static let scope = RuleScope.workspace`")
        }
        return madeWorkspace
    }

    /// The block at `address`: read from the note itself when it is there, so that rules
    /// of `.note` scope can follow the note's own references without a workspace.
    public func block(_ address: BlockAddress) -> Block {
        address.note == noteIndex ? note.blocks[address.block] : workspace.block(address)
    }

    public var tree: SyntaxTree { note.tree }
    public func text(_ range: TextRange) -> String { note.tree.text(range) }
}

/// What a rule reads besides the note it checks.
public enum RuleScope: Sendable {
    /// The note alone, and the blocks its own references name (`RuleContext.block`).
    case note
    /// The note and the notes that name other notes by path (`RuleContext.notesReferringHere`),
    /// which may point into it. Checked alone, the rule reads the note alone; the checker
    /// keeps that result only for a workspace where no note names another.
    case notesReferringHere
    /// Any note: the name index, another note's blocks or paths.
    case workspace
}

/// A rule: metadata plus a pure function from the model to findings.
public protocol Rule: Sendable {
    static var meta: RuleMeta { get }
    /// `.note` unless the rule says otherwise: see `RuleScope`.
    static var scope: RuleScope { get }
    static func check(_ context: RuleContext) -> [Finding]
}

extension Rule {
    public static var scope: RuleScope { .note }
}
