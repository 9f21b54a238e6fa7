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

    /// Every slot's value, with the slots emptied: the caller holds the only reference to
    /// each value. Call after the workers are done, when each slot is set.
    public func takeValues() -> [T] {
        lock.lock(); defer { lock.unlock() }
        let out = slots.map { $0! }
        slots = []
        return out
    }
}

/// The one way pnote spreads work over cores: pure work per index, results in index order,
/// so that a parallel run gives exactly the sequential run's result.
public enum Parallel {
    /// How many cores the process may use, asked once: on Linux, Foundation reads the
    /// cgroup's files under /sys for each question, and rendering asked once per file
    /// (33 ms of a 50 MB folder's output, on the main thread while the workers waited).
    public static let coreCount = ProcessInfo.processInfo.activeProcessorCount

    /// Whether this machine has more than one core to spread work over.
    public static var hasCores: Bool { coreCount > 1 }

    /// `transform` of each index of `0..<count`, on all cores when `parallel`, in order.
    public static func map<T>(_ count: Int, parallel: Bool = true, _ transform: @Sendable (Int) -> T) -> [T] {
        guard parallel && count > 1 else { return (0..<count).map(transform) }
        let slots = ParallelSlots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { slots.set($0, transform($0)) }
        return slots.takeValues()
    }

    /// `transform` of each index of `0..<count`, in order, on all cores, where each worker
    /// (one per core) makes its own `State` first and hands it to each index it takes: for
    /// caches that no two threads then share (a shared one has its entries' reference
    /// counts bounce between the cores).
    public static func map<T, State>(_ count: Int, perWorker makeState: @Sendable () -> State,
                                     _ transform: @Sendable (Int, State) -> T) -> [T] {
        let workers = min(count, coreCount)
        guard workers > 1 else {
            let state = makeState()
            return (0..<count).map { transform($0, state) }
        }
        let slots = ParallelSlots<T>(count: count)
        let next = NextIndex()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let state = makeState()
            while let i = next.take(below: count) { slots.set(i, transform(i, state)) }
        }
        return slots.takeValues()
    }

    /// The next index a worker takes, in order: workers that finish early take more.
    private final class NextIndex: @unchecked Sendable {
        private var next = 0
        private let lock = NSLock()

        func take(below count: Int) -> Int? {
            lock.lock(); defer { lock.unlock() }
            guard next < count else { return nil }
            next += 1
            return next - 1
        }
    }

    /// `body` of each index of `0..<count`, on all cores. For work that writes each index's
    /// own memory only (`Workspace` writing resolved references note by note).
    public static func forEach(_ count: Int, _ body: @Sendable (Int) -> Void) {
        guard count > 1 else { if count == 1 { body(0) }; return }
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }

    /// Work started on a thread of its own, for a single-core step that can run beside
    /// other work on all cores (the name index, made while references are resolved).
    /// Disabled, it runs at once on the caller's thread.
    public final class Background<T: Sendable>: @unchecked Sendable {
        private var result: T?
        private let done = DispatchSemaphore(value: 0)

        public init(enabled: Bool, _ work: @escaping @Sendable () -> T) {
            guard enabled else {
                result = work()
                done.signal()
                return
            }
            let thread = Thread { [self] in
                result = work()
                done.signal()
            }
            thread.start()
        }

        /// Its result, once the work is done.
        public func wait() -> T {
            done.wait()
            return result!
        }
    }

    /// `0..<count` cut into ranges of `size`, or by default into a few per core, so that
    /// work balances without a hand-over per item.
    public static func chunks(of count: Int, size: Int? = nil) -> [Range<Int>] {
        let pieces = coreCount * 4
        let size = max(1, size ?? (count + pieces - 1) / pieces)
        return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }
}

/// A buffer handed to parallel workers that each write their own elements only (the
/// caller's promise, hence unchecked): `Parallel.forEach` over disjoint indices.
struct DisjointWrites<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
}
