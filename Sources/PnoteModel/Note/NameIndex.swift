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
    static let kinds: Set<BlockKind> = [.targetGroup, .measure]

    /// Key → note → the note's block indices with that name. Per note, so that a lookup
    /// skips the asking note's own blocks without looking at them: one large note full of
    /// blocks of the same name must not cost the square of their number.
    private var blocksByNote: [Int: [Int: [Int]]] = [:]
    /// Folded municipality ("" for none) → how many notes declare it.
    private var municipalities: [String: Int] = [:]

    static func municipality(of note: Note) -> String { note.settings.municipality.map(Folding.fold) ?? "" }

    private static func keys(municipality: String, kind: BlockKind, id: String, title: String) -> [Int] {
        var byID = Hasher(), byTitle = Hasher()
        byID.combine(municipality); byID.combine(kind); byID.combine(0); byID.combine(id)
        byTitle.combine(municipality); byTitle.combine(kind); byTitle.combine(1); byTitle.combine(title)
        return [byID.finalize(), byTitle.finalize()]
    }

    private static func keys(of block: Block, municipality: String) -> [Int] {
        keys(municipality: municipality, kind: block.kind, id: block.foldedID, title: block.foldedTitle)
    }

    mutating func add(_ note: Note, at n: Int) {
        let municipality = NameIndex.municipality(of: note)
        municipalities[municipality, default: 0] += 1
        for block in note.blocks where NameIndex.kinds.contains(block.kind) {
            for key in NameIndex.keys(of: block, municipality: municipality) {
                blocksByNote[key, default: [:]][n, default: []].append(block.index)
            }
        }
    }

    mutating func remove(_ note: Note, at n: Int) {
        let municipality = NameIndex.municipality(of: note)
        municipalities[municipality, default: 1] -= 1
        if municipalities[municipality] == 0 { municipalities[municipality] = nil }
        for block in note.blocks where NameIndex.kinds.contains(block.kind) {
            for key in NameIndex.keys(of: block, municipality: municipality) {
                blocksByNote[key]?[n] = nil
                if blocksByNote[key]?.isEmpty == true { blocksByNote[key] = nil }
            }
        }
    }

    /// Blocks of `kind` whose folded id is `id` or whose folded title is `title` (both
    /// folded), in notes other than `note` that may describe the same policy as a note of
    /// `municipality` (the same one, or none declared on either side), possibly with a few
    /// hash collisions, in note and block order.
    func candidates(_ kind: BlockKind, id: String, title: String, municipality: String, otherThan note: Int) -> [BlockAddress] {
        let partitions = municipality.isEmpty ? Array(municipalities.keys) : [municipality, ""]
        var found: [BlockAddress] = []
        for partition in partitions {
            for key in NameIndex.keys(municipality: partition, kind: kind, id: id, title: title) {
                for (n, blocks) in blocksByNote[key] ?? [:] where n != note {
                    found += blocks.map { BlockAddress(note: n, block: $0) }
                }
            }
        }
        found.sort { ($0.note, $0.block) < ($1.note, $1.block) }
        // Sorted, so a block found by both id and title is found twice in a row.
        var unique: [BlockAddress] = []
        unique.reserveCapacity(found.count)
        for address in found where unique.last != address { unique.append(address) }
        return unique
    }
}
