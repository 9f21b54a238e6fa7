/// A JSON value whose objects keep their key order, so output matches the documented
/// shape field for field (spec section 10).
public indirect enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])
    /// JSON serialized already, written as it is: parts of a large document written on
    /// all cores. In pretty output it must have been written at the indent it stands at
    /// (`serializedBytes(pretty:indent:)`). Never made by the parser.
    case verbatim([UInt8])

    public static func == (a: JSON, b: JSON) -> Bool { a.serialized() == b.serialized() }

    public subscript(key: String) -> JSON? {
        if case .object(let pairs) = self { return pairs.first { $0.0 == key }?.1 }
        return nil
    }

    /// Compact by default; `pretty` indents by two spaces.
    public func serialized(pretty: Bool = false) -> String {
        String(decoding: serializedBytes(pretty: pretty), as: UTF8.self)
    }

    /// The UTF-8 of `serialized`. Written as bytes: appending to a byte array costs a
    /// tenth of appending to a `String`, and output (JSON, SARIF, every message of the
    /// server) is mostly small appends.
    public func serializedBytes(pretty: Bool = false) -> [UInt8] { serializedBytes(pretty: pretty, indent: 0) }

    /// As if the value stood `indent` levels deep in a pretty document. `capacity`: the
    /// expected size, for a large document assembled from `verbatim` parts.
    public func serializedBytes(pretty: Bool, indent: Int, capacity: Int = 256) -> [UInt8] {
        var out = ByteBuffer(capacity: capacity)
        write(to: &out, pretty: pretty, indent: indent)
        return out.finished()
    }

    fileprivate func write(to out: inout ByteBuffer, pretty: Bool, indent: Int) {
        switch self {
        case .null: out.append(literal: "null")
        case .bool(let b): out.append(literal: b ? "true" : "false")
        case .int(let i): JSON.writeInt(i, to: &out)
        case .double(let d):
            if !d.isFinite {
                out.append(literal: "null")
            } else if d == d.rounded() && abs(d) < 1e15 {
                JSON.writeInt(Int(d), to: &out)
            } else {
                out.append(Array(String(d).utf8))
            }
        case .string(let s): JSON.writeString(s, to: &out)
        case .verbatim(let bytes): out.append(bytes)
        case .array(let items):
            if items.isEmpty { out.append(literal: "[]"); return }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { JSON.newline(indent + 1, to: &out) }
                item.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { JSON.newline(indent, to: &out) }
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            if pairs.isEmpty { out.append(literal: "{}"); return }
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { JSON.newline(indent + 1, to: &out) }
                JSON.writeString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(UInt8(ascii: " ")) }
                value.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { JSON.newline(indent, to: &out) }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ indent: Int, to out: inout ByteBuffer) {
        out.append(0x0A)
        // Copied from a row of spaces: appended from `repeatElement` one by one, indenting
        // was a twentieth of writing a SARIF document.
        var n = 2 * indent
        while n > 0 {
            let k = min(n, spaces.count)
            spaces.withUnsafeBufferPointer { out.append(UnsafeBufferPointer(rebasing: $0[..<k])) }
            n -= k
        }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    static func writeInt(_ value: Int, to out: inout ByteBuffer) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        // The magnitude as UInt: Int.min has none as an Int.
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var at = buffer.count
            repeat {
                at -= 1
                buffer[at] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            // As raw bytes, not a slice: a contiguous append is one copy.
            out.append(UnsafeRawBufferPointer(rebasing: buffer[at...]))
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Whether any byte of `word` is a control character, `"` or a backslash (exact, not a guess:
    /// bytes of 0x80 and up, in UTF-8 sequences, never count).
    @inline(__always)
    static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        let below32 = (word &- 0x20 &* ones) & ~word & highs != 0
        return below32 || hasZeroByte(word ^ (0x22 &* ones)) || hasZeroByte(word ^ (0x5C &* ones))
    }

    static func writeString(_ s: String, to out: inout ByteBuffer) {
        out.append(UInt8(ascii: "\""))
        appendEscaped(s, to: &out)
        out.append(UInt8(ascii: "\""))
    }

    /// `s` as the inside of a JSON string.
    static func appendEscaped(_ s: String, to out: inout ByteBuffer) {
        // In place where the string allows (a copy of it to call `withUTF8` was a retain
        // and a release per string written).
        if s.utf8.withContiguousStorageIfAvailable({ appendEscaped($0, to: &out) }) == nil {
            var s = s
            s.withUTF8 { appendEscaped($0, to: &out) }
        }
    }

    /// UTF-8 `bytes` as the inside of a JSON string.
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout ByteBuffer) {
        do {
            // Most strings need no escape: copy them whole (messages, paths, source text).
            // Eight bytes at a time up to the first word that may hold one.
            var plainFrom = 0
            var clean = 0
            let raw = UnsafeRawBufferPointer(bytes)
            while clean + 8 <= raw.count, !needsEscape(raw.loadUnaligned(fromByteOffset: clean, as: UInt64.self)) { clean += 8 }
            for i in clean..<bytes.count {
                let b = bytes[i]
                guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
                out.append(UnsafeBufferPointer(rebasing: bytes[plainFrom..<i]))
                plainFrom = i + 1
                switch b {
                case 0x22: out.append(literal: "\\\"")
                case 0x5C: out.append(literal: "\\\\")
                case 0x0A: out.append(literal: "\\n")
                case 0x0D: out.append(literal: "\\r")
                case 0x09: out.append(literal: "\\t")
                default:
                    // Other control characters as \u00XX, lower-case hex.
                    out.append(literal: "\\u00")
                    out.append(hexDigits[Int(b >> 4)])
                    out.append(hexDigits[Int(b & 0x0F)])
                }
            }
            out.append(UnsafeBufferPointer(rebasing: bytes[plainFrom...]))
        }
    }
}

