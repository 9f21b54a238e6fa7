import Foundation

/// Bytes written one after the other into memory of its own, for JSON output. An `Array`
/// append checks uniqueness and capacity through a generic path on every call: for a
/// finding written as JSON (about thirty small appends) that was a third of its cost.
struct ByteBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = malloc(self.capacity)!.assumingMemoryBound(to: UInt8.self)
    }

    deinit { free(base) }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        let n = bytes.count
        guard n > 0 else { return }
        if count + n > capacity { grow(toHold: count + n) }
        UnsafeMutableRawPointer(base + count).copyMemory(from: bytes.baseAddress!, byteCount: n)
        count += n
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) { append(UnsafeRawBufferPointer(bytes)) }

    mutating func append(_ bytes: [UInt8]) { bytes.withUnsafeBytes { append($0) } }

    /// A literal's UTF-8, without making a `String` of it.
    @inline(__always)
    mutating func append(literal: StaticString) {
        append(UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    private mutating func grow(toHold needed: Int) {
        capacity = max(2 * capacity, needed)
        base = realloc(base, capacity)!.assumingMemoryBound(to: UInt8.self)
    }

    /// The bytes written, in an array of their size; the buffer is gone.
    consuming func finished() -> [UInt8] {
        [UInt8](UnsafeBufferPointer(start: base, count: count))
    }
}
