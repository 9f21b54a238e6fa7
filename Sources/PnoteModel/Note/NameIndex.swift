import PnoteSyntax

/// Target groups and measures of a workspace by folded id and by folded title, for the
/// rules that compare notes (PN108, PN210). Without it those rules compare every block
/// with every block of every other note: a folder of 1,000 notes took minutes.
///
/// Each distinct name is a group: the blocks that carry it, in note and block order. A
/// lookup reads the two groups of a name (by id and by title) and hands out their blocks
/// merged, so a block found in them is one with that name; nothing needs checking again.
///
/// Names are kept apart per municipality (`gemeente`): notes of different municipalities
/// are never compared, and a corpus of many municipalities' notes, all with a group
/// "Mantelzorgers", must not make every note look at every other.
struct NameIndex: Sendable {
    /// Target groups and measures are indexed. A comparison, not a set: it is asked for
    /// every block of every note, and a set hashed the kind each time.
    static func isIndexed(_ kind: BlockKind) -> Bool { kind == .targetGroup || kind == .measure }

    /// A block in a group: where it is, a target group's class under the standard lexicon
    /// and whether a measure has a readable budget, kept here so that PN108 and PN210 pass
    /// over the blocks of a name without reading anything else (a cold read per twin was a
    /// third of a rule), and its place among the note's indexed blocks. 16 bytes.
    struct Member: Sendable, Equatable {
        let note: Int32
        let block: Int32
        /// `IndexedBlock.slot`: what the index keeps of the block is found without a search.
        let slot: Int32
        let standardGroupClass: TargetGroupClass?
        let hasReadableBudget: Bool

        /// The member for the `k`th name of `entries`, of note `n`.
        init(_ entries: Entries, _ k: Int, note n: Int) {
            note = Int32(n)
            block = entries.blocks[k]
            slot = Int32(k / 2)
            // Two names per block; read field by field, not the block's whole entry copied out.
            standardGroupClass = entries.indexed[k / 2].standardGroupClass
            hasReadableBudget = entries.indexed[k / 2].hasReadableBudget
        }

        var address: BlockAddress { BlockAddress(note: Int(note), block: Int(block)) }

        /// The member's standard class as a bit (`Group.classMask`); 0 for none.
        var classBit: UInt8 { standardGroupClass.map(NameIndex.classBit) ?? 0 }
    }

    /// A name as the index tells names apart: folded, of one kind, an id or a title, in one
    /// municipality ("" for none). Hashed once, with `ByteHash`: `Hasher` over two strings
    /// cost more than the lookup.
    struct Name: Hashable, Sendable {
        let municipality: String
        let text: String
        let kind: BlockKind
        let isTitle: Bool
        private let hash: Int

        /// `seed`: `Name.seed(municipality:kind:isTitle:)`, made once for many names.
        init(municipality: String, kind: BlockKind, isTitle: Bool, text: String, seed: UInt64) {
            self.municipality = municipality
            self.text = text
            self.kind = kind
            self.isTitle = isTitle
            hash = Int(truncatingIfNeeded: ByteHash.of(text, seed))
        }

        static func seed(municipality: String, kind: BlockKind, isTitle: Bool) -> UInt64 {
            ByteHash.of(municipality, UInt64(kind.ordinal) << 1 | (isTitle ? 1 : 0))
        }

        /// Which of the index's two tables holds the name (`groupOfName`): a high bit of its
        /// hash, as the tables' buckets are found from the low bits.
        var shard: Int { (hash >> 40) & 1 }

        static func == (a: Name, b: Name) -> Bool {
            a.hash == b.hash && a.kind == b.kind && a.isTitle == b.isTitle && a.text == b.text && a.municipality == b.municipality
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }

        /// The table's hash is the name's own, mixed with the table's seed: `Hasher` (SipHash)
        /// over it again was half the cost of a lookup. The hash is seeded per process already.
        func _rawHashValue(seed: Int) -> Int { hash ^ seed }
    }

