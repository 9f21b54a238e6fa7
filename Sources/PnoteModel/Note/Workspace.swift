import Foundation
import PnoteSyntax

/// The notes checked together: references between them, and the rules that look across
/// notes (PN108, PN210). Paths are relative to the workspace root, with `/` separators.
public struct Workspace: Sendable {
    public private(set) var notes: [Note]
    private var indexByPath: [String: Int] = [:]
    private var names = NameIndex()

    /// Whether resolution may use all cores: nil decides by size; tests compare both ways.
    private let parallel: Bool?

    public init(notes: [Note], parallel: Bool? = nil) {
        self.notes = notes
        self.parallel = parallel
        // Each note's names are hashed on all cores; the index takes them in note order.
        let entries = Parallel.map(notes.count, parallel: spreadsNotes(notes.count)) { notes[$0].nameEntries ?? NameIndex.Entries(of: notes[$0]) }
        for (i, note) in notes.enumerated() { indexByPath[Workspace.normalise(note.path)] = i }
        // The index is made on a thread of its own while the references are resolved on
        // all cores: resolution never asks it, and making it is a step for one core.
        let indexing = Parallel.Background(enabled: spreadsNotes(notes.count)) {
            var names = NameIndex()
            names.add(allNotes: entries)
            return names
        }
        resolve(notes: Array(notes.indices))
        names = indexing.wait()
        // Indexed: a note in a workspace carries no entries (a few kB a note).
        for i in self.notes.indices { self.notes[i].nameEntries = nil }
    }

    public func block(_ address: BlockAddress) -> Block { notes[address.note].blocks[address.block] }

    /// The first target group or measure (`kind`) with the same folded id or title as
    /// `block` for which `fits` holds, in notes other than its own (`n`) that may describe
    /// the same policy (the same `gemeente`, or none declared), in note and block order.
    /// PN108 and PN210 stop at the first twin they report, so the others are never listed.
    public func firstSameNamed(_ kind: BlockKind, as block: Block, inNote n: Int,
                               where fits: (BlockAddress) -> Bool) -> BlockAddress? {
        var first: BlockAddress?
        forEachSameNamed(kind, as: block, inNote: n) { address in
            guard fits(address) else { return true }
            first = address
            return false
        }
        return first
    }

    /// Hands `body` each block of `firstSameNamed`'s definition, in order, until it returns false.
    func forEachSameNamed(_ kind: BlockKind, as block: Block, inNote n: Int, _ body: (BlockAddress) -> Bool) {
        let municipality = names.municipality(ofNote: n) ?? NameIndex.municipality(of: notes[n])
        names.forEachBlock(named: kind, id: block.foldedID, title: block.foldedTitle, municipality: municipality, otherThan: n, body)
    }

    /// Replaces one note (an edit in the editor) and resolves it again, with the notes
    /// that refer to other notes by path; the others are untouched. Paths stay as they were.
    ///
    /// Returns the note it replaced, for the caller to free where nobody waits: freeing a
    /// large note costs a tenth of building it.
    @discardableResult
    public mutating func replace(noteAt index: Int, with note: consuming Note) -> Note {
        names.update(note, at: index)
        let replaced = notes[index]
        notes[index] = note
        notes[index].nameEntries = nil
        resolve(notes: [index] + notes.indices.filter { $0 != index && notes[$0].hasExternalReferences })
        return replaced
    }

    /// Adds a note at the end (a file created in the workspace).
    public mutating func append(_ note: consuming Note) -> Int {
        let path = Workspace.normalise(note.path)
        names.add(note, at: notes.count)
        notes.append(note)
        notes[notes.count - 1].nameEntries = nil
        let index = notes.count - 1
        indexByPath[path] = index
        resolve(notes: [index] + notes.indices.filter { $0 != index && notes[$0].hasExternalReferences })
        return index
    }

    public func note(atPath path: String) -> Int? { indexByPath[Workspace.normalise(path)] }

    // MARK: Resolution

