import Foundation

/// A half-open range of UTF-8 byte offsets into a `SourceText`.
public struct TextRange: Hashable, Sendable, Comparable {
    /// Offsets are kept in 32 bits: a note has millions of ranges (every heading, field
    /// and reference has several), and halving them saved an eighth of a check's memory.
    /// Notes are therefore at most `SourceText.maximumSize` bytes.
    private var storedStart: UInt32
    private var storedEnd: UInt32

    public var start: Int {
        get { Int(storedStart) }
        set { storedStart = UInt32(truncatingIfNeeded: newValue) }
    }
    public var end: Int {
        get { Int(storedEnd) }
        set { storedEnd = UInt32(truncatingIfNeeded: newValue) }
    }

    public init(_ start: Int, _ end: Int) {
        storedStart = UInt32(truncatingIfNeeded: start)
        storedEnd = UInt32(truncatingIfNeeded: end)
    }

    public var isEmpty: Bool { start >= end }
    public var length: Int { end - start }

    public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }

    public static func < (a: TextRange, b: TextRange) -> Bool {
        (a.start, a.end) < (b.start, b.end)
    }
}

/// A position for people: 1-based line, 1-based column counted in Unicode scalars
/// (spec section 10). The byte offset is kept for tools.
public struct SourceLocation: Hashable, Sendable {
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }
}

/// The bytes of one note with a line index. All ranges in the tree point into `bytes`.
///
/// Invariant: `lineStarts[0] == bomLength`, so a BOM is never part of line 1 and columns
/// on line 1 do not count it.
public struct SourceText: Sendable {
    public let bytes: [UInt8]
    public let bomLength: Int
    /// Byte offset where each line starts (0-based line index).
    public let lineStarts: LineStarts
    /// The line terminator most lines use; new lines written by fixes use it too.
    public let usesCRLF: Bool
    public let endsWithNewline: Bool
    /// Counts along lines longer than 512 bytes, for columns in constant time.
    public let checkpoints: LineCheckpoints

    public init(_ string: String) {
        self.init(bytes: Array(string.utf8))
    }

    /// The largest note: offsets are kept in 32 bits (`TextRange`). `pnote check` refuses
    /// larger files, and the server's messages are far smaller (64 MiB).
    public static let maximumSize = Int(UInt32.max)

    /// `maximumSize` is for tests only: text beyond it is left out, so that every range
    /// stays exact. Only a server document grown edit by edit past 4 GiB could get here.
    public init(bytes: [UInt8], maximumSize: Int = SourceText.maximumSize) {
        let bytes = bytes.count > maximumSize ? Array(bytes.prefix(maximumSize)) : bytes
        self.bytes = bytes
        let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        bomLength = bom
        var crlf = 0, lf = 0
        let offsets = bytes.withUnsafeBufferPointer { buf -> [UInt32] in
            guard let base = buf.baseAddress else { return [UInt32(bom)] }
            // memchr finds newlines many bytes at a time; a byte loop was 7 instructions a byte.
            // One pass, into a list made for lines of 32 bytes (notes average about 27), then
            // copied at its size if it grew: grown and kept, it held up to twice the lines,
            // and counting the newlines first was a second pass (a third of making a text).
            var starts = [UInt32(bom)]
            starts.reserveCapacity(buf.count / 32 + 16)
            var i = bom
            while i < buf.count, let found = memchr(base + i, 0x0A, buf.count - i) {
                let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if at > bom && buf[at - 1] == 0x0D { crlf += 1 } else { lf += 1 }
                // A final newline does not open a new (empty) line.
                if at + 1 < buf.count { starts.append(UInt32(truncatingIfNeeded: at + 1)) }
                i = at + 1
            }
            guard starts.capacity > starts.count + starts.count / 4 + 16 else { return starts }
            // A copy at its size (`Array(starts)` would share the grown buffer).
            return [UInt32](unsafeUninitializedCapacity: starts.count) { copy, count in
                count = copy.initialize(fromContentsOf: starts)
            }
        }
        endsWithNewline = bytes.last == 0x0A
        let starts = LineStarts(offsets: offsets)
        lineStarts = starts
        usesCRLF = crlf > lf
        let lineCount = starts.count
        func fullEnd(_ line: Int) -> Int { line + 1 < lineCount ? starts[line + 1] : bytes.count }
        checkpoints = LineCheckpoints(bytes: bytes, lineStarts: starts, fullLineEnd: fullEnd) { line in
            var end = fullEnd(line)
            if end > starts[line] && bytes[end - 1] == 0x0A { end -= 1 }
            if end > starts[line] && bytes[end - 1] == 0x0D { end -= 1 }
            return end
        }
    }

