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
    init(_ source: SourceText, line: TextRange, start: Int, end: Int) {
        let bytes = source.bytes
        let start = min(max(start, line.start), line.end), end = min(max(end, start), line.end)
        guard line.length > 2 * SnippetWindow.context + SnippetWindow.widest else {
            text = source.text(line)
            caretOffset = SnippetWindow.scalars(bytes, line.start, start)
            caretWidth = max(1, SnippetWindow.scalars(bytes, start, end))
            return
        }
        let from = SnippetWindow.back(bytes, from: start, scalars: SnippetWindow.context, floor: line.start)
        let shownEnd = SnippetWindow.forward(bytes, from: start, scalars: SnippetWindow.widest, limit: end)
        let to = SnippetWindow.forward(bytes, from: shownEnd, scalars: SnippetWindow.context, limit: line.end)
        let before = from > line.start ? "…" : "", after = to < line.end ? "…" : ""
        text = before + source.text(TextRange(from, to)) + after
        caretOffset = before.count + SnippetWindow.scalars(bytes, from, start)
        caretWidth = max(1, SnippetWindow.scalars(bytes, start, shownEnd))
    }

    /// Scalars (bytes that do not continue a UTF-8 sequence) in `a..<b`, as columns count.
    static func scalars(_ bytes: [UInt8], _ a: Int, _ b: Int) -> Int {
        var n = 0
        for i in a..<max(a, b) where bytes[i] & 0xC0 != 0x80 { n += 1 }
        return n
    }

    /// The offset `scalars` scalars before `offset`, not before `floor`.
    static func back(_ bytes: [UInt8], from offset: Int, scalars: Int, floor: Int) -> Int {
        var i = offset, n = 0
        while i > floor && n < scalars {
            i -= 1
            if bytes[i] & 0xC0 != 0x80 { n += 1 }
        }
        return i
    }

    /// The offset `scalars` scalars after `offset`, not past `limit`.
    static func forward(_ bytes: [UInt8], from offset: Int, scalars: Int, limit: Int) -> Int {
        var i = offset, n = 0
        while i < limit {
            if bytes[i] & 0xC0 != 0x80 {
                if n == scalars { break }
                n += 1
            }
            i += 1
        }
        return i
    }
}
