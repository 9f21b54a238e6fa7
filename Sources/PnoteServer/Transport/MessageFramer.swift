/// The LSP base protocol (`Content-Length: N\r\n\r\n` + N bytes of JSON) as a pure,
/// restartable function over bytes: feed whatever arrived, take out whole messages.
/// Split and concatenated buffers give the same messages.
///
/// Bad framing never stops the server. A header block without a valid `Content-Length`
/// is dropped and the framer looks for the next `Content-Length:`; a message larger than
/// `maximumMessageSize` is skipped byte by byte as it arrives, so memory stays bounded.
public struct MessageFramer: Sendable {
    /// Larger messages are refused (and their bytes skipped). A 50 MB note fits.
    public static let maximumMessageSize = 64 * 1024 * 1024
    /// A header block longer than this without its blank line is garbage.
    public static let maximumHeaderSize = 8 * 1024

    public enum Frame: Sendable, Equatable {
        case message([UInt8])
        case error(FramingError)
    }

    public enum FramingError: Sendable, Equatable {
        case missingContentLength
        case invalidContentLength(String)
        case tooLarge(Int)
        case headerTooLong

        public var description: String {
            switch self {
            case .missingContentLength: "a message header without Content-Length"
            case .invalidContentLength(let v): "an invalid Content-Length '\(v)'"
            case .tooLarge(let n): "a message of \(n) bytes, above the maximum of \(MessageFramer.maximumMessageSize)"
            case .headerTooLong: "a header longer than \(MessageFramer.maximumHeaderSize) bytes"
            }
        }
    }

    private var buffer: [UInt8] = []
    private var start = 0
    private var skipRemaining = 0

    public init() {}

    public mutating func append(_ bytes: [UInt8]) {
        if skipRemaining > 0 {
            let skipped = min(skipRemaining, bytes.count)
            skipRemaining -= skipped
            buffer.append(contentsOf: bytes[skipped...])
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// The next complete message or framing error; nil when more bytes are needed.
    public mutating func next() -> Frame? {
        compact()
        guard skipRemaining == 0, start < buffer.count else { return nil }
        guard let headerEnd = find([0x0D, 0x0A, 0x0D, 0x0A], from: start) else {
            if buffer.count - start > MessageFramer.maximumHeaderSize {
                resynchronise(orDropThrough: buffer.count)
                return .error(.headerTooLong)
            }
            return nil
        }
        let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
        let bodyStart = headerEnd + 4
        var length: Int?
        var invalid: String?
        for line in header.split(separator: "\r\n", omittingEmptySubsequences: true) {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased().trimmingSpaces == "content-length" else { continue }
            let value = parts[1].trimmingSpaces
            if let n = Int(value), n >= 0 { length = n } else { invalid = value }
        }
        guard let length else {
            resynchronise(orDropThrough: bodyStart)
            return .error(invalid.map { .invalidContentLength($0) } ?? .missingContentLength)
        }
        if length > MessageFramer.maximumMessageSize {
            let available = buffer.count - bodyStart
            skipRemaining = max(0, length - available)
            start = min(buffer.count, bodyStart + length)
            return .error(.tooLarge(length))
        }
        guard buffer.count - bodyStart >= length else { return nil }
        let body = Array(buffer[bodyStart..<(bodyStart + length)])
        start = bodyStart + length
        return .message(body)
    }

    /// After bad framing: continue at the next `Content-Length:` after the current start
    /// (garbage glued to a real header is dropped), else drop through `end`, keeping only
    /// a tail that may be the start of a marker. Invariant: `start` always moves forward,
    /// so the framer can never return the same error twice for the same bytes.
    private mutating func resynchronise(orDropThrough end: Int) {
        let marker = Array("Content-Length:".utf8)
        if let next = find(marker, from: start + 1) {
            start = next
        } else {
            start = min(buffer.count, max(start + 1, min(end, buffer.count - marker.count + 1)))
        }
    }

    private func find(_ needle: [UInt8], from: Int) -> Int? {
        guard buffer.count >= needle.count, from <= buffer.count - needle.count else { return nil }
        var i = from
        let last = buffer.count - needle.count
        while i <= last {
            if buffer[i] == needle[0] {
                var k = 1
                while k < needle.count && buffer[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    private mutating func compact() {
        if start > 0 && start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
    }

    /// Frames a message body for sending.
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        guard let first = firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let last = lastIndex(where: { $0 != " " && $0 != "\t" })!
        return String(self[first...last])
    }
}
