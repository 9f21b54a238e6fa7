import Foundation
import PnoteModel
import PnoteSyntax

/// Runs every rule over every note of a workspace, applies suppression comments
/// (section 8) and the severity adjustments of section 9.
public enum Checker {
    public static func check(_ workspace: Workspace, configuration: Configuration = Configuration(),
                             rules: [any Rule.Type] = RuleRegistry.all) -> [NoteReport] {
        workspace.notes.indices.map { check(note: $0, in: workspace, configuration: configuration, rules: rules) }
    }

    /// Every note of the workspace, on all cores. The result is in note order, the same as
    /// a sequential run: each note's check is pure and independent of the others.
    /// `early`: per note, what `checkAlone` found for it before the workspace was made, if
    /// anything (empty: nothing for any note).
    public static func checkInParallel(_ workspace: Workspace, configurations: [Configuration],
                                       early: [EarlyFindings?] = []) -> [NoteReport] {
        let count = workspace.notes.count
        let early = early.isEmpty ? Array(repeating: nil, count: count) : early
        guard count > 1 else { return (0..<count).map { check(note: $0, in: workspace, configuration: configurations[$0], early: early[$0]) } }
        // The notes already keep every core busy: no second level of parallel rules.
        return Parallel.map(count) { check(note: $0, in: workspace, configuration: configurations[$0], parallelRules: false, early: early[$0]) }
    }

    /// What the rules not of `.workspace` scope find in a note that names no other note,
    /// checked as soon as it is built for the place `index` where it will stand in its
    /// workspace, while it is still in the cache: met again later, cold, they took a third
    /// longer. Nil for a note not resolved for that place (`Note.isResolvedAlone(at:)`),
    /// which its workspace must resolve first.
    public static func checkAlone(_ note: Note, at index: Int, options: RuleOptions) -> EarlyFindings? {
        guard note.isResolvedAlone(at: index) else { return nil }
        let context = RuleContext(alone: note, at: index, options: options)
        let active = activeRules(of: RuleRegistry.all)
        let found = active.map { $0.scope != .workspace ? $0.check(context) : [] }
        return EarlyFindings(byRule: found, scopes: SuppressionScope.scopes(in: note))
    }

    /// The rules that run on their own: all but PN010, which the checker runs last.
    static func activeRules(of rules: [any Rule.Type]) -> [any Rule.Type] {
        rules.filter { $0 != UnusedSuppression.self }
    }

    /// `parallelRules`: nil lets the note's size decide (see `parallelRulesThreshold`).
    /// `early`: what `checkAlone` found in the note, with the registry's rules.
    public static func check(note index: Int, in workspace: Workspace, configuration: Configuration = Configuration(),
                             rules: [any Rule.Type] = RuleRegistry.all, parallelRules: Bool? = nil,
                             early: EarlyFindings? = nil) -> NoteReport {
        let context = RuleContext(workspace: workspace, noteIndex: index, options: configuration.options)
        let note = context.note
        let active = activeRules(of: rules)
        var found: [[Finding]]
        if let early {
            precondition(early.byRule.count == active.count && zip(active, activeRules(of: RuleRegistry.all)).allSatisfy { $0 == $1 },
                         "early findings are made with the registry's rules")
            found = early.byRule
            // Found alone, a rule that reads the notes naming others read the note only: right
            // when no note names another. (A note whose blocks are gone is checked only then.)
            let aloneIsWhole = workspace.notesNamingOthers.isEmpty
            precondition(aloneIsWhole || !note.blocksReleased, "a note without blocks is checked again")
            for k in active.indices where active[k].scope == .workspace || (active[k].scope == .notesReferringHere && !aloneIsWhole) {
                found[k] = active[k].check(context)
            }
        } else {
            found = findings(of: active, in: context, parallel: parallelRules)
        }
        // Made at its size: grown by appending, a large folder's lists held a third more.
        var diagnostics: [Diagnostic] = []
        diagnostics.reserveCapacity(found.reduce(0) { $0 + $1.count })
        // A rule's metadata is read only when it found something: it is a copy of all its
        // texts and examples, and most rules find nothing in most notes.
        for (rule, findings) in zip(active, found) where !findings.isEmpty {
            let meta = rule.meta
            for finding in findings {
                diagnostics.append(Diagnostic(code: meta.code, slug: meta.slug, severity: meta.severity, finding: finding))
            }
        }
        var scopes = early?.scopes ?? SuppressionScope.scopes(in: note)
        SuppressionMatching.apply(&scopes, to: &diagnostics)
        if rules.contains(where: { $0 == UnusedSuppression.self }) {
            diagnostics += unusedSuppressionReports(&scopes, note: note)
        }
        var off = false
        // Most configurations change no severity: then no code is hashed per diagnostic.
        let configures = !configuration.severities.isEmpty
        for i in diagnostics.indices {
            if configures, let configured = configuration.severities[diagnostics[i].code] {
                // The configuration wins over status and the note's own criteria; nil is `off`.
                if let severity = configured { diagnostics[i].severity = severity } else { off = true }
            } else {
                diagnostics[i].severity = adjustedSeverity(diagnostics[i], settings: note.settings)
            }
        }
        if off { diagnostics.removeAll { configuration.severities[$0.code] == .some(nil) } }
        return NoteReport(noteIndex: index, diagnostics: inReportOrder(diagnostics))
    }

