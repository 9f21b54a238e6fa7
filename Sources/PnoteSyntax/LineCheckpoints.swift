/// Counts taken every `step` bytes along long lines, so that turning an offset into a
/// column, or a column back into an offset, counts at most about `step` bytes instead of
/// the whole line. Without them 20,000 findings on one 80 kB line (a pasted list of
/// references) counted 1.6 billion bytes: seconds for `pnote check`, minutes for a
/// 200 kB line, and the same for the server on every keystroke.
///
/// Columns (`SourceLocation`) and LSP positions step scalar by scalar
/// (`SourceText.decodeScalar`), so the walk is resumed only where it stops: the first stop
/// at or after each step (`stop`), with the UTF-16 units and scalars before it. Every byte
/// that does not continue a sequence is such a stop, so a stop is at most three bytes past
/// its step.
public struct LineCheckpoints: Sendable {
    public static let step = 512

    public struct Point: Sendable {
        public var stop: UInt32
        public var utf16: UInt32
        public var scalars: UInt32
    }

    /// Line index → its points; only lines longer than `step` have any. Point `k` is at
    /// `lineStart + (k + 1) * step`.
    private(set) var lines: [Int: [Point]] = [:]

    init() {}

    /// `lineEnd`: each line's end without its terminator, where the LSP walk stops.
    init(bytes: [UInt8], lineStarts: LineStarts, fullLineEnd: (Int) -> Int, lineEnd: (Int) -> Int) {
        for line in lineStarts.indices where fullLineEnd(line) - lineStarts[line] > LineCheckpoints.step {
            lines[line] = LineCheckpoints.points(bytes, start: lineStarts[line], fullEnd: fullLineEnd(line), end: lineEnd(line))
        }
    }

    private static func points(_ bytes: [UInt8], start: Int, fullEnd: Int, end: Int) -> [Point] {
        var points: [Point] = []
        let count = (fullEnd - start) / step
        points.reserveCapacity(count)
        // The scalar walk of `position(of:)`, up to the line's end.
        var i = start, utf16 = 0, scalars = 0, next = start + step
        for _ in 0..<count {
            while i < end && i < next {
                let (width, scalar) = SourceText.decodeScalar(bytes, at: i, limit: end)
                utf16 += scalar > 0xFFFF ? 2 : 1
                scalars += 1
                i += width
            }
            points.append(Point(stop: UInt32(i), utf16: UInt32(utf16), scalars: UInt32(scalars)))
            next += step
        }
        return points
    }

    /// The last stop of the scalar walk at or before `offset` on `line`.
    public func stop(line: Int, start: Int, atOrBefore offset: Int) -> Point? {
        guard offset - start >= LineCheckpoints.step, let points = lines[line] else { return nil }
        var k = min((offset - start) / LineCheckpoints.step, points.count) - 1
        while k >= 0 && Int(points[k].stop) > offset { k -= 1 }
        return k >= 0 ? points[k] : nil
    }

    /// The last stop of the scalar walk with at most `units` before it, counting units
    /// with `measure`, which grows along the line.
    public func stop(line: Int, atMost units: Int, _ measure: (Point) -> Int) -> Point? {
        guard let points = lines[line], let first = points.first, measure(first) <= units else { return nil }
        var lo = 0, hi = points.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if measure(points[mid]) <= units { lo = mid } else { hi = mid - 1 }
        }
        return points[lo]
    }
}
