/// Where a JSON parse failed, 1-based, columns in Unicode scalars.
public struct JSONParseError: Error, Sendable, Equatable {
    public var message: String
    public var line: Int
    public var column: Int
}

/// A strict JSON parser (RFC 8259) that also records where every value starts, keyed by
/// its JSON pointer (`/rules/PN306`), so that configuration errors can name a line and
/// column. Depth is limited so hostile input cannot exhaust the stack.
public struct JSONParser {
    public static let maximumDepth = 512

    /// Parses without recording positions (the fast path for protocol messages).
    public static func parse(_ text: String) throws(JSONParseError) -> JSON {
        var p = JSONParser(Array(text.unicodeScalars))
        p.recordPositions = false
        p.skipSpace()
        let value = try p.value(pointer: "", depth: 0)
        p.skipSpace()
        guard p.i == p.s.count else { throw p.error("unexpected text after the JSON value") }
        return value
    }

    public static func parse(bytes: [UInt8]) throws(JSONParseError) -> JSON {
        try parse(String(decoding: bytes, as: UTF8.self))
    }

    /// A parsed document with where each value (and each object key) starts, by JSON pointer.
    public struct Positioned: Sendable {
        public var value: JSON
        public var valuePositions: [String: (line: Int, column: Int)]
        public var keyPositions: [String: (line: Int, column: Int)]

        /// Where the key of the member at `pointer` starts, else where its value starts.
        public func position(ofKey pointer: String) -> (line: Int, column: Int) {
            keyPositions[pointer] ?? valuePositions[pointer] ?? (1, 1)
        }
    }

    public static func parseWithPositions(_ text: String) throws(JSONParseError) -> Positioned {
        var p = JSONParser(Array(text.unicodeScalars))
        p.skipSpace()
        let value = try p.value(pointer: "", depth: 0)
        p.skipSpace()
        guard p.i == p.s.count else { throw p.error("unexpected text after the JSON value") }
        return Positioned(value: value, valuePositions: p.positions, keyPositions: p.keyPositions)
    }

    private let s: [Unicode.Scalar]
    private var i = 0
    private var line = 1
    private var lineStart = 0
    private var positions: [String: (line: Int, column: Int)] = [:]
    private var keyPositions: [String: (line: Int, column: Int)] = [:]
    private var recordPositions = true

    private init(_ s: [Unicode.Scalar]) { self.s = s }

    private func error(_ message: String) -> JSONParseError {
        JSONParseError(message: message, line: line, column: i - lineStart + 1)
    }

    private mutating func skipSpace() {
        while i < s.count {
            switch s[i] {
            case "\n": line += 1; i += 1; lineStart = i
            case " ", "\t", "\r": i += 1
            default: return
            }
        }
    }

    private mutating func expect(_ c: Unicode.Scalar) throws(JSONParseError) {
        guard i < s.count, s[i] == c else { throw error("expected '\(c)'") }
        i += 1
    }

    private mutating func value(pointer: String, depth: Int) throws(JSONParseError) -> JSON {
        guard depth < JSONParser.maximumDepth else { throw error("nested too deeply") }
        guard i < s.count else { throw error("unexpected end of the text") }
        if recordPositions { positions[pointer] = (line, i - lineStart + 1) }
        switch s[i] {
        case "{": return try object(pointer: pointer, depth: depth)
        case "[": return try array(pointer: pointer, depth: depth)
        case "\"": return .string(try string())
        case "t": try literal("true"); return .bool(true)
        case "f": try literal("false"); return .bool(false)
        case "n": try literal("null"); return .null
        default: return try number()
        }
    }

    private mutating func literal(_ word: String) throws(JSONParseError) {
        for c in word.unicodeScalars {
            guard i < s.count, s[i] == c else { throw error("expected '\(word)'") }
            i += 1
        }
    }

    private mutating func object(pointer: String, depth: Int) throws(JSONParseError) -> JSON {
        i += 1
        var pairs: [(String, JSON)] = []
        skipSpace()
        if i < s.count, s[i] == "}" { i += 1; return .object([]) }
        while true {
            skipSpace()
            guard i < s.count, s[i] == "\"" else { throw error("expected a key in double quotes") }
            let keyPosition = (line, i - lineStart + 1)
            let key = try string()
            skipSpace()
            try expect(":")
            skipSpace()
            var childPointer = ""
            if recordPositions {
                childPointer = pointer + "/" + key.unicodeScalars.map { $0 == "~" ? "~0" : $0 == "/" ? "~1" : String($0) }.joined()
                keyPositions[childPointer] = keyPosition
            }
            pairs.append((key, try value(pointer: childPointer, depth: depth + 1)))
            skipSpace()
            guard i < s.count else { throw error("unexpected end of the text; expected ',' or '}'") }
            if s[i] == "," { i += 1; continue }
            if s[i] == "}" { i += 1; return .object(pairs) }
            throw error("expected ',' or '}'")
        }
    }

