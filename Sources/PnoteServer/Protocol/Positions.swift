import PnoteJSON
import PnoteSyntax

/// How `Position.character` counts (LSP 3.17 `positionEncoding`).
public enum PositionEncoding: String, Sendable {
    case utf8 = "utf-8", utf16 = "utf-16", utf32 = "utf-32"

    /// The first encoding in the client's list (its order of preference) that the server
    /// supports; UTF-16 when the client lists none.
    public static func negotiate(_ offered: [String]) -> PositionEncoding {
        offered.lazy.compactMap(PositionEncoding.init(rawValue:)).first ?? .utf16
    }
}

extension PositionEncoding {
    /// How many units of this encoding a scalar of `width` bytes takes.
    func units(width: Int, scalar: UInt32) -> Int {
        switch self {
        case .utf8: width
        case .utf16: scalar > 0xFFFF ? 2 : 1
        case .utf32: 1
        }
    }

    /// Where a walk along `bytes` from `i` (at `units`) to `end` reaches `target` units; it
    /// stops before a scalar or surrogate pair that would go past it (clamping, as editors do).
    func advance(in bytes: [UInt8], from i: Int, to end: Int, units: Int, target: Int) -> Int {
        var i = i, units = units
        bytes.withUnsafeBytes { raw in
            while i < end && units < target {
                // Eight ASCII bytes are eight units in every encoding: long lines of prose
                // (edited in one message, in `EditableText`) are walked a word at a time.
                if i + 8 <= end && units + 8 <= target
                    && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    units += 8
                    continue
                }
                let (width, scalar) = SourceText.decodeScalar(bytes, at: i, limit: end)
                let size = self.units(width: width, scalar: scalar)
                if units + size > target { break }  // inside a surrogate pair or a multibyte scalar
                units += size
                i += width
            }
        }
        return i
    }
}

public struct Position: Hashable, Sendable {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    public var json: JSON { .object([("line", .int(line)), ("character", .int(character))]) }

    public init(json: JSON) throws(ResponseError) {
        guard let line = json["line"]?.intValue, let character = json["character"]?.intValue else {
            throw .invalidParams("a position needs integer 'line' and 'character'")
        }
        self.init(line: line, character: character)
    }
}

public struct LSPRange: Hashable, Sendable {
    public var start: Position
    public var end: Position

    public init(start: Position, end: Position) {
        self.start = start
        self.end = end
    }

    public var json: JSON { .object([("start", start.json), ("end", end.json)]) }

    public init(json: JSON) throws(ResponseError) {
        guard let s = json["start"], let e = json["end"] else { throw .invalidParams("a range needs 'start' and 'end'") }
        self.init(start: try Position(json: s), end: try Position(json: e))
    }
}

/// Conversions between byte offsets and LSP positions in the negotiated encoding.
/// Positions past the end of a line or of the document are clamped, never fatal.
extension SourceText {
    public func offset(of position: Position, _ encoding: PositionEncoding) -> Int {
        guard position.line >= 0 else { return bomLength }
        guard position.line < lineCount else { return bytes.count }
        let range = lineRange(position.line)
        var i = range.start
        var units = 0
        let target = max(0, position.character)
        if let point = checkpoints.stop(line: position.line, atMost: target, { point in
            switch encoding {
            case .utf8: Int(point.stop) - range.start
            case .utf16: Int(point.utf16)
            case .utf32: Int(point.scalars)
            }
        }) {
            i = Int(point.stop)
            units = encoding == .utf8 ? i - range.start : encoding == .utf16 ? Int(point.utf16) : Int(point.scalars)
        }
        return encoding.advance(in: bytes, from: i, to: range.end, units: units, target: target)
    }

    public func position(of offset: Int, _ encoding: PositionEncoding) -> Position {
        let clamped = min(max(offset, bomLength), bytes.count)
        let line = lineIndex(of: clamped)
        var i = lineStarts[line]
        var units = 0
        // An offset inside the line terminator counts as the end of the line.
        let end = min(clamped, lineRange(line).end)
        if let point = checkpoints.stop(line: line, start: i, atOrBefore: end) {
            units = encoding == .utf8 ? Int(point.stop) - i : encoding == .utf16 ? Int(point.utf16) : Int(point.scalars)
            i = Int(point.stop)
        }
        while i < end {
            let (width, scalar) = decodeScalar(at: i, limit: end)
            units += encoding.units(width: width, scalar: scalar)
            i += width
        }
        return Position(line: line, character: units)
    }

    public func range(_ range: TextRange, _ encoding: PositionEncoding) -> LSPRange {
        LSPRange(start: position(of: range.start, encoding), end: position(of: range.end, encoding))
    }

    public func textRange(_ range: LSPRange, _ encoding: PositionEncoding) -> TextRange {
        let a = offset(of: range.start, encoding), b = offset(of: range.end, encoding)
        return TextRange(min(a, b), max(a, b))
    }

    func decodeScalar(at i: Int, limit: Int) -> (Int, UInt32) {
        SourceText.decodeScalar(bytes, at: i, limit: limit)
    }
}