    public var lineCount: Int { lineStarts.count }
    public var lineTerminator: String { usesCRLF ? "\r\n" : "\n" }

    /// The range of line `index` including its terminator.
    public func fullLineRange(_ index: Int) -> TextRange {
        let start = lineStarts[index]
        let end = index + 1 < lineStarts.count ? lineStarts[index + 1] : bytes.count
        return TextRange(start, end)
    }

    /// The range of line `index` without `\n` or `\r\n`.
    public func lineRange(_ index: Int) -> TextRange {
        var r = fullLineRange(index)
        if r.end > r.start && bytes[r.end - 1] == 0x0A { r.end -= 1 }
        if r.end > r.start && bytes[r.end - 1] == 0x0D { r.end -= 1 }
        return r
    }

    /// The 0-based index of the line holding `offset` (offsets past the end map to the last line).
    public func lineIndex(of offset: Int) -> Int { lineIndex(of: offset, in: 0, lineStarts.count - 1) }

    /// `lineIndex(of:)`, searched from line `hint` on when `offset` lies at or after it: for
    /// offsets asked in order (a file's findings), in steps doubling from the last line
    /// found, not from the whole file's middle.
    public func lineIndex(of offset: Int, after hint: Int) -> Int {
        guard hint > 0, hint < lineStarts.count, lineStarts[hint] <= offset else { return lineIndex(of: offset) }
        var lo = hint, step = 1
        while lo + step < lineStarts.count && lineStarts[lo + step] <= offset {
            lo += step
            step *= 2
        }
        return lineIndex(of: offset, in: lo, min(lo + step, lineStarts.count) - 1)
    }

