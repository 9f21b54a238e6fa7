import PnoteSyntax

/// A fast hash of bytes for the caches and indexes of the model, where `Hasher` (SipHash,
/// and a `String` to hash) cost more than the lookups saved. Eight bytes at a time,
/// multiplied and shifted: not a strong hash, so every user compares what it finds. The
/// seed is drawn per process, as `Hasher`'s is, so that names crafted to collide in one
/// run do not collide in the next.
enum ByteHash {
    static let processSeed = UInt64.random(in: .min ... .max)

    static func mix(_ bytes: UnsafeBufferPointer<UInt8>, _ seed: UInt64) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var h = (seed ^ processSeed ^ UInt64(bytes.count)) &* multiplier
        let raw = UnsafeRawBufferPointer(bytes)
        var i = 0
        while i + 8 <= raw.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* multiplier
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        if i < raw.count && raw.count >= 8 {
            // The last eight bytes in one load, overlapping words already mixed in.
            tail = raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self)
        } else {
            while i < raw.count {
                tail = tail << 8 | UInt64(raw[i])
                i += 1
            }
        }
        h = (h ^ tail) &* multiplier
        return h ^ (h >> 32)
    }

    static func of(_ text: String, _ seed: UInt64) -> UInt64 {
        text.withUTF8Bytes { mix($0, seed) }
    }
}

/// A text as a key of the model's memos (`BoundedCache`), hashed once with `ByteHash`:
/// `Hasher` (SipHash) over a string, once per lookup and again per probe, was most of
/// a lookup (as for `NameIndex.Name`).
struct HashedText: Hashable, Sendable {
    let text: String
    private let hash: Int

    init(_ text: String) {
        self.text = text
        hash = Int(truncatingIfNeeded: ByteHash.of(text, 0x74657874))
    }

    static func == (a: HashedText, b: HashedText) -> Bool { a.hash == b.hash && a.text == b.text }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    func _rawHashValue(seed: Int) -> Int { hash ^ seed }
}