    /// `diagnostics` sorted by `inReportOrder`, ties kept in the order found. Often they
    /// are in order already (one rule finds most); else their positions are sorted and
    /// each diagnostic copied once (sorting in place moves a five-string value many times).
    static func inReportOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let inOrder = diagnostics.indices.dropFirst().allSatisfy { !inReportOrder(diagnostics[$0], diagnostics[$0 - 1]) }
        if inOrder { return diagnostics }
        let order = diagnostics.indices.sorted { a, b in
            inReportOrder(diagnostics[a], diagnostics[b]) || (!inReportOrder(diagnostics[b], diagnostics[a]) && a < b)
        }
        return order.map { diagnostics[$0] }
    }

    /// Position, code, end, then message: a rule may find in dictionary order, which changes
    /// between runs, and two findings of one rule at one range must still come out the same
    /// way each time.
    static func inReportOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        // Field by field rather than as a tuple: a tuple copies the strings at every comparison.
        if a.range.start != b.range.start { return a.range.start < b.range.start }
        if a.code != b.code { return a.code < b.code }
        if a.range.end != b.range.end { return a.range.end < b.range.end }
        return a.message.en < b.message.en
    }

    /// A note this large has its rules run on all cores: one large note in the editor is
    /// then checked in about half the time on two cores. Smaller notes are not worth the
    /// hand-over.
    static let parallelRulesThreshold = 250

    /// Each rule's findings, in the order of `rules` (the same result either way: rules
    /// are pure, and their shared memo is locked).
    static func findings(of rules: [any Rule.Type], in context: RuleContext, parallel: Bool? = nil) -> [[Finding]] {
        let parallel = parallel ?? (context.note.blocks.count >= parallelRulesThreshold && Parallel.hasCores)
        return Parallel.map(rules.count, parallel: parallel) { rules[$0].check(context) }
    }

    /// PN010 reports may themselves be suppressed (`pnote-disable-file PN010`); a scope
    /// that only suppresses such a report counts as used, so its own report is dropped.
    static func unusedSuppressionReports(_ scopes: inout [SuppressionScope], note: Note) -> [Diagnostic] {
        let meta = UnusedSuppression.meta
        var reports = UnusedSuppression.findings(for: scopes, in: note).map { finding in
            Diagnostic(code: meta.code, slug: meta.slug, severity: meta.severity, finding: finding)
        }
        SuppressionMatching.apply(&scopes, to: &reports)
        // Comments are distinct, so a range names at most one scope.
        let scopeAt = Dictionary(scopes.indices.map { (scopes[$0].comment.range, $0) }, uniquingKeysWith: { a, _ in a })
        return reports.filter { report in
            guard let s = scopeAt[report.range] else { return true }
            return !scopes[s].unknownNames.isEmpty || !scopes[s].used
        }
    }

    /// The three checks a note's own criteria (`vereist`) make errors. Compared, not
    /// hashed: codes are short, and a table lookup hashed every diagnostic's code.
    static func hardenedBy(_ code: String) -> Requirement? {
        switch code {
        case "PN401": .evidence
        case "PN313": .reach
        case "PN305": .source
        default: nil
        }
    }

    /// Section 9: drafts soften domain errors; the note's own criteria harden three checks.
    static func adjustedSeverity(_ d: Diagnostic, settings: NoteSettings) -> Severity {
        var severity = d.severity
        if !settings.requires.isEmpty, let r = hardenedBy(d.code), settings.requires.contains(r) { severity = .error }
        if settings.status == .draft, severity == .error, !d.code.hasPrefix("PN0") { severity = .warning }
        return severity
    }
}

