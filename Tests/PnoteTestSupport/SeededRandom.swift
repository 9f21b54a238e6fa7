/// A small deterministic random source for the differential tests, so that a failure
/// reproduces from its seed.
public struct SeededRandom {
    public var state: UInt64

    public init(state: UInt64) { self.state = state }

    /// A number in `0..<n` (0 when `n` is 0 or less).
    public mutating func next(_ n: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(max(1, n)))
    }
}
