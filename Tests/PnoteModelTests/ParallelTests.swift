import Foundation
import Testing
@testable import PnoteModel

/// Work spread over cores must give the sequential run's result, in order.
@Suite struct ParallelTests {
    /// A worker's state: counts the indices it was handed, and notices being used by two
    /// threads at once (what `map(_:perWorker:_:)` promises never happens).
    final class WorkerState: @unchecked Sendable {
        private let lock = NSLock()
        private var busy = false
        private(set) var overlapped = false
        private(set) var handled = 0

        func use(_ body: () -> Void) {
            lock.lock()
            if busy { overlapped = true }
            busy = true
            lock.unlock()
            body()
            lock.lock()
            busy = false
            handled += 1
            lock.unlock()
        }
    }

    final class Made: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var states: [WorkerState] = []
        func add(_ state: WorkerState) { lock.lock(); states.append(state); lock.unlock() }
    }

    @Test func perWorkerStateMapsInOrderAndIsNeverShared() {
        for count in [0, 1, 2, 7, 1_000] {
            let made = Made()
            let result = Parallel.map(count, perWorker: { () -> WorkerState in
                let state = WorkerState()
                made.add(state)
                return state
            }) { i, state in
                var square = 0
                state.use { square = i * i }
                return square
            }
            #expect(result == (0..<count).map { $0 * $0 }, "\(count) indices")
            #expect(made.states.count <= max(1, ProcessInfo.processInfo.activeProcessorCount), "one state per worker")
            #expect(made.states.reduce(0) { $0 + $1.handled } == count, "each index handed to one worker once")
            #expect(!made.states.contains { $0.overlapped }, "no state used by two threads at once")
        }
    }
}