    /// The last line in `lo...hi` starting at or before `offset` (`lo` when none after it does).
    private func lineIndex(of offset: Int, in lo: Int, _ hi: Int) -> Int {
        var lo = lo, hi = hi
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// Columns count what `decodeScalar` steps over: a scalar, or one invalid byte (which
    /// the text output shows as U+FFFD), as the server counts UTF-32 positions. A byte
    /// of a Windows-1252 file (smart quotes, dashes: 0x80–0xBF) is then a column of its own.
    /// Bytes of the line terminator count one each.
    public func location(of offset: Int) -> SourceLocation {
        let clamped = min(max(offset, bomLength), bytes.count)
        return location(ofClamped: clamped, line: lineIndex(of: clamped))
    }

    /// `location(of:)` of an offset within the text, on line `line`.
    private func location(ofClamped clamped: Int, line: Int) -> SourceLocation {
        let end = lineRange(line).end, upTo = min(clamped, end)
        var column = 1
        var i = lineStarts[line]
        if let point = checkpoints.stop(line: line, start: i, atOrBefore: upTo) {
            column += Int(point.scalars)
            i = Int(point.stop)
        }
        column += scalarCount(from: i, to: upTo)
        return SourceLocation(line: line + 1, column: column + max(0, clamped - end), offset: clamped)
    }

    /// `location(of:)` of both ends of `range`.
    public func locations(of range: TextRange) -> (start: SourceLocation, end: SourceLocation) {
        var hint = 0
        return locations(of: range, lineHint: &hint)
    }

    /// `location(of:)` of both ends of `range`. An end on the start's line (nearly every
    /// finding's) is counted on from the start: its line is not searched for again, nor
    /// its bytes before the start counted twice.
    ///
    /// `lineHint`: the line of an earlier range (a file's findings come in order); set to
    /// this range's start line.
    public func locations(of range: TextRange, lineHint: inout Int) -> (start: SourceLocation, end: SourceLocation) {
        let clampedStart = min(max(range.start, bomLength), bytes.count)
        let start = location(ofClamped: clampedStart, line: lineIndex(of: clampedStart, after: lineHint))
        let line = start.line - 1
        lineHint = line
        let clamped = min(max(range.end, bomLength), bytes.count)
        guard clamped >= start.offset, line + 1 < lineStarts.count ? clamped < lineStarts[line + 1] : true else {
            return (start, location(of: range.end))
        }
        // The start's column is its line's end's plus what lies past the end (at most the
        // terminator): counting on is right while both lie within the line's text.
        // Counting on from the start is counting from the line's start only where a step
        // of `decodeScalar` lands on it: not inside a scalar (on a continuation byte).
        let end = lineRange(line).end
        guard start.offset <= end, start.offset == bytes.count || bytes[start.offset] & 0xC0 != 0x80 else {
            return (start, location(of: range.end))
        }
        let upTo = min(clamped, end)
        let column = start.column + scalarCount(from: start.offset, to: upTo) + max(0, clamped - end)
        return (start, SourceLocation(line: start.line, column: column, offset: clamped))
    }

    /// How many steps of `decodeScalar` lead from `start` to `end`. ASCII is a step per
    /// byte, counted eight bytes at a time: every finding of every output is located twice.
    private func scalarCount(from start: Int, to end: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            var i = start, count = 0
            while i < end {
                if end - i >= 8, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    count += 8
                    continue
                }
                i += base[i] < 0x80 ? 1 : SourceText.decodeScalar(bytes, at: i, limit: end).0
                count += 1
            }
            return count
        }
    }

    /// The byte offset of a 1-based line and 1-based column (as `location(of:)` counts
    /// them), clamped to the line.
    public func offset(line: Int, column: Int) -> Int {
        let index = min(max(line - 1, 0), lineStarts.count - 1)
        let range = lineRange(index)
        let target = column - 1
        var i = range.start, units = 0
        if let point = checkpoints.stop(line: index, atMost: target, { Int($0.scalars) }) {
            i = Int(point.stop)
            units = Int(point.scalars)
        }
        while i < range.end && units < target {
            i += SourceText.decodeScalar(bytes, at: i, limit: range.end).0
            units += 1
        }
        return i
    }

    /// The text of a range as the text output shows it: like `text(_:)`, but with one
    /// U+FFFD per byte that `decodeScalar` finds invalid, so that each column is one
    /// character and a caret under it lines up. (`String` gives one U+FFFD per invalid
    /// sequence, which can span up to three bytes.)
    public func displayText(_ range: TextRange) -> String {
        let s = max(0, min(range.start, bytes.count)), e = max(s, min(range.end, bytes.count))
        if !bytes[s..<e].contains(where: { $0 >= 0x80 }) { return text(range) }  // ASCII: the same
        var scalars = String.UnicodeScalarView()
        var i = s
        let least: [UInt32] = [0, 0, 0x80, 0x800, 0x10000]  // below these, a sequence is overlong
        while i < e {
            let (width, value) = SourceText.decodeScalar(bytes, at: i, limit: e)
            let valid = width == 1 ? value < 0x80 : value >= least[width]
            scalars.append(valid ? Unicode.Scalar(value) ?? "\u{FFFD}" : "\u{FFFD}")
            i += width
        }
        return String(scalars)
    }

    /// The width in bytes and the value of the scalar at `i`; an invalid byte counts as
    /// one scalar of one byte (U+FFFD), as an editor shows it. `limit`: where the text
    /// being walked ends.
    public static func decodeScalar(_ bytes: [UInt8], at i: Int, limit: Int) -> (Int, UInt32) {
        let b = bytes[i]
        let width = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
        guard width > 1, i + width <= limit else { return (1, b < 0x80 ? UInt32(b) : 0xFFFD) }
        var value = UInt32(b) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
        for k in 1..<width {
            let c = bytes[i + k]
            guard c & 0xC0 == 0x80 else { return (1, 0xFFFD) }
            value = value << 6 | UInt32(c & 0x3F)
        }
        return (width, value)
    }

    /// The text of a range; invalid UTF-8 becomes U+FFFD (the bytes themselves are kept).
    public func text(_ range: TextRange) -> String {
        let s = max(0, min(range.start, bytes.count)), e = max(s, min(range.end, bytes.count))
        // Through a buffer pointer: String's contiguous UTF-8 fast path, not the generic one.
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[s..<e]), as: UTF8.self) }
    }

    public func lineText(_ index: Int) -> String { text(lineRange(index)) }
}

/// Where each line starts, as byte offsets: kept in 32 bits (a note is at most
/// `SourceText.maximumSize` bytes), handed out as `Int`. A check holds one per note.
public struct LineStarts: RandomAccessCollection, Sendable {
    let offsets: [UInt32]

    public var startIndex: Int { 0 }
    public var endIndex: Int { offsets.count }
    public subscript(line: Int) -> Int { Int(offsets[line]) }
}
