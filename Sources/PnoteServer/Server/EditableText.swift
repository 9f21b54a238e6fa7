import Foundation
import PnoteSyntax

/// A document while the content changes of one `didChange` are applied to it, in order.
///
/// Each change's range refers to the text as the changes before it left it (LSP 3.17), so
/// every change needs the line index of the text of that moment. Building a `SourceText`
/// per change, as the server did, costs the whole document each time: 4,000 changes to a
/// 100,000-line note took seconds. Here the text is a list of lines, each a piece of one of
/// two buffers (the text as opened, and what the changes added), kept in chunks of a few
/// hundred lines: a change costs the lines it touches plus a walk over the chunks, however
/// many lines it adds or removes and wherever they are.
///
/// Positions convert exactly as `SourceText.offset(of:_:)` converts them; a test checks
/// this against applying each change to a fresh `SourceText`.
struct EditableText {
    private struct Piece {
        var start: Int
        var end: Int
        var added: Bool
        var count: Int { end - start }
    }

    /// A place in the text: a line, and a byte offset inside its piece.
    private struct Place: Comparable {
        var line: Int
        var byte: Int
        static func < (a: Place, b: Place) -> Bool { (a.line, a.byte) < (b.line, b.byte) }
    }

    /// Lines in chunks (never empty) of at most `2 × chunkSize`: a change moves the lines of
    /// one chunk and the list of chunks, never all lines after it.
    private struct Lines {
        private(set) var chunks: [[Piece]]
        private(set) var count: Int
        let chunkSize: Int

        init(_ pieces: [Piece], chunkSize: Int) {
            self.chunkSize = chunkSize
            chunks = []
            count = 0
            append(pieces, at: 0)
        }

        /// The chunk holding line `line`, and the line's index in it.
        private func locate(_ line: Int) -> (chunk: Int, index: Int) {
            var index = line
            for (c, chunk) in chunks.enumerated() {
                if index < chunk.count { return (c, index) }
                index -= chunk.count
            }
            return (chunks.count - 1, chunks[chunks.count - 1].count)  // just past the last line
        }

        subscript(line: Int) -> Piece {
            let (c, i) = locate(line)
            return chunks[c][i]
        }

        /// `pieces` as chunks inserted before chunk `at`.
        private mutating func append(_ pieces: [Piece], at: Int) {
            var new: [[Piece]] = []
            var start = 0
            while start < pieces.count {
                let end = min(pieces.count, start + chunkSize)
                new.append(Array(pieces[start..<end]))
                start = end
            }
            chunks.insert(contentsOf: new, at: at)
            count += pieces.count
        }

        /// Lines `range` become `pieces`. Returns the bytes of the lines replaced.
        mutating func replace(_ range: ClosedRange<Int>, with pieces: [Piece]) -> Int {
            let (first, i) = locate(range.lowerBound), (last, j) = locate(range.upperBound)
            var removed = 0
            for c in first...last {
                let chunk = chunks[c]
                for k in (c == first ? i : 0)...(c == last ? j : chunk.count - 1) { removed += chunk[k].count }
            }
            // What is left of the first and last chunk around the lines replaced.
            var merged = Array(chunks[first][..<i])
            merged += pieces
            merged += chunks[last][(j + 1)...]
            count -= chunks[first...last].reduce(0) { $0 + $1.count }
            chunks.removeSubrange(first...last)
            if merged.count <= 2 * chunkSize && !merged.isEmpty {
                chunks.insert(merged, at: first)
                count += merged.count
            } else {
                append(merged, at: first)
            }
            return removed
        }
    }

    private var original: [UInt8]
    private var added: [UInt8] = []
    /// Every line with its "\n"; the last one without, possibly empty.
    private var lines: Lines
    private var size: Int
    /// What `added` holds, live or not (for the test of compaction).
    var addedByteCount: Int { added.count }

    /// `chunkSize`: lines per chunk (small in tests, to cross chunks often).
    init(_ bytes: [UInt8], chunkSize: Int = 256) {
        original = bytes
        size = bytes.count
        lines = Lines(EditableText.split(bytes, from: 0, to: bytes.count, added: false, lastLine: true), chunkSize: chunkSize)
    }

