import PnoteJSON
import PnoteModel
import PnoteRules
import PnoteSyntax

/// `pnote check --format json`, exactly the shape of spec section 10.
public enum JSONRenderer {
    public static func render(_ result: CheckResult) -> String {
        var sink = OutputSink()
        write(result, to: &sink)
        return sink.collected()
    }

    /// The document, written to `sink` file by file (the CLI streams it to its output).
    public static func write(_ result: CheckResult, to sink: inout OutputSink) {
        // Compact JSON concatenates: each diagnostic is serialized on its own, as bytes,
        // and joined in order.
        sink.append(#"{"version":1,"files":["#)
        // A run of a file's diagnostics is written into one buffer, objects separated by commas.
        PerFileRendering.forEachFile(result.files, chunk: { [diagnosticBytes($0, $1)] }) { index, runs in
            let file = result.files[index]
            if index > 0 { sink.append(UInt8(ascii: ",")) }
            sink.append(#"{"path":"#)
            sink.append(JSON.string(file.displayPath).serializedBytes())
            sink.append(#","diagnostics":["#)
            for (i, run) in runs.enumerated() {
                if i > 0 { sink.append(UInt8(ascii: ",")) }
                sink.append(run)
            }
            sink.append("]}")
        }
        let summary: JSON = .object([
            ("files", .int(result.files.count)),
            ("errors", .int(result.count(.error))),
            ("warnings", .int(result.count(.warning))),
            ("infos", .int(result.count(.info))),
            ("hints", .int(result.count(.hint))),
        ])
        sink.append(#"],"summary":"#)
        sink.append(summary.serializedBytes())
        sink.append("}\n")
    }

    /// `diagnostic(d, file).serializedBytes()`, written directly: the same bytes, at a
    /// third of the cost, for every finding of a large folder.
    static func diagnosticBytes(_ d: Diagnostic, _ file: CheckedFile) -> [UInt8] {
        diagnosticBytes(CollectionOfOne(d), file)
    }

    /// The objects of `diagnostics` (at least one), separated by commas, in one buffer.
    static func diagnosticBytes(_ diagnostics: some Collection<Diagnostic>, _ file: CheckedFile) -> [UInt8] {
        var writer = JSONObjectWriter(capacity: 256 * diagnostics.count)
        // Once per run: `file.note` is a copy of the note out of its workspace.
        let source = file.note.source, language = file.language
        var line = 0  // the last finding's: they come in order
        for (i, d) in diagnostics.enumerated() {
            if i > 0 { writer.startNextObject() }
            write(d, source, language, line: &line, to: &writer)
        }
        return writer.finished()
    }

    private static func write(_ d: Diagnostic, _ source: SourceText, _ language: Language, line: inout Int,
                              to writer: inout JSONObjectWriter) {
        writer.field("code", d.code)
        writer.field("rule", d.slug)
        writer.field("severity", d.severity.rawValue)
        writer.field("message") { d.message.forEachPiece(language, $0) }
        let (start, end) = source.locations(of: d.range, lineHint: &line)
        writer.field("line", start.line)
        writer.field("column", start.column)
        writer.field("endLine", end.line)
        writer.field("endColumn", end.column)
        if let fix = d.fix {
            let edits: [JSON] = fix.edits.map { edit in
                .object(position(edit.range, source) + [("newText", .string(edit.newText))])
            }
            writer.field("fix", .object([("title", .string(fix.title.text(language))), ("edits", .array(edits))]))
        }
    }

    static func diagnostic(_ d: Diagnostic, _ file: CheckedFile) -> JSON {
        var pairs: [(String, JSON)] = [
            ("code", .string(d.code)), ("rule", .string(d.slug)), ("severity", .string(d.severity.rawValue)),
            ("message", .string(d.message.text(file.language))),
        ]
        pairs += position(d.range, file.note.source)
        if let fix = d.fix {
            let edits: [JSON] = fix.edits.map { edit in
                .object(position(edit.range, file.note.source) + [("newText", .string(edit.newText))])
            }
            pairs.append(("fix", .object([("title", .string(fix.title.text(file.language))), ("edits", .array(edits))])))
        }
        return .object(pairs)
    }

    static func position(_ range: TextRange, _ source: SourceText) -> [(String, JSON)] {
        let (start, end) = source.locations(of: range)
        return [("line", .int(start.line)), ("column", .int(start.column)),
                ("endLine", .int(end.line)), ("endColumn", .int(end.column))]
    }
}