    private mutating func array(pointer: String, depth: Int) throws(JSONParseError) -> JSON {
        i += 1
        var items: [JSON] = []
        skipSpace()
        if i < s.count, s[i] == "]" { i += 1; return .array([]) }
        while true {
            skipSpace()
            items.append(try value(pointer: recordPositions ? pointer + "/\(items.count)" : "", depth: depth + 1))
            skipSpace()
            guard i < s.count else { throw error("unexpected end of the text; expected ',' or ']'") }
            if s[i] == "," { i += 1; continue }
            if s[i] == "]" { i += 1; return .array(items) }
            throw error("expected ',' or ']'")
        }
    }

    private mutating func string() throws(JSONParseError) -> String {
        i += 1
        var out = String.UnicodeScalarView()
        while i < s.count {
            let c = s[i]
            i += 1
            switch c {
            case "\"": return String(out)
            case "\\":
                guard i < s.count else { break }
                let e = s[i]
                i += 1
                switch e {
                case "\"": out.append("\"")
                case "\\": out.append("\\")
                case "/": out.append("/")
                case "b": out.append("\u{08}")
                case "f": out.append("\u{0C}")
                case "n": out.append("\n")
                case "r": out.append("\r")
                case "t": out.append("\t")
                case "u":
                    var code = try hex4()
                    if (0xD800...0xDBFF).contains(code), i + 1 < s.count, s[i] == "\\", s[i + 1] == "u" {
                        i += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid surrogate pair") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    out.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                default: throw error("invalid escape '\\\(e)'")
                }
            default:
                guard c.value >= 0x20 else { throw error("control character in a string") }
                out.append(c)
            }
        }
        throw error("string not closed")
    }

    private mutating func hex4() throws(JSONParseError) -> UInt32 {
        guard i + 4 <= s.count else { throw error("incomplete \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard let d = hexDigit(s[i]) else {
                throw error("invalid \\u escape")
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }

    private func hexDigit(_ c: Unicode.Scalar) -> UInt32? {
        if c.value >= 0x30 && c.value <= 0x39 { return c.value - 0x30 }
        return switch c {
        case "a", "A": 10
        case "b", "B": 11
        case "c", "C": 12
        case "d", "D": 13
        case "e", "E": 14
        case "f", "F": 15
        default: nil
        }
    }

    private mutating func number() throws(JSONParseError) -> JSON {
        let start = i
        if i < s.count, s[i] == "-" { i += 1 }
        func digits() -> Int {
            let from = i
            while i < s.count, s[i].value >= 0x30, s[i].value <= 0x39 { i += 1 }
            return i - from
        }
        let intDigits = digits()
        guard intDigits > 0 else { i = start; throw error("unexpected character '\(s[start])'") }
        if intDigits > 1 && s[start + (s[start] == "-" ? 1 : 0)] == "0" { throw error("leading zero in a number") }
        var isInteger = true
        if i < s.count, s[i] == "." {
            i += 1
            isInteger = false
            guard digits() > 0 else { throw error("expected digits after '.'") }
        }
        if i < s.count, s[i] == "e" || s[i] == "E" {
            i += 1
            isInteger = false
            if i < s.count, s[i] == "+" || s[i] == "-" { i += 1 }
            guard digits() > 0 else { throw error("expected digits in the exponent") }
        }
        let text = String(String.UnicodeScalarView(s[start..<i]))
        if isInteger, let v = Int(text) { return .int(v) }
        guard let d = Double(text) else { throw error("number out of range") }
        return .double(d)
    }
}

extension JSON {
    public var stringValue: String? { if case .string(let s) = self { return s }; return nil }
    public var intValue: Int? { if case .int(let i) = self { return i }; return nil }
    public var doubleValue: Double? {
        switch self {
        case .int(let i): Double(i)
        case .double(let d): d
        default: nil
        }
    }
    public var boolValue: Bool? { if case .bool(let b) = self { return b }; return nil }
    public var arrayValue: [JSON]? { if case .array(let a) = self { return a }; return nil }
    public var objectValue: [(String, JSON)]? { if case .object(let o) = self { return o }; return nil }
}
