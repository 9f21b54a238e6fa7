/// Values by block index: what a note's blocks are linked to (`Note.measureTargets` and
/// the other link tables). A list as long as the blocks, looked up and filled without
/// hashing: as dictionaries keyed by block index, the links hashed an integer per
/// question and per entry (SipHash), 3% of a check.
///
/// Reads like the dictionary it replaces: `table[block]` is nil for a block without a
/// value, and the table is a sequence of `(key, value)` pairs, in block order.
public struct BlockTable<Value: Sendable>: Sendable, Sequence {
    private var slots: [Value?] = []
    /// How many blocks have a value.
    public private(set) var count = 0

    public init() {}

    /// A table for a note of `blockCount` blocks, none with a value yet.
    init(blockCount: Int) {
        slots = Array(repeating: nil, count: blockCount)
    }

    public var isEmpty: Bool { count == 0 }

    public subscript(block: Int) -> Value? {
        get { block >= 0 && block < slots.count ? slots[block] : nil }
        set {
            precondition(block >= 0, "block indices are not negative")
            if block >= slots.count {
                guard newValue != nil else { return }
                slots += Array(repeating: nil, count: block + 1 - slots.count)
            }
            count += (newValue != nil ? 1 : 0) - (slots[block] != nil ? 1 : 0)
            slots[block] = newValue
        }
    }

    /// The values, in block order.
    public var values: [Value] { slots.compactMap { $0 } }

    public func makeIterator() -> Iterator { Iterator(slots: slots) }

    public struct Iterator: IteratorProtocol {
        fileprivate let slots: [Value?]
        fileprivate var position = 0

        public mutating func next() -> (key: Int, value: Value)? {
            while position < slots.count {
                defer { position += 1 }
                if let value = slots[position] { return (position, value) }
            }
            return nil
        }
    }
}
