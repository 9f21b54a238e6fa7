import Foundation

/// Reads suppression directives (spec section 8) out of an HTML comment's text.
public enum Suppressions {
    /// `<!-- pnote-disable PN201, level-mismatch -->` or `<!-- pnote-disable-file -->`.
    public static func parse(_ comment: String) -> SuppressionDirective? {
        var body = Substring(comment)
        if body.hasPrefix("<!--") { body = body.dropFirst(4) }
        if body.hasSuffix("-->") { body = body.dropLast(3) }
        let words = body.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        guard let first = words.first else { return nil }
        let fileScope: Bool
        switch first.lowercased() {
        case "pnote-disable": fileScope = false
        case "pnote-disable-file": fileScope = true
        default: return nil
        }
        let rules = words.dropFirst().joined(separator: " ")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return SuppressionDirective(fileScope: fileScope, rules: rules)
    }
}
