import Foundation
import PnoteModel
import PnoteRules
import PnoteSyntax

/// `pnote check --format github`: GitHub Actions workflow commands, one per finding,
/// which the Actions runner turns into annotations on the changed lines.
public enum GitHubRenderer {
    public static func render(_ result: CheckResult) -> String {
        var out = ""
        for file in result.files {
            for d in file.diagnostics {
                let a = file.note.source.location(of: d.range.start), b = file.note.source.location(of: d.range.end)
                let command = switch d.severity {
                case .error: "error"
                case .warning: "warning"
                case .info, .hint: "notice"
                }
                let properties = [("file", file.displayPath), ("line", "\(a.line)"), ("col", "\(a.column)"),
                                  ("endLine", "\(b.line)"), ("endColumn", "\(b.column)"), ("title", "\(d.code) \(d.slug)")]
                    .map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
                var message = d.message.text(file.language)
                if let help = d.help { message += "\n" + help.text(file.language) }
                out += "::\(command) \(properties)::\(escapeData(message))\n"
            }
        }
        return out
    }

    /// Workflow-command data: `%`, CR and LF are encoded.
    public static func escapeData(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Properties also encode `:` and `,`, which separate them.
    public static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