    /// A name's blocks, sorted by note and block, so that a lookup skips the asking note's
    /// own blocks by binary search, without looking at them: one large note full of blocks
    /// of the same name must not cost the square of their number. A group whose blocks are
    /// all gone is free (no name) and taken again by the next new name.
    private struct Group: Sendable {
        var name: Name?
        private(set) var blocks: [Member] = []
        /// Which standard classes the members may have (`Member.classBit`): PN108 asks of
        /// every target group whether a twin is classed otherwise, and where no member is,
        /// this says so without a look at them (in a folder of many notes sharing names, the
        /// look went through every note's twin). At least the classes present: a member
        /// replaced in place leaves its old bit until the group loses a run of members.
        private(set) var classMask: UInt8 = 0

        init(name: Name?) { self.name = name }

        mutating func reserveCapacity(_ count: Int) { blocks.reserveCapacity(count) }

        mutating func append(_ member: Member) {
            blocks.append(member)
            classMask |= member.classBit
        }

        mutating func insert(_ member: Member, at i: Int) {
            blocks.insert(member, at: i)
            classMask |= member.classBit
        }

        mutating func replace(at i: Int, with member: Member) {
            blocks[i] = member
            classMask |= member.classBit
        }

        mutating func removeSubrange(_ range: Range<Int>) {
            blocks.removeSubrange(range)  // in place: no other reference to the list is held
            classMask = blocks.reduce(0) { $0 | $1.classBit }
        }
    }

    private var groups: [Group] = []
    /// Name → group, in two tables by `Name.shard`: a new workspace's index fills them on
    /// two cores at once (`add(allNotes:parallel:)`). A table holds its groups' numbers
    /// less its `firstGroup`: the second table's groups follow the first's, whose count is
    /// known only when both are made, and renumbering its names took a serial pass.
    private var groupOfName: [[Name: Int]] = [[:], [:]]
    private var firstGroup = [0, 0]
    private var freeGroups: [Int] = []

    /// What a note puts in the index: its municipality, and per name (two per block, by id
    /// and by title) the block. Made on any core; the index takes them in note order.
    struct Entries: Sendable {
        var municipality: String
        var names: [Name] = []
        var blocks: [Int32] = []
        /// Per indexed block (one per two names), what the rules that compare notes read.
        var indexed: [IndexedBlock] = []

        init(of note: Note) {
            let municipality = NameIndex.municipality(of: note)
            self.municipality = municipality
            // The seeds of the note's partition, per kind and id or title, made once.
            var seeds = [(id: UInt64, title: UInt64)?](repeating: nil, count: BlockKind.allCases.count)
            let count = note.blocks(of: .targetGroup).count + note.blocks(of: .measure).count
            names.reserveCapacity(2 * count)
            blocks.reserveCapacity(2 * count)
            indexed.reserveCapacity(count)
            // By place: a block is looked at (its kind read in place) before it is copied.
            let noteBlocks = note.blocks
            for b in noteBlocks.indices where NameIndex.isIndexed(noteBlocks[b].kind) {
                let block = noteBlocks[b]
                let kind = block.kind
                if seeds[kind.ordinal] == nil {
                    seeds[kind.ordinal] = (Name.seed(municipality: municipality, kind: kind, isTitle: false),
                                           Name.seed(municipality: municipality, kind: kind, isTitle: true))
                }
                let seed = seeds[kind.ordinal]!
                names.append(Name(municipality: municipality, kind: kind, isTitle: false, text: block.foldedID, seed: seed.id))
                names.append(Name(municipality: municipality, kind: kind, isTitle: true, text: block.foldedTitle, seed: seed.title))
                blocks.append(Int32(block.index)); blocks.append(Int32(block.index))
                indexed.append(IndexedBlock(block, slot: indexed.count))
            }
        }
    }

    /// What the index keeps of a note: its municipality, and per name its block and group.
    /// Removing the note reads them instead of its names; an edit that renames nothing
    /// leaves the index as it is. By note index (notes are numbered from 0 without gaps).
    ///
    /// A class of constants: a lookup reads one through a single reference, where a struct
    /// of four lists was copied out whole (four retains and releases per question, on
    /// objects both cores touch; a third of PN210 and PN108).
    private final class Stored: Sendable {
        let municipality: String
        let blocks: [Int32]
        let groups: [Int32]
        /// Per indexed block, in block order (`blocks` names each twice).
        let indexed: [IndexedBlock]

        init(municipality: String, blocks: [Int32], groups: [Int32], indexed: [IndexedBlock]) {
            self.municipality = municipality
            self.blocks = blocks
            self.groups = groups
            self.indexed = indexed
        }
    }

