/// A note's block indices by folded id or by folded title: open addressing over the block
/// indices, hashed from the name's bytes, each hit confirmed against the block's own
/// folded name. Two dictionaries of strings, and a list per id, were a twelfth of a large
/// check's memory; this is four bytes per slot, and no string is hashed twice.
///
/// A slot holds the first block of a name. The later blocks of the same id follow it in a
/// chain (`nextWithSameName`), so a name shared by a million blocks costs one slot and one
/// step per block, not a probe past all the others.
struct BlockNameTable: Sendable {
    enum Name: Sendable { case id, title }

    let name: Name
    /// Block indices; -1 is an empty slot. Twice the names, rounded up to a power of two.
    private var slots: [Int32] = []
    /// Per block (`.id` only): the next block with the same id, or -1.
    private var nextWithSameName: [Int32] = []
    /// Whether two blocks share a name (PN006 looks only then).
    private(set) var hasDuplicates = false

    /// Every block with a non-empty name (`.id`), or the first block of each name (`.title`).
    init(_ name: Name, of blocks: [Block]) {
        self.name = name
        // Each block's name read once, into a list the probes compare against: read from
        // the block at every probe, a name cost a copy of the block and of the string
        // (a table was 800 instructions a block).
        var keys: [String] = []
        keys.reserveCapacity(blocks.count)
        var entries = 0
        for b in blocks.indices {
            let indexed = name == .title || !blocks[b].id.isEmpty
            keys.append(indexed ? (name == .id ? blocks[b].foldedID : blocks[b].foldedTitle) : "")
            if indexed { entries += 1 }
        }
        guard entries > 0 else { return }
        var capacity = 8
        while capacity < entries * 2 { capacity *= 2 }
        slots = Array(repeating: -1, count: capacity)
        var lastWithSameName: [Int32] = []  // per slot, the chain's end while building
        if name == .id {
            nextWithSameName = Array(repeating: -1, count: blocks.count)
            lastWithSameName = Array(repeating: -1, count: capacity)
        }
        for b in blocks.indices where name == .title || !blocks[b].id.isEmpty {
            var i = slot(of: keys[b])
            while slots[i] >= 0 && keys[Int(slots[i])] != keys[b] { i = (i + 1) & (capacity - 1) }
            guard slots[i] >= 0 else {
                slots[i] = Int32(b)
                if name == .id { lastWithSameName[i] = Int32(b) }
                continue
            }
            hasDuplicates = true
            guard name == .id else { continue }  // titles keep their first block only
            nextWithSameName[Int(lastWithSameName[i])] = Int32(b)
            lastWithSameName[i] = Int32(b)
        }
    }

    /// The indices of the blocks named `folded`, in block order.
    func all(_ folded: String, in blocks: [Block]) -> [Int] {
        guard var index = first(folded, in: blocks) else { return [] }
        var out = [index]
        while name == .id, index < nextWithSameName.count, nextWithSameName[index] >= 0 {
            index = Int(nextWithSameName[index])
            out.append(index)
        }
        return out
    }

    /// The first block named `folded`.
    func first(_ folded: String, in blocks: [Block]) -> Int? {
        guard !slots.isEmpty else { return nil }
        var i = slot(of: folded)
        while slots[i] >= 0 {
            let index = Int(slots[i])
            if index < blocks.count && key(blocks[index]) == folded { return index }
            i = (i + 1) & (slots.count - 1)
        }
        return nil
    }

    private func key(_ block: Block) -> String { name == .id ? block.foldedID : block.foldedTitle }

    private func slot(of folded: String) -> Int {
        Int(truncatingIfNeeded: ByteHash.of(folded, name == .id ? 0x6964 : 0x7469746C)) & (slots.count - 1)
    }
}
