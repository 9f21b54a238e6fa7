import PnoteJSON
import PnoteModel
import PnoteRules
import PnoteSyntax

/// `pnote check --format sarif`: SARIF 2.1.0 for code scanning. Every rule is declared in
/// the driver (so a fixed finding can be closed), columns count Unicode code points,
/// suppressed findings are listed with an in-source suppression.
public enum SARIFRenderer {
    public static let informationURI = "https://github.com/pnote-lint/pnote"

    public static func render(_ result: CheckResult, version: String) -> String {
        var document = self.document(version: version, language: result.language, results: results(of: result).map(JSON.verbatim))
            .serializedBytes(pretty: true, indent: 0)
        document.append(0x0A)
        return String(decoding: document, as: UTF8.self)
    }

    /// `render`'s document, written to `sink` as it goes (the CLI streams it): the parts of
    /// the document around the results, each result, and between two results what the JSON
    /// writer puts there, found by writing the document around two markers.
    public static func write(_ result: CheckResult, version: String, to sink: inout OutputSink) {
        guard result.files.contains(where: { !$0.diagnostics.isEmpty || !$0.suppressed.isEmpty }) else {
            sink.append(render(result, version: version))
            return
        }
        // NUL is written escaped inside JSON strings, so a bare one marks a place.
        let first: [UInt8] = [0, 1], second: [UInt8] = [0, 2]
        let frame = document(version: version, language: result.language, results: [.verbatim(first), .verbatim(second)])
            .serializedBytes(pretty: true, indent: 0)
        guard let a = frame.firstRange(of: first)?.lowerBound, let b = frame.firstRange(of: second)?.lowerBound else {
            sink.append(render(result, version: version))
            return
        }
        sink.append(Array(frame[..<a]))
        let between = Array(frame[(a + first.count)..<b])
        var isFirst = true
        forEachResult(of: result) { item in
            if !isFirst { sink.append(between) }
            isFirst = false
            sink.append(item)
        }
        sink.append(Array(frame[(b + second.count)...]))
        sink.append(0x0A)
    }

    /// Every result as it stands in the document (four levels deep: root, runs, run,
    /// results).
    static func results(of result: CheckResult) -> [[UInt8]] {
        var results: [[UInt8]] = []
        forEachResult(of: result) { results.append($0) }
        return results
    }

    /// Hands `body` each result of `results(of:)`, in order, rendered on all cores a batch of
    /// files at a time: the results of a 50 MB folder, held all at once, were a quarter of
    /// the check's memory. A file's suppressed findings follow its others.
    static func forEachResult(of result: CheckResult, _ body: ([UInt8]) -> Void) {
        let indexByCode = Dictionary(RuleRegistry.all.enumerated().map { ($1.meta.code, $0) }, uniquingKeysWith: { a, _ in a })
        PerFileRendering.forEachFile(result.files, { d, file in
            item(d, file, suppressed: false, ruleIndex: indexByCode[d.code] ?? 0).serializedBytes(pretty: true, indent: 4)
        }) { f, items in
            let file = result.files[f]
            for item in items { body(item) }
            for d in file.suppressed {
                body(item(d, file, suppressed: true, ruleIndex: indexByCode[d.code] ?? 0).serializedBytes(pretty: true, indent: 4))
            }
        }
    }

    static func document(version: String, language: Language, results: [JSON]) -> JSON {
        let rules = RuleRegistry.all.map { rule(($0.meta), language) }
        let driver: JSON = .object([("name", .string("pnote")), ("version", .string(version)), ("semanticVersion", .string(version)),
                                    ("informationUri", .string(informationURI)), ("rules", .array(rules))])
        let run: JSON = .object([("tool", .object([("driver", driver)])), ("columnKind", .string("unicodeCodePoints")),
                                 ("results", .array(results))])
        return .object([("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")), ("version", .string("2.1.0")),
                        ("runs", .array([run]))])
    }

    static func level(_ s: Severity) -> String {
        switch s {
        case .error: "error"
        case .warning: "warning"
        case .info, .hint: "note"
        }
    }

    static func rule(_ m: RuleMeta, _ lang: Language) -> JSON {
        let help = RuleReference.explain(m, language: lang)
        return .object([("id", .string(m.code)), ("name", .string(m.slug)),
                        ("shortDescription", .object([("text", .string(m.title.text(lang)))])),
                        ("fullDescription", .object([("text", .string(m.finds.text(lang)))])),
                        ("help", .object([("text", .string(help))])),
                        ("defaultConfiguration", .object([("level", .string(level(m.severity)))])),
                        ("properties", .object([("tags", .array([.string("prevention-policy")]))]))])
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// A relative URI: `/`-separated, percent-encoded where a URI needs it.
    static func uri(_ path: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count)
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.append(byte)
            default:
                out += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
            }
        }
        if out.starts(with: "./".utf8) { out.removeFirst(2) }
        return String(decoding: out, as: UTF8.self)
    }

    static func region(_ range: TextRange, _ source: SourceText) -> JSON {
        let (a, b) = source.locations(of: range)
        return .object([("startLine", .int(a.line)), ("startColumn", .int(a.column)), ("endLine", .int(b.line)), ("endColumn", .int(b.column))])
    }

    static func location(_ path: String, _ range: TextRange, _ source: SourceText) -> JSON {
        .object([("physicalLocation", .object([("artifactLocation", .object([("uri", .string(uri(path)))])),
                                               ("region", region(range, source))]))])
    }

    static func item(_ d: Diagnostic, _ file: CheckedFile, suppressed: Bool, ruleIndex: Int) -> JSON {
        let lang = file.language
        let source = file.note.source
        var pairs: [(String, JSON)] = [
            ("ruleId", .string(d.code)), ("ruleIndex", .int(ruleIndex)), ("level", .string(level(d.severity))),
            ("message", .object([("text", .string(d.message.text(lang) + (d.help.map { " (\($0.text(lang)))" } ?? "")))])),
            ("locations", .array([location(file.displayPath, d.range, source)])),
        ]
        let related = d.related.enumerated().map { i, r -> JSON in
            let other = file.workspace.notes[r.note].source
            guard case .object(var p) = location(file.displayPaths[r.note], r.range, other) else { return .null }
            p.insert(("id", .int(i + 1)), at: 0)
            p.append(("message", .object([("text", .string(r.message.text(lang)))])))
            return .object(p)
        }
        if !related.isEmpty { pairs.append(("relatedLocations", .array(related))) }
        if let fix = d.fix {
            let replacements: [JSON] = fix.edits.map { e in
                .object([("deletedRegion", region(e.range, source)), ("insertedContent", .object([("text", .string(e.newText))]))])
            }
            pairs.append(("fixes", .array([.object([("description", .object([("text", .string(fix.title.text(lang)))])),
                                                    ("artifactChanges", .array([.object([
                                                        ("artifactLocation", .object([("uri", .string(uri(file.displayPath)))])),
                                                        ("replacements", .array(replacements))])]))])])))
        }
        if suppressed {
            pairs.append(("suppressions", .array([.object([("kind", .string("inSource")),
                                                           ("justification", .string("<!-- pnote-disable --> in the note"))])])))
        }
        return .object(pairs)
    }
}