    /// Resolves the references of `targets` and derives their links (section 4). Reading
    /// is pure and runs on all cores when there are many notes; writing happens in place
    /// afterwards, so no copy of a note is held while it is written (copy on write would
    /// make every written block copy itself, which an edit pays per keystroke).
    private mutating func resolve(notes targets: [Int]) {
        let allowed = self.parallel ?? Parallel.hasCores
        let manyNotes = spreadsNotes(targets.count)
        if manyNotes {
            resolveNoteByNote(targets)
            return
        }
        // A large note alone (an edit in the editor) is read in chunks of blocks on all cores,
        // as the builder reads its blocks.
        let chunks: [(note: Int, blocks: Range<Int>)] = targets.flatMap { n -> [(note: Int, blocks: Range<Int>)] in
            let count = notes[n].blocks.count
            guard allowed, count >= NoteBuilder.parallelBlocksThreshold else { return [(n, 0..<count)] }
            return Parallel.chunks(of: count).map { (n, $0) }
        }
        var references: [[ResolvedField]] = []
        do {
            let workspace = self
            references = Parallel.map(chunks.count, parallel: allowed) {
                Workspace.resolvedFields(of: workspace.notes[chunks[$0].note], at: chunks[$0].note, blocks: chunks[$0].blocks, in: workspace)
            }
        }
        for (chunk, updates) in zip(chunks, references) {
            for u in updates { notes[chunk.note].blocks[u.block].fields[u.field].value = .references(u.refs) }
        }
        for n in targets { Workspace.links(of: notes[n], at: n).apply(to: &notes[n]) }
    }

    /// `resolve` of many notes, note by note on all cores. Each worker resolves, writes and
    /// links its own notes only, one after the other, while the note is in the cache (a
    /// pass per step over a large folder met every note cold). Nothing reads a note while
    /// it is written (a reader would make the writer copy the blocks), so the few notes
    /// that refer to other notes are resolved first, against all notes as they are.
    private mutating func resolveNoteByNote(_ targets: [Int]) {
        var external: [Int: [ResolvedField]] = [:]
        do {
            let workspace = self
            let naming = targets.filter { notes[$0].hasExternalReferences }
            let resolved = Parallel.map(naming.count) {
                Workspace.resolvedFields(of: workspace.notes[naming[$0]], at: naming[$0], in: workspace)
            }
            external = Dictionary(uniqueKeysWithValues: zip(naming, resolved))
        }
        let precomputed = external
        notes.withUnsafeMutableBufferPointer { buffer in
            let notes = DisjointWrites(buffer: buffer)  // one target per worker: disjoint
            Parallel.forEach(targets.count) { t in
                let n = targets[t]
                // Within its own note a reference needs no other note.
                let updates = precomputed[n] ?? Workspace.resolvedFields(of: notes.buffer[n], at: n, in: nil)
                for u in updates { notes.buffer[n].blocks[u.block].fields[u.field].value = .references(u.refs) }
                Workspace.links(of: notes.buffer[n], at: n).apply(to: &notes.buffer[n])
            }
        }
    }

    /// From this many notes on, resolution runs on all cores.
    static let parallelNotesThreshold = 16

    /// Whether work on `count` notes is spread note by note over the cores.
    private func spreadsNotes(_ count: Int) -> Bool {
        (parallel ?? Parallel.hasCores) && count >= Workspace.parallelNotesThreshold
    }

    private struct ResolvedField: Sendable {
        var block: Int, field: Int, refs: [Reference]
    }

    /// Every reference field of `note` (at `n`), or of its `blocks`, resolved again from
    /// nothing; against the other notes of `workspace` (nil for a note that names none).
    private static func resolvedFields(of note: Note, at n: Int, blocks: Range<Int>? = nil, in workspace: Workspace?) -> [ResolvedField] {
        var out: [ResolvedField] = []
        // The blocks that may hold references, found by kind: looking at each block's kind
        // touched every block of the folder.
        let candidates = BlockKind.allCases.filter(FieldKey.referencesPossible).flatMap { note.blocks(of: $0).positions }
        for b in candidates where blocks?.contains(b) ?? true {
            let fields = note.blocks[b].fields
            for f in fields.indices where fields[f].holdsReferences {
                guard case .references(var refs) = fields[f].value, let key = fields[f].key else { continue }
                for r in refs.indices { resolve(&refs[r], from: n, in: note, expecting: Workspace.expectedKind(key), workspace: workspace) }
                out.append(ResolvedField(block: b, field: f, refs: refs))
            }
        }
        return out
    }

    private struct Links: Sendable {
        var measureTargets: [Int: [BlockAddress]] = [:], measureGoals: [Int: [BlockAddress]] = [:]
        var measureEnvelope: [Int: BlockAddress] = [:], indicatorGoal: [Int: Int] = [:]

        func apply(to note: inout Note) {
            note.measureTargets = measureTargets
            note.measureGoals = measureGoals
            note.measureEnvelope = measureEnvelope
            note.indicatorGoal = indicatorGoal
        }
    }

