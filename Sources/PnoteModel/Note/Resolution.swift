import PnoteSyntax

/// Resolution (section 4): each reference of a note to the block it names, and the links
/// that references and nesting make (measures to groups, goals and envelopes, indicators
/// to goals). A note that names no other note needs nothing but itself, and is resolved
/// as it is built when the builder knows where it will stand (`NoteBuilder.build`).
extension Workspace {
    /// Resolves the references of `targets` and derives their links (section 4). Reading
    /// is pure and runs on all cores when there are many notes; writing happens in place
    /// afterwards, so no copy of a note is held while it is written (copy on write would
    /// make every written block copy itself, which an edit pays per keystroke).
    mutating func resolve(notes all: [Int]) {
        // A note resolved as it was built, for the place where it stands, is as it would be.
        let targets = all.filter { notes[$0].resolvedAt != $0 }
        guard !targets.isEmpty else { return }
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
            for u in updates { notes[chunk.note].blocks[u.block].setValue(.references(u.refs), ofField: u.field) }
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
                if let updates = precomputed[n] {
                    Workspace.write(updates, into: &notes.buffer[n], at: n)
                } else {
                    Workspace.resolveAlone(&notes.buffer[n], at: n)
                }
            }
        }
    }

    /// Resolves and links a note that names no other note, as standing at index `n` of its
    /// workspace: within its own note a reference needs no other note.
    static func resolveAlone(_ note: inout Note, at n: Int) {
        precondition(!note.hasExternalReferences, "a note that names another note is resolved in its workspace")
        // In place: each list of references is taken out of its field, resolved and put
        // back, so no list is copied (resolving a copy, then writing it, made every list twice).
        for kind in BlockKind.allCases where FieldKey.referencesPossible(in: kind) {
            for b in note.blocks(of: kind).positions {
                for f in 0..<note.blocks[b].fieldCount where note.blocks[b].fieldHoldsReferences(f) {
                    guard case .references(var refs) = note.blocks[b].value(ofField: f), let key = note.blocks[b].key(ofField: f) else { continue }
                    note.blocks[b].setValue(.references([]), ofField: f)  // the field lets go: `refs` is the list's only holder
                    for r in refs.indices { resolve(&refs[r], from: n, in: note, expecting: Workspace.expectedKind(key), workspace: nil) }
                    note.blocks[b].setValue(.references(refs), ofField: f)
                }
            }
        }
        links(of: note, at: n).apply(to: &note)
        note.resolvedAt = n
    }

    /// Writes a note's resolved references into its fields, then links it.
    private static func write(_ updates: [ResolvedField], into note: inout Note, at n: Int) {
        for u in updates { note.blocks[u.block].setValue(.references(u.refs), ofField: u.field) }
        links(of: note, at: n).apply(to: &note)
    }

    /// From this many notes on, resolution runs on all cores.
    static let parallelNotesThreshold = 16

    /// Whether work on `count` notes is spread note by note over the cores.
    func spreadsNotes(_ count: Int) -> Bool {
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
            let block = note.blocks[b]
            for f in 0..<block.fieldCount where block.fieldHoldsReferences(f) {
                guard case .references(var refs) = block.value(ofField: f), let key = block.key(ofField: f) else { continue }
                for r in refs.indices { resolve(&refs[r], from: n, in: note, expecting: Workspace.expectedKind(key), workspace: workspace) }
                out.append(ResolvedField(block: b, field: f, refs: refs))
            }
        }
        return out
    }

    private struct Links: Sendable {
        var measureTargets: BlockTable<[BlockAddress]>, measureGoals: BlockTable<[BlockAddress]>
        var measureEnvelope: BlockTable<BlockAddress>, indicatorGoal: BlockTable<Int>

        init(blockCount: Int) {
            measureTargets = BlockTable(blockCount: blockCount)
            measureGoals = BlockTable(blockCount: blockCount)
            measureEnvelope = BlockTable(blockCount: blockCount)
            indicatorGoal = BlockTable(blockCount: blockCount)
        }

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
        // Only measures and indicators have links: the other blocks are never looked at.
        var links = Links(blockCount: note.blocks.count)
        let measures = note.blocks(of: .measure), indicators = note.blocks(of: .indicator)
        for block in measures {
            links.measureTargets[block.index] = linked(block, .targetGroup, in: note, at: n)
            links.measureGoals[block.index] = linked(block, .goal, in: note, at: n)
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

    /// What a measure's `key` references name without a problem, then its enclosing block
    /// of that kind, each once. The list is made at its size: grown by appending, each
    /// measure's two lists were made twice.
    private static func linked(_ block: Block, _ kind: BlockKind, in note: Note, at n: Int) -> [BlockAddress] {
        let refs = block.references(kind == .goal ? .goal : .targetGroup)
        var out: [BlockAddress] = []
        out.reserveCapacity(refs.count + 1)
        for ref in refs where ref.problem == nil { if let target = ref.target { out.append(target) } }
        if let g = note.ancestor(of: block.index, kind: kind) { out.append(BlockAddress(note: n, block: g)) }
        return unique(out)
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

}