/// Writes one JSON object straight into bytes, for output written per finding, where
/// building a `JSON` value first cost as much as writing it. Keys are literals, written
/// as they are: they must not need escaping.
public struct JSONObjectWriter: ~Copyable {
    private var bytes: ByteBuffer
    private var empty = true

    public init(capacity: Int = 256) {
        bytes = ByteBuffer(capacity: capacity)
        bytes.append(UInt8(ascii: "{"))
    }

    private mutating func key(_ key: StaticString) {
        if !empty { bytes.append(UInt8(ascii: ",")) }
        empty = false
        bytes.append(UInt8(ascii: "\""))
        bytes.append(literal: key)
        bytes.append(literal: "\":")
    }

    public mutating func field(_ name: StaticString, _ value: String) {
        key(name)
        JSON.writeString(value, to: &bytes)
    }

    /// A string handed over in pieces of UTF-8: `pieces` calls the function it is given with
    /// each, in order (a message kept as a template and its arguments, written without joining).
    public mutating func field(_ name: StaticString, pieces: ((UnsafeBufferPointer<UInt8>) -> Void) -> Void) {
        key(name)
        bytes.append(UInt8(ascii: "\""))
        pieces { JSON.appendEscaped($0, to: &bytes) }
        bytes.append(UInt8(ascii: "\""))
    }

    public mutating func field(_ name: StaticString, _ value: Int) {
        key(name)
        JSON.writeInt(value, to: &bytes)
    }

    public mutating func field(_ name: StaticString, _ value: JSON) {
        key(name)
        value.write(to: &bytes, pretty: false, indent: 0)
    }

    /// Closes this object and opens the next after a comma: a run of objects (one file's
    /// findings) written into one buffer, not an array of bytes each.
    public mutating func startNextObject() {
        bytes.append(literal: "},{")
        empty = true
    }

    /// The object (the last object), closed.
    public consuming func finished() -> [UInt8] {
        bytes.append(UInt8(ascii: "}"))
        return bytes.finished()
    }
}
