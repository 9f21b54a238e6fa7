/// Where a renderer writes its output: into one string, or on to a stream in pieces as it
/// goes (the CLI's standard output). Streamed, a large folder's output (17 MB of JSON for
/// 50 MB of notes) is never held whole; held whole, it was held twice, as bytes and then
/// as the string made of them.
public struct OutputSink {
    /// About this many bytes are handed on at a time.
    public static let pieceSize = 1 << 16

    private var pending: [UInt8] = []
    private let destination: Destination

    private enum Destination {
        case collected
        case strings((String) -> Void)
        case bytes((ArraySlice<UInt8>) -> Void)
    }

    /// Collects the output, for `collected()`.
    public init() { destination = .collected }

    /// Hands `deliver` the output in pieces of bytes, as they are: no string is made of
    /// them (for a stream that takes bytes). Call `finish()` at the end.
    public init(deliveringBytes deliver: @escaping (ArraySlice<UInt8>) -> Void) {
        destination = .bytes(deliver)
        pending.reserveCapacity(OutputSink.pieceSize + 4096)
    }

    /// Hands `deliver` the output in pieces, each ending on a character boundary, so that
    /// no piece splits a UTF-8 sequence. Call `finish()` at the end.
    public init(delivering deliver: @escaping (String) -> Void) {
        destination = .strings(deliver)
        pending.reserveCapacity(OutputSink.pieceSize + 4096)
    }

    public mutating func append(_ bytes: [UInt8]) {
        pending += bytes
        deliverIfFull()
    }

    public mutating func append(_ text: String) {
        pending += text.utf8
        deliverIfFull()
    }

    public mutating func append(_ byte: UInt8) {
        pending.append(byte)
    }

    /// Hands on what is left.
    public mutating func finish() {
        guard !pending.isEmpty else { return }
        switch destination {
        case .collected: return
        case .strings(let deliver): deliver(String(decoding: pending, as: UTF8.self))
        case .bytes(let deliver): deliver(pending[...])
        }
        pending.removeAll(keepingCapacity: false)
    }

    /// Everything written, for a sink made with `init()`.
    public func collected() -> String { String(decoding: pending, as: UTF8.self) }

    private mutating func deliverIfFull() {
        guard pending.count >= OutputSink.pieceSize else { return }
        switch destination {
        case .collected:
            return
        case .bytes(let deliver):
            deliver(pending[...])
            pending.removeAll(keepingCapacity: true)
        case .strings(let deliver):
            // Cut before the last sequence's first byte (or after an ASCII byte): what
            // follows may not be complete yet.
            var cut = pending.count
            while cut > 0 && pending[cut - 1] & 0xC0 == 0x80 { cut -= 1 }
            if cut > 0 && pending[cut - 1] >= 0xC0 { cut -= 1 }
            if cut == 0 { cut = pending.count }  // no boundary at all: invalid bytes, hand them on
            deliver(String(decoding: pending[..<cut], as: UTF8.self))
            pending.removeSubrange(..<cut)
        }
    }
}