/// What the rules found in one note checked alone (`Checker.checkAlone`), per rule of the
/// registry (PN010 left out); the lists of `.workspace` rules are empty.
public struct EarlyFindings: Sendable {
    let byRule: [[Finding]]
    /// The note's suppression comments, with what each applies to (read from its blocks).
    let scopes: [SuppressionScope]
}

/// Where one suppression comment applies (section 8).
public struct SuppressionScope: Sendable {
    public var comment: CommentNode
    /// Nil for the whole file.
    public var range: TextRange?
    /// Rule codes; empty means all.
    public var codes: Set<String>
    /// Names in the comment that are no rule.
    public var unknownNames: [String]
    public var used = false

    static func scopes(in note: Note) -> [SuppressionScope] {
        let tree = note.tree
        guard tree.comments.contains(where: { $0.suppression != nil }) else { return [] }
        // Looked up once for all comments: searched per comment, thousands of comments
        // made this quadratic.
        var nextStructural = [Int?](repeating: nil, count: tree.lineKinds.count + 1)
        for l in stride(from: tree.lineKinds.count - 1, through: 0, by: -1) {
            nextStructural[l] = tree.lineKinds[l] != .blank && tree.lineKinds[l] != .comment ? l : nextStructural[l + 1]
        }
        // The note's tree holds no block nodes: each block keeps its own.
        var blockAtLine: [Int: TextRange] = [:]
        for block in note.blocks where blockAtLine[block.syntax.heading.lineIndex] == nil {
            blockAtLine[block.syntax.heading.lineIndex] = block.syntax.range
        }
        return tree.comments.compactMap { comment in
            guard let directive = comment.suppression else { return nil }
            var codes: Set<String> = [], unknown: [String] = []
            for name in directive.rules {
                if let rule = RuleRegistry.rule(named: name) { codes.insert(rule.meta.code) } else { unknown.append(name) }
            }
            var range: TextRange?
            if !directive.fileScope {
                range = TextRange(comment.range.end, comment.range.end)
                if let next = nextStructural[min(comment.lastLine + 1, tree.lineKinds.count)] {
                    range = target(of: next, in: tree, blockAtLine: blockAtLine)
                }
            }
            return SuppressionScope(comment: comment, range: range, codes: codes, unknownNames: unknown)
        }
    }

    /// The block that starts on `line`, or the field on it with its continuation lines,
    /// or just the line.
    private static func target(of line: Int, in tree: SyntaxTree, blockAtLine: [Int: TextRange]) -> TextRange {
        if let block = blockAtLine[line] { return block }
        var end = tree.source.fullLineRange(line).end
        var l = line + 1
        if tree.lineKinds[line] == .field {
            while l < tree.lineKinds.count && tree.lineKinds[l] == .fieldContinuation {
                end = tree.source.fullLineRange(l).end
                l += 1
            }
        }
        return TextRange(tree.source.lineStarts[line], end)
    }
}