    private var storedByNote: [Stored?] = []

    /// Folded municipality ("" for none) → how many notes declare it.
    private var municipalities: [String: Int] = [:]
    /// `municipalities[""]`, kept apart: every lookup asks it.
    private var notesWithoutMunicipality = 0

    static func municipality(of note: Note) -> String { note.settings.municipality.map(Folding.fold) ?? "" }

    /// Note `n`'s indexed blocks, in block order (empty for a note not in the index).
    func indexedBlocks(ofNote n: Int) -> [IndexedBlock] { n < storedByNote.count ? storedByNote[n]?.indexed ?? [] : [] }

    /// What the index keeps of a member's block.
    func indexedBlock(of member: Member) -> IndexedBlock { storedByNote[Int(member.note)]!.indexed[Int(member.slot)] }

    /// Note `n`'s folded municipality, as indexed (nil for a note not in the index).
    func municipality(ofNote n: Int) -> String? { n < storedByNote.count ? storedByNote[n]?.municipality : nil }

    mutating func add(_ note: Note, at n: Int) {
        insert(note.nameEntries ?? Entries(of: note), at: n)
    }

    /// Notes 0, 1, … of a new workspace, with their entries made already (on all cores).
    /// Every group is made at its size: grown an address at a time, the groups' lists were
    /// reallocated five times each. `parallel`: each of the two name tables is filled on a
    /// core of its own (the same index either way; tests compare).
    mutating func add(allNotes entries: [Entries], parallel: Bool = false) {
        precondition(storedByNote.isEmpty && groups.isEmpty, "a new index")
        for note in entries {
            municipalities[note.municipality, default: 0] += 1
            if note.municipality.isEmpty { notesWithoutMunicipality += 1 }
        }
        // Each table's names are numbered in order of first use, and their groups made at
        // their sizes and filled in note and block order, by the table's own worker. Each
        // name's number within its table goes into one flat list over all notes' names.
        let firstName = entries.reduce(into: [0]) { $0.append($0.last! + $1.names.count) }
        var ids = [Int32](repeating: 0, count: firstName.last!)
        struct Table: Sendable { var groupOfName: [Name: Int] = [:], groups: [Group] = [] }
        let tables: [Table] = ids.withUnsafeMutableBufferPointer { buffer in
            let ids = DisjointWrites(buffer: buffer)  // each name's slot is written by its table's worker only
            return Parallel.map(2, parallel: parallel) { shard in
                var table = Table()
                var sizes: [Int32] = []
                for (n, note) in entries.enumerated() {
                    for k in note.names.indices where note.names[k].shard == shard {
                        let name = note.names[k]
                        let g: Int
                        if let known = table.groupOfName[name] { g = known } else {
                            g = sizes.count
                            table.groupOfName[name] = g
                            table.groups.append(Group(name: name))
                            sizes.append(0)
                        }
                        sizes[g] += 1
                        ids.buffer[firstName[n] + k] = Int32(g)
                    }
                }
                for g in table.groups.indices { table.groups[g].reserveCapacity(Int(sizes[g])) }
                for (n, note) in entries.enumerated() {
                    for k in note.names.indices where note.names[k].shard == shard {
                        table.groups[Int(ids.buffer[firstName[n] + k])].append(Member(note, k, note: n))
                    }
                }
                return table
            }
        }
        // The first table's groups, then the second's: a group's number is its place.
        let offset = tables[0].groups.count
        groups = tables[0].groups + tables[1].groups
        groupOfName = [tables[0].groupOfName, tables[1].groupOfName]
        firstGroup = [0, offset]
        // What each note keeps, made on all cores (a list per note, a name at a time).
        let groupIDs = ids
        storedByNote = Parallel.map(entries.count, parallel: parallel) { n in
            let note = entries[n]
            let numbers = note.names.indices.map { k in groupIDs[firstName[n] + k] + (note.names[k].shard == 1 ? Int32(offset) : 0) }
            return Stored(municipality: note.municipality, blocks: note.blocks, groups: numbers, indexed: note.indexed)
        }
    }

    /// The number of the group of `name`, if it has one.
    private func groupNumber(of name: Name) -> Int? {
        groupOfName[name.shard][name].map { $0 + firstGroup[name.shard] }
    }

