import Foundation
import PnoteSyntax

/// Typed field values already read, keyed by what decides them: block kind, language, the
/// key and the value as written. Notes repeat their values (`periode: 2024-2027`,
/// `taakveld: 6.1`), and in the editor every keystroke rebuilds a note whose fields are
/// nearly all unchanged; reading money and indicator values is the costly part of a build.
///
/// A lookup reads the source bytes in place: it hashes them, and a hit compares them with
/// the text it keeps, so no string is made for a value that was read before (making and
/// hashing strings cost more than the lookup saved). Collisions are therefore harmless.
///
/// Values carry no positions, so a cached value is exact wherever the text stands.
/// References do carry positions and are never cached. The cache is bounded: it has a
/// fixed number of slots, a new value replaces the one in its slot, and long values are
/// not kept, so memory stays flat whatever is checked.
public final class FieldReadCache: @unchecked Sendable {
    /// A class: a hit hands it out with one retain, not one per string and value.
    final class Entry: Sendable {
        let kind: BlockKind
        let language: Language
        /// The line as written, from the key to the end of the value: a hit is one
        /// comparison of bytes (key and value compared apart were two).
        let line: [UInt8]
        /// What the field says: every field that reads the same shares this box (and
        /// writing to one of them copies it first).
        let content: Field.Content

        init(kind: BlockKind, language: Language, line: UnsafeBufferPointer<UInt8>, content: Field.Content) {
            self.kind = kind
            self.language = language
            self.line = Array(line)
            self.content = content
        }
    }

    /// Longer lines (from the key to the end of the value) are read every time: they rarely
    /// repeat, and the cache's memory stays bounded in bytes, not only in entries.
    public static let maximumTextBytes = 256

    /// The server's cache: every edit rebuilds a note through it. `pnote check` gives each
    /// worker thread a cache of its own instead (`Parallel.map(_:perWorker:_:)`): the boxes
    /// a cache hands out are shared by every field that reads the same, and boxes shared by
    /// fields built on two cores had their reference counts bounce between the cores (a
    /// tenth of a 50 MB check's time).
    public static let shared = FieldReadCache(capacity: defaultCapacity)
    public static let defaultCapacity = 20_000

    /// Direct mapped: an entry lives in the slot its hash picks, and a new value for that
    /// slot replaces it. No table to hash into again, grow or empty when full.
    /// Read and written under `lock` (or by one thread only). Each slot holds its entry
    /// with one reference of its own (taken by `store`, given back when replaced or in
    /// `deinit`), so a lookup reads an entry in place: a list of optionals retained the
    /// list and the entry, and released both, for every field of every note.
    private let slots: UnsafeMutablePointer<Unmanaged<Entry>?>
    private let slotCount: Int
    private let slotMask: UInt64
    /// Nil for a cache that one thread uses at a time (`pnote check`'s, one per worker):
    /// taking an uncontended lock twice per field was 1% of a check.
    private let lock: NSLock?
    /// Tests only: every line hashes alike, so that every lookup collides. A flag, not a
    /// replaceable hash function: calling a closure kept in the cache retained and released
    /// the cache around every lookup (two atomic operations per field of every note).
    private let everyLineCollides: Bool

    /// At least `capacity` slots (a power of two). `oneThreadAtATime`: the caller promises
    /// that no two threads use the cache at once, and it takes no lock.
    public convenience init(capacity: Int, oneThreadAtATime: Bool = false) {
        self.init(capacity: capacity, oneThreadAtATime: oneThreadAtATime, everyLineCollides: false)
    }

    /// `everyLineCollides`: for tests, every lookup lands on one slot.
    init(capacity: Int, oneThreadAtATime: Bool = false, everyLineCollides: Bool) {
        lock = oneThreadAtATime ? nil : NSLock()
        var size = 1
        while size < capacity { size *= 2 }
        slots = .allocate(capacity: size)
        slots.initialize(repeating: nil, count: size)
        slotCount = size
        slotMask = UInt64(size - 1)
        self.everyLineCollides = everyLineCollides
    }

    deinit {
        for i in 0..<slotCount { slots[i]?.release() }
        slots.deallocate()
    }

    /// The slot key of a field whose line reads `line`, from its key to the end of its value
    /// (`niveau: selectief`): one hash over the bytes as they stand, kind and language
    /// spreading the keys. A hit compares the line itself, so the same key and value with
    /// other spacing between them is read anew (and gives the same value).
    func key(kind: BlockKind, language: Language, line: UnsafeBufferPointer<UInt8>) -> UInt64 {
        everyLineCollides ? 42 : ByteHash.mix(line, UInt64(kind.ordinal) << 1 | (language == .nl ? 0 : 1))
    }

    /// The content of the entry for a field whose line reads `line`, if the cache has it.
    func content(_ hashKey: UInt64, kind: BlockKind, language: Language, line: UnsafeBufferPointer<UInt8>) -> Field.Content? {
        lock?.lock(); defer { lock?.unlock() }
        // Under the lock: a store may replace (and release) the entry meanwhile.
        return slots[Int(hashKey & slotMask)]?._withUnsafeGuaranteedRef { entry in
            guard entry.kind == kind, entry.language == language, FieldReadCache.equal(entry.line, line) else { return nil }
            return entry.content
        }
    }

    func store(_ entry: Entry, for hashKey: UInt64) {
        lock?.lock()
        let slot = slots + Int(hashKey & slotMask)
        slot.pointee?.release()
        slot.pointee = Unmanaged.passRetained(entry)
        lock?.unlock()
    }

    /// How many slots hold an entry.
    public var count: Int {
        lock?.lock(); defer { lock?.unlock() }
        return (0..<slotCount).reduce(0) { $0 + (slots[$1] == nil ? 0 : 1) }
    }

    private static func equal(_ stored: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // The count first: most misses differ in length.
        guard stored.count == bytes.count else { return false }
        return stored.withUnsafeBufferPointer { $0.isEmpty || memcmp($0.baseAddress!, bytes.baseAddress!, $0.count) == 0 }
    }
}
