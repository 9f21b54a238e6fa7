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
        while i < range.end && units < target {
            let (width, scalar) = decodeScalar(at: i, limit: range.end)
            let size = switch encoding {
            case .utf8: width
            case .utf16: scalar > 0xFFFF ? 2 : 1
            case .utf32: 1
            }
            if units + size > target { break }  // inside a surrogate pair or a multibyte scalar
            units += size
            i += width
        }
        return i
    }

    public func position(of offset: Int, _ encoding: PositionEncoding) -> Position {
        let clamped = min(max(offset, bomLength), bytes.count)
        let line = lineIndex(of: clamped)
        var i = lineStarts[line]
        var units = 0
        // An offset inside the line terminator counts as the end of the line.
        let end = min(clamped, lineRange(line).end)
        while i < end {
            let (width, scalar) = decodeScalar(at: i, limit: end)
            let size = switch encoding {
            case .utf8: width
            case .utf16: scalar > 0xFFFF ? 2 : 1
            case .utf32: 1
            }
            units += size
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

    /// The width in bytes and the value of the scalar at `i`; an invalid byte counts as
    /// one scalar of one byte (U+FFFD), as the editor shows it.
    func decodeScalar(at i: Int, limit: Int) -> (Int, UInt32) {
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
}