    /// Note `n` was replaced (an edit): its entries again, unless they are what they were.
    mutating func update(_ note: Note, at n: Int) {
        let entries = note.nameEntries ?? Entries(of: note)
        if n < storedByNote.count, let stored = storedByNote[n], stored.municipality == entries.municipality,
           stored.blocks == entries.blocks, zip(stored.groups, entries.names).allSatisfy({ groups[Int($0)].name == $1 }) {
            // The same names in the same blocks; what they say (class, budget, ranges) may differ.
            storedByNote[n] = Stored(municipality: stored.municipality, blocks: stored.blocks, groups: stored.groups, indexed: entries.indexed)
            for k in entries.names.indices {
                let g = Int(stored.groups[k])
                // By binary search within the note's run: a note full of blocks of one name
                // must not cost the square of their number per edit.
                let run = NameIndex.run(of: n, in: groups[g].blocks)
                var low = run.lowerBound, high = run.upperBound
                while low < high {
                    let mid = (low + high) / 2
                    if groups[g].blocks[mid].block < entries.blocks[k] { low = mid + 1 } else { high = mid }
                }
                if low < groups[g].blocks.count && groups[g].blocks[low].block == entries.blocks[k] && Int(groups[g].blocks[low].note) == n {
                    groups[g].replace(at: low, with: Member(entries, k, note: n))
                }
            }
            return
        }
        remove(at: n)
        insert(entries, at: n)
    }

    private mutating func insert(_ entries: Entries, at n: Int) {
        if n >= storedByNote.count { storedByNote += Array(repeating: nil, count: n + 1 - storedByNote.count) }
        municipalities[entries.municipality, default: 0] += 1
        if entries.municipality.isEmpty { notesWithoutMunicipality += 1 }
        var ids: [Int32] = []
        ids.reserveCapacity(entries.names.count)
        for k in entries.names.indices {
            let g = group(named: entries.names[k])
            let member = Member(entries, k, note: n)
            // Notes are mostly added in order, and blocks come in order: most go at the end.
            if let last = groups[g].blocks.last, !NameIndex.precedes(last, member) {
                groups[g].insert(member, at: NameIndex.run(of: n, in: groups[g].blocks).upperBound)
            } else {
                groups[g].append(member)
            }
            ids.append(Int32(g))
        }
        storedByNote[n] = Stored(municipality: entries.municipality, blocks: entries.blocks, groups: ids, indexed: entries.indexed)
    }

    /// The group of `name`, made (or a free one taken) if there is none.
    private mutating func group(named name: Name) -> Int {
        if let g = groupNumber(of: name) { return g }
        let g: Int
        if let free = freeGroups.popLast() {
            g = free
            groups[g].name = name
        } else {
            g = groups.count
            groups.append(Group(name: name))
        }
        groupOfName[name.shard][name] = g - firstGroup[name.shard]
        return g
    }

    private mutating func remove(at n: Int) {
        guard n < storedByNote.count, let stored = storedByNote[n] else { return }
        storedByNote[n] = nil
        municipalities[stored.municipality, default: 1] -= 1
        if stored.municipality.isEmpty { notesWithoutMunicipality -= 1 }
        if municipalities[stored.municipality] == 0 { municipalities[stored.municipality] = nil }
        for g in stored.groups.lazy.map(Int.init) {
            // A name used twice in the note was removed with its first block already.
            let run = NameIndex.run(of: n, in: groups[g].blocks)
            guard !run.isEmpty else { continue }
            groups[g].removeSubrange(run)
            if groups[g].blocks.isEmpty, let name = groups[g].name {
                groupOfName[name.shard][name] = nil
                groups[g].name = nil
                freeGroups.append(g)
            }
        }
    }