    /// The text now.
    var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(size)
        for chunk in lines.chunks { for piece in chunk { append(piece, to: &out) } }
        return out
    }

    /// Replaces `range` (as `SourceText.textRange(_:_:)` reads it) with `text`.
    mutating func replace(_ range: LSPRange, with text: [UInt8], _ encoding: PositionEncoding) {
        let a = place(of: range.start, encoding), b = place(of: range.end, encoding)
        let from = min(a, b), to = max(a, b)
        let first = lines[from.line], last = lines[to.line]
        // What the touched lines become: the head of the first, the new text, the tail of the last.
        let start = added.count
        appendToAdded(Piece(start: first.start, end: first.start + from.byte, added: first.added))
        added += text
        appendToAdded(Piece(start: last.start + to.byte, end: last.end, added: last.added))
        let replacement = EditableText.split(added, from: start, to: added.count, added: true,
                                             lastLine: to.line == lines.count - 1)
        size += (added.count - start) - lines.replace(from.line...to.line, with: replacement)
        // Changes to one long line copy it each time; what they leave behind is dropped
        // once it outweighs the text, so memory stays within a few times the document.
        if added.count > 2 * size + (1 << 20) { compact() }
    }

    /// The text becomes the original again; `added` keeps its memory for the next changes.
    private mutating func compact() {
        original = bytes
        size = original.count
        added.removeAll(keepingCapacity: true)
        lines = Lines(EditableText.split(original, from: 0, to: original.count, added: false, lastLine: true), chunkSize: lines.chunkSize)
    }

    /// Copies a piece to the end of `added`, where it may already be: appending a slice of
    /// an array to itself would copy the whole array first (and long lines are edited here).
    private mutating func appendToAdded(_ piece: Piece) {
        guard piece.count > 0 else { return }
        guard piece.added else {
            original.withUnsafeBufferPointer { added.append(contentsOf: $0[piece.start..<piece.end]) }
            return
        }
        let at = added.count
        added.append(contentsOf: repeatElement(0, count: piece.count))
        added.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            (base + at).update(from: base + piece.start, count: piece.count)  // disjoint: the piece ends by `at`
        }
    }

    private func append(_ piece: Piece, to out: inout [UInt8]) {
        guard piece.count > 0 else { return }
        (piece.added ? added : original).withUnsafeBufferPointer { out.append(contentsOf: $0[piece.start..<piece.end]) }
    }

    /// The pieces of `buffer[from..<to]`, one per line. The rest after the last "\n" is a
    /// line of its own only at the end of the text (a final newline opens no line in
    /// `SourceText`, but a position there must still land at the end).
    private static func split(_ buffer: [UInt8], from: Int, to: Int, added: Bool, lastLine: Bool) -> [Piece] {
        var pieces: [Piece] = []
        var start = from
        buffer.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            while start < to, let found = memchr(base + start, 0x0A, to - start) {
                let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                pieces.append(Piece(start: start, end: at + 1, added: added))
                start = at + 1
            }
        }
        if lastLine || start < to { pieces.append(Piece(start: start, end: to, added: added)) }
        return pieces
    }

    private func place(of position: Position, _ encoding: PositionEncoding) -> Place {
        let bom = self.bom
        guard position.line >= 0 else { return Place(line: 0, byte: bom) }
        guard position.line < lines.count else { return Place(line: lines.count - 1, byte: lines[lines.count - 1].count) }
        let piece = lines[position.line]
        let buffer = piece.added ? added : original
        var end = piece.end
        if end > piece.start && buffer[end - 1] == 0x0A { end -= 1 }
        if end > piece.start && buffer[end - 1] == 0x0D { end -= 1 }
        let i = encoding.advance(in: buffer, from: piece.start + (position.line == 0 ? bom : 0), to: end,
                                 units: 0, target: max(0, position.character))
        return Place(line: position.line, byte: i - piece.start)
    }

    /// The byte-order mark's length, as `SourceText` finds it: the first three bytes.
    private var bom: Int {
        let piece = lines[0]
        guard piece.count >= 3 else { return 0 }
        let buffer = piece.added ? added : original
        let s = piece.start
        return buffer[s] == 0xEF && buffer[s + 1] == 0xBB && buffer[s + 2] == 0xBF ? 3 : 0
    }
}
