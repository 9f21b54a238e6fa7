import PnoteJSON
import PnoteModel
import PnoteRules

/// pnote diagnostics as LSP diagnostics: code, source `pnote`, related information, and
/// the fix in `data` (for code actions).
enum DiagnosticConversion {
    static func severity(_ s: Severity) -> Int {
        switch s {
        case .error: 1
        case .warning: 2
        case .info: 3
        case .hint: 4
        }
    }

    static func items(_ snapshot: DocumentSnapshot) -> [JSON] {
        snapshot.diagnostics().map { item($0, snapshot) }
    }

    static func item(_ d: Diagnostic, _ snapshot: DocumentSnapshot) -> JSON {
        let lang = snapshot.language
        var pairs: [(String, JSON)] = [
            ("range", snapshot.lspRange(d.range).json), ("severity", .int(severity(d.severity))),
            ("code", .string(d.code)), ("source", .string("pnote")),
            ("message", .string(d.message.text(lang) + (d.help.map { "\n" + $0.text(lang) } ?? ""))),
        ]
        if !d.related.isEmpty {
            pairs.append(("relatedInformation", .array(d.related.map { r in
                .object([("location", .object([("uri", .string(snapshot.uris[r.note])),
                                               ("range", snapshot.lspRange(r.range, inNote: r.note).json)])),
                         ("message", .string(r.message.text(lang)))])
            })))
        }
        var data: [(String, JSON)] = [("rule", .string(d.slug))]
        if let fix = d.fix { data.append(("fix", fixJSON(fix, snapshot))) }
        pairs.append(("data", .object(data)))
        return .object(pairs)
    }

    static func fixJSON(_ fix: Fix, _ snapshot: DocumentSnapshot) -> JSON {
        .object([("title", .string(fix.title.text(snapshot.language))), ("safe", .bool(fix.isSafe)),
                 ("edits", .array(fix.edits.map { e in
                     .object([("range", snapshot.lspRange(e.range).json), ("newText", .string(e.newText))])
                 }))])
    }
}