    /// Hands `body` the blocks of `kind` whose folded id is `id` or whose folded title is
    /// `title` (both folded), in notes other than `note` that may describe the same policy as
    /// a note of `municipality` (the same one, or none declared on either side), in note and
    /// block order, each once, until it returns false.
    ///
    /// `block`: the asking block's index in `note`, if it is the note's own. Its two groups
    /// are then those the index keeps for it, found without hashing a name.
    func forEachBlock(named kind: BlockKind, id: String, title: String, municipality: String, otherThan note: Int,
                      block: Int? = nil, slot: Int? = nil, _ body: (Member) -> Bool) {
        if !municipality.isEmpty && notesWithoutMunicipality == 0, let block,
           let (byID, byTitle) = ownGroups(of: block, slot: slot, in: note, kind: kind, id: id, title: title, municipality: municipality) {
            // Read in place: copying the two lists out retained and released them, on lists
            // both cores read (the rules that compare notes ask for every block).
            groups.withUnsafeBufferPointer { groups in
                groups[byID].blocks.withUnsafeBufferPointer { a in
                    groups[byTitle].blocks.withUnsafeBufferPointer { b in NameIndex.merge(a, b, skipping: note, body) }
                }
            }
            return
        }
        func blocks(_ partition: String, isTitle: Bool) -> [Member] {
            let seed = Name.seed(municipality: partition, kind: kind, isTitle: isTitle)
            let name = Name(municipality: partition, kind: kind, isTitle: isTitle, text: isTitle ? title : id, seed: seed)
            return groupNumber(of: name).map { groups[$0].blocks } ?? []
        }
        // Most notes declare a municipality and no note goes without: one partition, two
        // groups. A note without one is compared with every partition.
        if !municipality.isEmpty && notesWithoutMunicipality == 0 {
            NameIndex.merge(blocks(municipality, isTitle: false), blocks(municipality, isTitle: true), skipping: note, body)
            return
        }
        // The asking note's own partition (if no note declares it, its groups are simply
        // not there), and the notes that declare none; or, for a note without, all.
        let partitions = municipality.isEmpty ? Array(municipalities.keys) : [municipality, ""]
        if partitions.count == 1 {
            NameIndex.merge(blocks(partitions[0], isTitle: false), blocks(partitions[0], isTitle: true), skipping: note, body)
            return
        }
        // Several partitions (rare): their blocks collected and sorted, each once.
        var all: [Member] = []
        for partition in partitions {
            for list in [blocks(partition, isTitle: false), blocks(partition, isTitle: true)] {
                let own = NameIndex.run(of: note, in: list)
                all += list[..<own.lowerBound]
                all += list[own.upperBound...]
            }
        }
        all.sort(by: NameIndex.precedes)
        for (i, member) in all.enumerated() where i == 0 || all[i - 1] != member {
            if !body(member) { return }
        }
    }

    /// A target group's class as a bit of `Group.classMask`.
    static func classBit(_ cls: TargetGroupClass) -> UInt8 {
        switch cls {
        case .population: 1
        case .riskFactor: 2
        case .earlySigns: 4
        case .diagnosis: 8
        }
    }

    /// False when no block that `forEachBlock` would hand out for one of note `n`'s own
    /// indexed blocks has a standard class other than `cls` (nor would any block of the
    /// note itself): read from its two groups' class masks. True when some may, or when the
    /// groups are not the note's own (see `ownGroups`).
    func twinsMayBeClassed(otherThan cls: TargetGroupClass, as block: IndexedBlock, inNote n: Int) -> Bool {
        guard notesWithoutMunicipality == 0, let municipality = municipality(ofNote: n), !municipality.isEmpty,
              let (byID, byTitle) = ownGroups(of: block.index, slot: block.slot, in: n, kind: block.kind,
                                              id: block.foldedID, title: block.foldedTitle, municipality: municipality)
        else { return true }
        return (groups[byID].classMask | groups[byTitle].classMask) & ~NameIndex.classBit(cls) != 0
    }

