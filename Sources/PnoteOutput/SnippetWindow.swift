import PnoteSyntax

/// The part of a source line a text finding shows. A short line is shown whole. A long
/// one (a pasted list of references, a 10 MB line) is shown around the finding: up to
/// `context` scalars either side and at most `widest` of the finding itself, with "…"
/// where the line goes on. Shown whole, 20,000 findings on one 80 kB line printed 2.4 GB.
struct SnippetWindow {
    static let context = 60
    static let widest = 100

    /// The text to show, the scalars before the caret, and the caret's width.
    var text: String
    var caretOffset: Int
    var caretWidth: Int

    /// `start`, `end`: the finding's bytes on this line (`end` clamped to the line).
    /// Columns and the caret count as `SourceText.location(of:)` does, and the text is
    /// shown with one character per column (`displayText`), so the caret lines up also
    /// under a line with invalid UTF-8.
    init(_ source: SourceText, line: TextRange, start: Int, end: Int) {
        let start = min(max(start, line.start), line.end), end = min(max(end, start), line.end)
        guard line.length > 2 * SnippetWindow.context + SnippetWindow.widest else {
            text = source.displayText(line)
            caretOffset = SnippetWindow.columns(source, from: line.start, to: start)
            caretWidth = max(1, SnippetWindow.columns(source, from: start, to: end))
            return
        }
        // Back from the finding by columns, through the line's checkpoints: a walk back
        // byte by byte cannot tell where an invalid sequence starts.
        let at = source.location(of: start)
        let from = source.offset(line: at.line, column: max(1, at.column - SnippetWindow.context))
        let shownEnd = SnippetWindow.forward(source, from: start, columns: SnippetWindow.widest, limit: end)
        let to = SnippetWindow.forward(source, from: shownEnd, columns: SnippetWindow.context, limit: line.end)
        let before = from > line.start ? "…" : "", after = to < line.end ? "…" : ""
        text = before + source.displayText(TextRange(from, to)) + after
        caretOffset = before.count + at.column - source.location(of: from).column
        caretWidth = max(1, SnippetWindow.columns(source, from: start, to: shownEnd))
    }

    /// Columns from `a` (where a column starts) to `b`, as `location(of:)` counts them.
    static func columns(_ source: SourceText, from a: Int, to b: Int) -> Int {
        var i = a, n = 0
        while i < b {
            i += SourceText.decodeScalar(source.bytes, at: i, limit: b).0
            n += 1
        }
        return n
    }

    /// The offset `columns` columns after `offset`, not past `limit`.
    static func forward(_ source: SourceText, from offset: Int, columns: Int, limit: Int) -> Int {
        var i = offset, n = 0
        while i < limit && n < columns {
            i += SourceText.decodeScalar(source.bytes, at: i, limit: limit).0
            n += 1
        }
        return i
    }
}
