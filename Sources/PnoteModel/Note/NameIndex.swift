import PnoteSyntax

/// Target groups and measures of a workspace by folded id and by folded title, for the
/// rules that compare notes (PN108, PN210). Without it those rules compare every block
/// with every block of every other note: a folder of 1,000 notes took minutes.
///
/// Keys are hashes of the folded names (the strings would double the memory of a large
/// workspace); a lookup returns candidates whose names callers compare exactly.
///
/// Names are kept apart per municipality (`gemeente`): notes of different municipalities
/// are never compared, and a corpus of many municipalities' notes, all with a group
/// "Mantelzorgers", must not make every note look at every other.
struct NameIndex: Sendable {
    /// Target groups and measures are indexed. A comparison, not a set: it is asked for
    /// every block of every note, and a set hashed the kind each time.
    static func isIndexed(_ kind: BlockKind) -> Bool { kind == .targetGroup || kind == .measure }

    /// Key → the blocks with that name, sorted by note and block, so that a lookup skips
    /// the asking note's own blocks by binary search, without looking at them: one large
    /// note full of blocks of the same name must not cost the square of their number.
    private var addresses: [Int: [BlockAddress]] = [:]

    /// Where note `n`'s run starts (or would start) in a sorted list, and where it ends.
    private static func run(of n: Int, in list: [BlockAddress]) -> Range<Int> {
        func firstIndex(notBefore note: Int) -> Int {
            var low = 0, high = list.count
            while low < high {
                let mid = (low + high) / 2
                if list[mid].note < note { low = mid + 1 } else { high = mid }
            }
            return low
        }
        return firstIndex(notBefore: n)..<firstIndex(notBefore: n + 1)
    }
    /// Folded municipality ("" for none) → how many notes declare it.
    private var municipalities: [String: Int] = [:]
    /// `municipalities[""]`, kept apart: every lookup asks it, and hashing a string for it
    /// cost more than the rest of the lookup.
    private var notesWithoutMunicipality = 0

    static func municipality(of note: Note) -> String { note.settings.municipality.map(Folding.fold) ?? "" }

    /// Note `n`'s folded municipality, as indexed (nil for a note not in the index).
    func municipality(ofNote n: Int) -> String? { n < entriesByNote.count ? entriesByNote[n]?.municipality : nil }

    private static func keys(municipality: String, kind: BlockKind, id: String, title: String) -> (byID: Int, byTitle: Int) {
        // ByteHash, not Hasher: PN108 and PN210 make four keys per block they look up.
        let partition = ByteHash.of(municipality, UInt64(kind.ordinal))
        return (Int(truncatingIfNeeded: ByteHash.of(id, partition)), Int(truncatingIfNeeded: ByteHash.of(title, ~partition)))
    }

    /// What a note puts in the index: its municipality, and per name a key and a block.
    struct Entries: Equatable, Sendable {
        var municipality: String
        var keys: [Int] = []
        var blocks: [Int] = []

        init(of note: Note) {
            municipality = NameIndex.municipality(of: note)
            for block in note.blocks where NameIndex.isIndexed(block.kind) {
                let (byID, byTitle) = NameIndex.keys(municipality: municipality, kind: block.kind, id: block.foldedID, title: block.foldedTitle)
                keys.append(byID); keys.append(byTitle)
                blocks.append(block.index); blocks.append(block.index)
            }
        }
    }

    /// Each note's entries as added: removing a note reads them instead of hashing its
    /// names again, and an edit that renames nothing leaves the index as it is.
    /// By note index (notes are numbered from 0 without gaps): an array, not a table, as
    /// every cross-note lookup reads its note's municipality here.
    private var entriesByNote: [Entries?] = []

    mutating func add(_ note: Note, at n: Int) {
        insert(Entries(of: note), at: n)
    }

    /// `add` with the note's entries made already (on another core).
    mutating func add(_ entries: Entries, at n: Int) {
        insert(entries, at: n)
    }

    /// Note `n` was replaced (an edit): its entries again, unless they are what they were.
    mutating func update(_ note: Note, at n: Int) {
        let entries = Entries(of: note)
        guard n >= entriesByNote.count || entries != entriesByNote[n] else { return }
        remove(at: n)
        insert(entries, at: n)
    }

