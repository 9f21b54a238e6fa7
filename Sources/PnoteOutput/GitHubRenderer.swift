import Foundation
import PnoteModel
import PnoteRules
import PnoteSyntax

/// `pnote check --format github`: GitHub Actions workflow commands, one per finding,
/// which the Actions runner turns into annotations on the changed lines.
///
/// Written as bytes, on all cores for many findings (`PerFileRendering`): escaping with
/// `replacingOccurrences` made this format three times slower than the whole check.
public enum GitHubRenderer {
    public static func render(_ result: CheckResult) -> String {
        var sink = OutputSink()
        write(result, to: &sink)
        return sink.collected()
    }

    /// The commands, written to `sink` in order (the CLI streams them to its output).
    public static func write(_ result: CheckResult, to sink: inout OutputSink) {
        PerFileRendering.forEachFile(result.files, { command(for: $0, in: $1) }) { _, items in
            for item in items { sink.append(item) }
        }
    }

    /// `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=PN… slug::message%0Ahelp`
    static func command(for d: Diagnostic, in file: CheckedFile) -> [UInt8] {
        let (a, b) = file.note.source.locations(of: d.range)
        var out: [UInt8] = []
        out.reserveCapacity(256)
        out += "::".utf8
        switch d.severity {
        case .error: out += "error".utf8
        case .warning: out += "warning".utf8
        case .info, .hint: out += "notice".utf8
        }
        let properties = [("file", file.displayPath), ("line", "\(a.line)"), ("col", "\(a.column)"),
                          ("endLine", "\(b.line)"), ("endColumn", "\(b.column)"), ("title", "\(d.code) \(d.slug)")]
        for (i, (name, value)) in properties.enumerated() {
            out.append(i == 0 ? UInt8(ascii: " ") : UInt8(ascii: ","))
            out += name.utf8
            out.append(UInt8(ascii: "="))
            appendEscaped(value, property: true, to: &out)
        }
        out += "::".utf8
        // Piece by piece (a template is not joined first): the escapes are of single bytes.
        d.message.forEachPiece(file.language) { appendEscaped($0, property: false, to: &out) }
        if let help = d.help {
            out += "%0A".utf8
            appendEscaped(help.text(file.language), property: false, to: &out)
        }
        out.append(0x0A)
        return out
    }

    /// Workflow-command data: `%`, CR and LF are encoded.
    public static func escapeData(_ s: String) -> String {
        var out: [UInt8] = []
        appendEscaped(s, property: false, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Properties also encode `:` and `,`, which separate them.
    public static func escapeProperty(_ s: String) -> String {
        var out: [UInt8] = []
        appendEscaped(s, property: true, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendEscaped(_ s: String, property: Bool, to out: inout [UInt8]) {
        s.withUTF8Bytes { appendEscaped($0, property: property, to: &out) }
    }

    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, property: Bool, to out: inout [UInt8]) {
        // The runs between bytes to encode are copied whole: byte by byte, escaping was
        // two thirds of this format's output time.
        do {
            var start = 0
            for i in bytes.indices {
                let code: String
                switch bytes[i] {
                case UInt8(ascii: "%"): code = "%25"
                case 0x0D: code = "%0D"
                case 0x0A: code = "%0A"
                case UInt8(ascii: ":") where property: code = "%3A"
                case UInt8(ascii: ",") where property: code = "%2C"
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                out += code.utf8
                start = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }
}
