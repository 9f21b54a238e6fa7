import PnoteJSON
import PnoteModel
import PnoteRules
import PnoteSyntax

/// Code actions: each finding's fix, "suppress this rule here", "add missing fields" for
/// the block, and `source.fixAll` with the safe fixes.
enum CodeActions {
    static func actions(_ s: DocumentSnapshot, _ range: LSPRange, only: [String]?) -> JSON {
        func wanted(_ kind: String) -> Bool { only.map { $0.contains { kind == $0 || kind.hasPrefix($0 + ".") } } ?? true }
        let lang = s.language
        let selection = s.source.textRange(range, s.encoding)
        let diagnostics = s.diagnostics()
        var out: [JSON] = []
        func action(_ title: String, _ kind: String, _ edits: [TextEdit], preferred: Bool = false, diagnostic: Diagnostic? = nil) -> JSON {
            var pairs: [(String, JSON)] = [("title", .string(title)), ("kind", .string(kind))]
            if let d = diagnostic { pairs.append(("diagnostics", .array([DiagnosticConversion.item(d, s)]))) }
            if preferred { pairs.append(("isPreferred", .bool(true))) }
            pairs.append(("edit", workspaceEdit(edits, s)))
            return .object(pairs)
        }
        let touching = diagnostics.filter { $0.range.start <= selection.end && selection.start <= $0.range.end }
        if wanted("quickfix") {
            for d in touching {
                if let fix = d.fix { out.append(action(fix.title.text(lang), "quickfix", fix.edits, preferred: fix.isSafe, diagnostic: d)) }
            }
            for d in touching where d.code != "PN010" {
                let line = s.source.lineIndex(of: d.range.start)
                let comment = "<!-- pnote-disable \(d.code) -->" + s.source.lineTerminator
                out.append(action(lang == .nl ? "Onderdruk \(d.code) hier" : "Suppress \(d.code) here", "quickfix",
                                  [TextEdit(range: TextRange(s.source.lineStarts[line], s.source.lineStarts[line]), newText: comment)],
                                  diagnostic: d))
            }
        }
        if wanted("refactor"), let block = s.note.blocks.last(where: { $0.syntax.range.start <= selection.start && selection.start <= $0.syntax.range.end }),
           let edit = missingFields(block, s) {
            out.append(action(lang == .nl ? "Voeg ontbrekende velden toe aan '\(block.title)'" : "Add missing fields to '\(block.title)'",
                              "refactor", [edit]))
        }
        if let kind = ["source.fixAll.pnote", "source.fixAll"].first(where: { only != nil && wanted($0) }) ?? (only == nil ? "source.fixAll.pnote" : nil) {
            let chosen = FixApplication.nonOverlapping(diagnostics.compactMap(\.fix).filter(\.isSafe)).flatMap(\.edits)
            if !chosen.isEmpty { out.append(action(lang == .nl ? "Pas alle veilige correcties toe" : "Apply all safe fixes", kind, chosen)) }
        }
        return .array(out)
    }

    static let expected: [BlockKind: [FieldKey]] = [
        .measure: [.level, .targetGroup, .goal, .budget, .funding, .taskField, .evidence, .reach],
        .goal: [.indicator, .baseline, .target, .source],
        .indicator: [.baseline, .target, .source],
        .targetGroup: [.criterion, .size, .age],
        .budget: [.total, .period],
    ]

    /// One edit inserting `- key: ` lines for the expected fields the block lacks, after its
    /// last field (or its heading), in the note's language and line endings.
    static func missingFields(_ block: Block, _ s: DocumentSnapshot) -> TextEdit? {
        let present = Set(block.fields.compactMap(\.key))
        let missing = (expected[block.kind] ?? []).filter { !present.contains($0) }
        guard !missing.isEmpty else { return nil }
        let lastLine = block.fields.last.map { $0.syntax.continuationRanges.isEmpty ? $0.syntax.lineIndex : s.source.lineIndex(of: $0.syntax.continuationRanges.last!.start) }
            ?? block.syntax.heading.lineIndex
        let nl = s.source.lineTerminator
        var at = s.source.fullLineRange(lastLine).end
        var prefix = ""
        if at == s.source.bytes.count, s.source.bytes.last != 0x0A { prefix = nl }
        if at > s.source.bytes.count { at = s.source.bytes.count }
        let text = prefix + missing.map { "- \($0.name(s.language)): " + nl }.joined()
        return TextEdit(range: TextRange(at, at), newText: text)
    }

    static func workspaceEdit(_ edits: [TextEdit], _ s: DocumentSnapshot) -> JSON {
        .object([("changes", .object([(s.uri, .array(edits.map { e in
            .object([("range", s.lspRange(e.range).json), ("newText", .string(e.newText))])
        }))]))])
    }
}