    /// What note `n`'s resolved references and nesting link: measures to groups, goals and
    /// envelopes, indicators to goals.
    private static func links(of note: Note, at n: Int) -> Links {
        var links = Links()
        // Only measures and indicators have links: the tables are made at their size, and
        // the other blocks are never looked at.
        let measures = note.blocks(of: .measure), indicators = note.blocks(of: .indicator)
        links.measureTargets.reserveCapacity(measures.count)
        links.measureGoals.reserveCapacity(measures.count)
        links.measureEnvelope.reserveCapacity(measures.count)
        links.indicatorGoal.reserveCapacity(indicators.count)
        for block in measures {
            var targets = block.references(.targetGroup).compactMap { $0.problem == nil ? $0.target : nil }
            if let g = note.ancestor(of: block.index, kind: .targetGroup) { targets.append(BlockAddress(note: n, block: g)) }
            var goals = block.references(.goal).compactMap { $0.problem == nil ? $0.target : nil }
            if let g = note.ancestor(of: block.index, kind: .goal) { goals.append(BlockAddress(note: n, block: g)) }
            links.measureTargets[block.index] = unique(targets)
            links.measureGoals[block.index] = unique(goals)
            if let e = block.references(.envelope).first(where: { $0.problem == nil })?.target {
                links.measureEnvelope[block.index] = e
            }
        }
        for block in indicators {
            if let g = note.ancestor(of: block.index, kind: .goal) { links.indicatorGoal[block.index] = g }
        }
        // A measure without `begroting` belongs to its domain's only envelope (section 5.1).
        var envelopesByDomain: [String: [Int]] = [:]
        for block in note.blocks(of: .budget) {
            if let key = block.domain?.key { envelopesByDomain[key, default: []].append(block.index) }
        }
        guard !envelopesByDomain.isEmpty else { return links }
        for block in measures where links.measureEnvelope[block.index] == nil {
            guard let key = block.domain?.key, let matching = envelopesByDomain[key], matching.count == 1 else { continue }
            links.measureEnvelope[block.index] = BlockAddress(note: n, block: matching[0])
        }
        return links
    }

    private static func resolve(_ ref: inout Reference, from n: Int, in note: Note, expecting kind: BlockKind, workspace: Workspace?) {
        ref.target = nil
        ref.problem = nil
        // The target note is named by its index, not bound to a variable: a `Note` copy
        // per reference was a tenth of resolving.
        var targetNote = n
        let found: Int?
        switch ref.text.target {
        case .id(let id):
            found = note.firstBlock(withID: Folding.fold(id))
        case .title(let title):
            let folded = Folding.fold(title)
            found = note.firstBlock(withTitle: folded) ?? note.firstBlock(withID: folded)
        case .external(let path, let id):
            guard let resolvedPath = Workspace.join(Workspace.directory(of: note.path), path) else {
                ref.problem = .outsideWorkspace
                return
            }
            guard let workspace, let other = workspace.indexByPath[resolvedPath] else {
                ref.problem = .unresolved
                return
            }
            targetNote = other
            found = workspace.notes[other].firstBlock(withID: Folding.fold(id))
        }
        guard let found else {
            ref.problem = .unresolved
            return
        }
        ref.target = BlockAddress(note: targetNote, block: found)
        let actual = targetNote == n ? note.blocks[found].kind : workspace!.notes[targetNote].blocks[found].kind
        if actual != kind { ref.problem = .wrongKind(actual) }
    }

    static func expectedKind(_ key: FieldKey) -> BlockKind {
        switch key {
        case .targetGroup: .targetGroup
        case .goal: .goal
        default: .budget
        }
    }

    private static func unique(_ addresses: [BlockAddress]) -> [BlockAddress] {
        // A measure has a group or two: compare them, rather than hash them into a set, and
        // hand back the list itself when nothing repeats (the usual case: no new list).
        guard addresses.count > 8 else {
            let repeats = addresses.indices.contains { i in addresses[..<i].contains(addresses[i]) }
            guard repeats else { return addresses }
            var out: [BlockAddress] = []
            out.reserveCapacity(addresses.count)
            for address in addresses where !out.contains(address) { out.append(address) }
            return out
        }
        var seen: Set<BlockAddress> = []
        return addresses.filter { seen.insert($0).inserted }
    }

    // MARK: Paths

    static func normalise(_ path: String) -> String {
        join("", path) ?? path
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// Joins a relative path onto a directory inside the workspace; nil when the result
    /// would leave the workspace (an absolute path, or too many `..`).
    static func join(_ directory: String, _ relative: String) -> String? {
        if relative.hasPrefix("/") || relative.hasPrefix("~") || relative.contains("\\") { return nil }
        var parts = directory.split(separator: "/").map(String.init).filter { $0 != "." }
        for part in relative.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty, parts.last != ".." else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }
}
