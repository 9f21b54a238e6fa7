import Foundation

/// Results written by parallel workers (`DispatchQueue.concurrentPerform`), each slot by
/// one worker, read back in order: parallel work with a sequential run's result.
public final class ParallelSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    public init(count: Int) { slots = Array(repeating: nil, count: count) }

    public func set(_ i: Int, _ value: T) {
        lock.lock(); slots[i] = value; lock.unlock()
    }

    /// Every slot's value; call after the workers are done, when each slot is set.
    public var values: [T] {
        lock.lock(); defer { lock.unlock() }
        return slots.map { $0! }
    }

    /// `values`, with the slots emptied: the caller holds the only reference to each value.
    public func takeValues() -> [T] {
        lock.lock(); defer { lock.unlock() }
        let out = slots.map { $0! }
        slots = []
        return out
    }
}
