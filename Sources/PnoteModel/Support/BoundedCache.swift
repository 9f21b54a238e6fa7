import Foundation

/// A locked dictionary that starts again when it is full: results of pure functions of
/// text (field values, group classes), kept while the same text keeps coming back, with
/// memory that stays flat whatever is checked.
public final class BoundedCache<Key: Hashable & Sendable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [Key: Value] = [:]
    private let capacity: Int

    public init(capacity: Int) { self.capacity = capacity }

    public func value(for key: Key) -> Value? {
        lock.lock(); defer { lock.unlock() }
        return entries[key]
    }

    public func store(_ value: Value, for key: Key) {
        lock.lock(); defer { lock.unlock() }
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = value
    }

    /// The cached value, or `make()`'s, stored. `make` runs outside the lock.
    public func value(for key: Key, orMake make: () -> Value) -> Value {
        if let known = value(for: key) { return known }
        let made = make()
        store(made, for: key)
        return made
    }

    public var count: Int {
        lock.lock(); defer { lock.unlock() }
        return entries.count
    }
}
