import PnoteModel
import PnoteRules
import PnoteSyntax

/// Compiler-style text: `path:line:col: severity[CODE]: message`, the source line, a
/// caret line under the range, a help line, and a summary at the end.
public struct TextRenderer: Sendable {
    public var color: Bool

    public init(color: Bool = false) { self.color = color }

    public func render(_ result: CheckResult) -> String {
        var sink = OutputSink()
        write(result, to: &sink)
        return sink.collected()
    }

    /// The findings and the summary, written to `sink` in order (the CLI streams them).
    public func write(_ result: CheckResult, to sink: inout OutputSink) {
        PerFileRendering.forEachFile(result.files, { [self] d, file in
            var bytes = renderBytes(d, in: file)
            bytes.append(0x0A)
            return bytes
        }) { _, items in
            for item in items { sink.append(item) }
        }
        sink.append(summary(result) + "\n")
    }

    public func render(_ d: Diagnostic, in file: CheckedFile) -> String {
        String(decoding: renderBytes(d, in: file), as: UTF8.self)
    }

    /// `render`'s text as bytes, each piece appended once: joined as strings, the two dozen
    /// pieces of a finding were a tenth of a text check with many findings.
    func renderBytes(_ d: Diagnostic, in file: CheckedFile) -> [UInt8] {
        let source = file.note.source
        let lang = file.language
        let start = source.location(of: d.range.start)
        let lineIndex = start.line - 1
        let window = SnippetWindow(source, line: source.lineRange(lineIndex), start: d.range.start, end: d.range.end)
        let lineText = window.text.replacingTabs
        let help = d.help?.text(lang)
        let gutter = String(start.line)
        let pad = String(ascii: 0x20, count: gutter.utf8.count)
        let caret = String(ascii: 0x20, count: window.caretOffset) + String(ascii: 0x5E, count: window.caretWidth)
        var out: [UInt8] = []
        out.reserveCapacity(256 + file.displayPath.utf8.count + 2 * lineText.utf8.count + (help?.utf8.count ?? 0))
        func put(_ pieces: String...) { for piece in pieces { out.append(contentsOf: piece.utf8) } }
        // path:line:column: severity[CODE]: message
        put(file.displayPath, ":", gutter, ":", String(start.column), ": ")
        put(paint(d.severity.rawValue + "[" + d.code + "]", d.severity), ": ")
        d.message.forEachPiece(lang) { out.append(contentsOf: $0) }  // a template is not joined first
        put("\n")
        // The source line under a gutter, and a caret line under the range.
        put(pad, " |\n", gutter, " | ", lineText, "\n", pad, " | ", paint(caret, d.severity))
        if let help { put("\n", pad, " = help: ", help) }
        return out
    }

    public func summary(_ result: CheckResult) -> String {
        let lang = result.language
        let fileCount = result.files.count
        let counts: [(Severity, Int)] = Severity.allCases.map { ($0, result.count($0)) }.filter { $0.1 > 0 }
        let filesText = lang == .nl ? "\(fileCount) \(fileCount == 1 ? "bestand" : "bestanden")"
                                    : "\(fileCount) \(fileCount == 1 ? "file" : "files")"
        var line: String
        if counts.isEmpty {
            line = lang == .nl ? "Geen problemen gevonden in \(filesText)." : "No problems found in \(filesText)."
        } else {
            let parts = counts.map { severity, n in
                switch (severity, lang) {
                case (.error, .nl): "\(n) \(n == 1 ? "fout" : "fouten")"
                case (.warning, .nl): "\(n) \(n == 1 ? "waarschuwing" : "waarschuwingen")"
                case (.error, .en): "\(n) \(n == 1 ? "error" : "errors")"
                case (.warning, .en): "\(n) \(n == 1 ? "warning" : "warnings")"
                case (.info, _): "\(n) info"
                case (.hint, _): "\(n) \(n == 1 ? "hint" : "hints")"
                }
            }
            line = (lang == .nl ? "Gevonden: " : "Found ") + parts.joined(separator: ", ") + (lang == .nl ? " in " : " in ") + filesText + "."
        }
        if !result.failures.isEmpty {
            line += lang == .nl ? " \(result.failures.count) niet te lezen." : " \(result.failures.count) could not be read."
        }
        return line
    }

    private func paint(_ text: String, _ severity: Severity) -> String {
        guard color else { return text }
        let code = switch severity {
        case .error: "31"
        case .warning: "33"
        case .info: "36"
        case .hint: "32"
        }
        return "\u{1B}[1;\(code)m\(text)\u{1B}[0m"
    }
}

extension String {
    /// `count` times the ASCII `byte`, written in place: `String(repeating:count:)` took
    /// some 3,600 instructions for a short run of spaces, three times per finding.
    init(ascii byte: UInt8, count n: Int) {
        self.init(unsafeUninitializedCapacity: Swift.max(0, n)) { buffer in
            buffer.initialize(repeating: byte)
            return buffer.count
        }
    }

    /// Tabs become one space so that the caret line stays aligned with the source line.
    /// A line without a tab (nearly all) comes back as it is: going through it character
    /// by character cost a seventh of `pnote check`'s time on a folder with many findings.
    var replacingTabs: String {
        guard utf8.contains(0x09) else { return self }
        return String(map { $0 == "\t" ? " " : $0 })
    }
}