    /// The groups of block `block` of note `n` by id and by title, as the index keeps them
    /// for the note: nil unless they are the groups of exactly these names (the block may
    /// be an edited copy, asked on behalf of another note, or of another kind).
    ///
    /// `slot`: where the block stands among the note's indexed blocks (`IndexedBlock.slot`),
    /// if the caller knows: then it is read there, not searched for.
    private func ownGroups(of block: Int, slot: Int? = nil, in n: Int, kind: BlockKind, id: String, title: String,
                           municipality: String) -> (Int, Int)? {
        guard n < storedByNote.count, let stored = storedByNote[n], stored.municipality == municipality else { return nil }
        // Two names per indexed block (by id, then by title), in block order.
        var low = 0, high = stored.blocks.count / 2
        if let slot, 2 * slot + 1 < stored.blocks.count, Int(stored.blocks[2 * slot]) == block {
            low = slot
        } else {
            while low < high {
                let mid = (low + high) / 2
                if Int(stored.blocks[2 * mid]) < block { low = mid + 1 } else { high = mid }
            }
        }
        guard 2 * low + 1 < stored.blocks.count, Int(stored.blocks[2 * low]) == block else { return nil }
        let byID = Int(stored.groups[2 * low]), byTitle = Int(stored.groups[2 * low + 1])
        func holds(_ g: Int, _ text: String, isTitle: Bool) -> Bool {
            guard let name = groups[g].name else { return false }
            return name.kind == kind && name.isTitle == isTitle && name.text == text
        }
        return holds(byID, id, isTitle: false) && holds(byTitle, title, isTitle: true) ? (byID, byTitle) : nil
    }

    /// The blocks of two sorted groups, merged, each once, without note `note`'s run: a
    /// block found by both id and title is at the head of both at once.
    private static func merge<List: RandomAccessCollection<Member>>(_ a: List, _ b: List, skipping note: Int,
                                                                   _ body: (Member) -> Bool) where List.Index == Int {
        let ownA = run(of: note, in: a), ownB = run(of: note, in: b)
        func next(_ k: Int, _ own: Range<Int>) -> Int { k + 1 == own.lowerBound ? own.upperBound : k + 1 }
        var i = ownA.lowerBound == 0 ? ownA.upperBound : 0
        var j = ownB.lowerBound == 0 ? ownB.upperBound : 0
        while i < a.count || j < b.count {
            let member: Member
            if j == b.count || (i < a.count && !precedes(b[j], a[i])) {
                member = a[i]
                i = next(i, ownA)
                if j < b.count && b[j] == member { j = next(j, ownB) }
            } else {
                member = b[j]
                j = next(j, ownB)
            }
            if !body(member) { return }
        }
    }

    /// Where note `n`'s run starts (or would start) in a sorted list, and where it ends.
    private static func run<List: RandomAccessCollection<Member>>(of n: Int, in list: List) -> Range<Int> where List.Index == Int {
        func firstIndex(notBefore note: Int) -> Int {
            var low = 0, high = list.count
            while low < high {
                let mid = (low + high) / 2
                if Int(list[mid].note) < note { low = mid + 1 } else { high = mid }
            }
            return low
        }
        return firstIndex(notBefore: n)..<firstIndex(notBefore: n + 1)
    }

    private static func precedes(_ a: Member, _ b: Member) -> Bool {
        a.note < b.note || (a.note == b.note && a.block < b.block)
    }
}

/// What the rules that compare notes (PN108, PN210) read of a target group or measure,
/// kept by the name index: they then read no block of another note (a cold read per
/// twin), and `pnote check` may let a note's blocks go once the rules that read the note
/// alone have run (`Note.withoutBlocks`).
public struct IndexedBlock: Sendable {
    public let index: Int
    /// Its place among its note's indexed blocks (`Workspace.indexedBlocks(ofNote:)`).
    public let slot: Int
    public let kind: BlockKind
    public let title: String
    public let foldedID: String
    public let foldedTitle: String
    public let headingRange: TextRange
    /// The first `kenmerk` field's value, else the heading: where a target group's class is
    /// decided.
    public let criterionRange: TextRange
    /// `Block.standardClassification`'s class.
    public let standardGroupClass: TargetGroupClass?
    /// Whether the block has a `budget` field, and whether the first one could be read.
    public let hasBudget: Bool
    public let hasReadableBudget: Bool

    init(_ block: Block, slot: Int) {
        index = block.index
        self.slot = slot
        kind = block.kind
        title = block.title
        foldedID = block.foldedID
        foldedTitle = block.foldedTitle
        headingRange = block.syntax.heading.range
        // Fields read in place: this is made for every target group and measure.
        criterionRange = block.indexOfField(.criterion).map(block.fullValueRange(ofField:)) ?? block.syntax.heading.range
        standardGroupClass = block.standardClassification?.groupClass
        let budget = block.indexOfField(.budget)
        hasBudget = budget != nil
        hasReadableBudget = budget.map(block.fieldIsInvalid).map(!) ?? false
    }
}
