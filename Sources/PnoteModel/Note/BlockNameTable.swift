/// A note's block indices by folded id or by folded title: open addressing over the block
/// indices, hashed from the name's bytes, each hit confirmed against the block's own
/// folded name. Two dictionaries of strings, and a list per id, were a twelfth of a large
/// check's memory; this is four bytes per slot, and no string is hashed twice.
struct BlockNameTable: Sendable {
    enum Name: Sendable { case id, title }

    let name: Name
    /// Block indices; -1 is an empty slot. Twice the entries, rounded up to a power of two.
    private var slots: [Int32] = []
    /// Whether two blocks share a name (PN006 looks only then).
    private(set) var hasDuplicates = false

    /// Every block with a non-empty name (`.id`), or the first block of each name (`.title`).
    init(_ name: Name, of blocks: [Block]) {
        self.name = name
        let entries = name == .id ? blocks.lazy.filter { !$0.id.isEmpty }.count : blocks.count
        guard entries > 0 else { return }
        var capacity = 8
        while capacity < entries * 2 { capacity *= 2 }
        slots = Array(repeating: -1, count: capacity)
        for block in blocks where name == .title || !block.id.isEmpty {
            let key = self.key(block)
            var i = slot(of: key)
            var seenBefore = false
            while slots[i] >= 0 {
                if !seenBefore && self.key(blocks[Int(slots[i])]) == key { seenBefore = true }
                if seenBefore && name == .title { break }
                i = (i + 1) & (capacity - 1)
            }
            hasDuplicates = hasDuplicates || seenBefore
            if slots[i] < 0 { slots[i] = Int32(block.index) }
        }
    }

    /// The indices of the blocks named `folded`, in block order (probing meets them in the
    /// order they were put in).
    func all(_ folded: String, in blocks: [Block]) -> [Int] {
        var out: [Int] = []
        forEach(folded, in: blocks) { out.append($0); return true }
        return out
    }

    /// The first block named `folded`.
    func first(_ folded: String, in blocks: [Block]) -> Int? {
        var found: Int?
        forEach(folded, in: blocks) { found = $0; return false }
        return found
    }

    private func forEach(_ folded: String, in blocks: [Block], _ body: (Int) -> Bool) {
        guard !slots.isEmpty else { return }
        var i = slot(of: folded)
        while slots[i] >= 0 {
            let index = Int(slots[i])
            if index < blocks.count && key(blocks[index]) == folded && !body(index) { return }
            i = (i + 1) & (slots.count - 1)
        }
    }

    private func key(_ block: Block) -> String { name == .id ? block.foldedID : block.foldedTitle }

    private func slot(of folded: String) -> Int {
        Int(truncatingIfNeeded: ByteHash.of(folded, name == .id ? 0x6964 : 0x7469746C)) & (slots.count - 1)
    }
}