    private mutating func insert(_ entries: Entries, at n: Int) {
        if n >= entriesByNote.count { entriesByNote += Array(repeating: nil, count: n + 1 - entriesByNote.count) }
        entriesByNote[n] = entries
        municipalities[entries.municipality, default: 0] += 1
        if entries.municipality.isEmpty { notesWithoutMunicipality += 1 }
        for (key, block) in zip(entries.keys, entries.blocks) {
            // Blocks come in order, so each goes at the end of its note's run; the list is
            // changed in place, with one lookup of its key.
            NameIndex.insert(BlockAddress(note: n, block: block), into: &addresses[key, default: []])
        }
    }

    private static func insert(_ address: BlockAddress, into list: inout [BlockAddress]) {
        list.insert(address, at: run(of: address.note, in: list).upperBound)
    }

    private mutating func remove(at n: Int) {
        guard n < entriesByNote.count, let entries = entriesByNote[n] else { return }
        entriesByNote[n] = nil
        municipalities[entries.municipality, default: 1] -= 1
        if entries.municipality.isEmpty { notesWithoutMunicipality -= 1 }
        if municipalities[entries.municipality] == 0 { municipalities[entries.municipality] = nil }
        for key in entries.keys {
            // A name used twice in the note was removed with its first key already.
            guard let run = addresses[key].map({ NameIndex.run(of: n, in: $0) }), !run.isEmpty else { continue }
            addresses[key]!.removeSubrange(run)  // in place: no other reference to the list is held
            if addresses[key]!.isEmpty { addresses[key] = nil }
        }
    }

    /// Hands `body` the blocks of `kind` whose folded id is `id` or whose folded title is
    /// `title` (both folded), in notes other than `note` that may describe the same policy as
    /// a note of `municipality` (the same one, or none declared on either side), possibly
    /// with a few hash collisions, in note and block order, until it returns false.
    ///
    /// The cross-note rules stop at the first that fits, so the lists are merged as they are
    /// read, not collected and sorted: each list is already in note and block order.
    func forEachCandidate(_ kind: BlockKind, id: String, title: String, municipality: String, otherThan note: Int,
                          _ body: (BlockAddress) -> Bool) {
        // Most notes declare a municipality and no note goes without: one partition, two
        // lists. A note without one is compared with every partition.
        var cursors: [Cursor] = []
        cursors.reserveCapacity(4)
        func add(_ partition: String) {
            let (byID, byTitle) = NameIndex.keys(municipality: partition, kind: kind, id: id, title: title)
            if let list = addresses[byID] { cursors.append(Cursor(list, skipping: note)) }
            if let list = addresses[byTitle] { cursors.append(Cursor(list, skipping: note)) }
        }
        if municipality.isEmpty {
            for partition in municipalities.keys { add(partition) }
        } else {
            // The asking note's own partition (if no note declares it, its lists are
            // simply not there), and the notes that declare none, if there are any.
            add(municipality)
            if notesWithoutMunicipality > 0 { add("") }
        }
        // Take the smallest head each time; a block found by both id and title comes up
        // twice in a row and is handed out once.
        var last: BlockAddress?
        while true {
            var smallest = -1
            for i in cursors.indices {
                guard let head = cursors[i].head else { continue }
                if smallest < 0 || NameIndex.precedes(head, cursors[smallest].head!) { smallest = i }
            }
            guard smallest >= 0 else { return }
            let address = cursors[smallest].head!
            cursors[smallest].advance()
            if address == last { continue }
            last = address
            if !body(address) { return }
        }
    }

    /// A place in one sorted list, which jumps over the asking note's run.
    private struct Cursor {
        let list: [BlockAddress]
        let own: Range<Int>
        var position: Int

        init(_ list: [BlockAddress], skipping note: Int) {
            self.list = list
            own = NameIndex.run(of: note, in: list)
            position = own.lowerBound == 0 ? own.upperBound : 0
        }

        var head: BlockAddress? { position < list.count ? list[position] : nil }

        mutating func advance() {
            position += 1
            if position == own.lowerBound { position = own.upperBound }
        }
    }

    private static func precedes(_ a: BlockAddress, _ b: BlockAddress) -> Bool {
        a.note < b.note || (a.note == b.note && a.block < b.block)
    }
}
