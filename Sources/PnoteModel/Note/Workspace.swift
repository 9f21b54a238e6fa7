import Foundation
import PnoteSyntax

/// The notes checked together: references between them, and the rules that look across
/// notes (PN108, PN210). Paths are relative to the workspace root, with `/` separators.
public struct Workspace: Sendable {
    /// Written by resolution (`Resolution.swift`) and by `replace`/`append` only.
    public internal(set) var notes: [Note]
    var indexByPath: [String: Int] = [:]
    private var names = NameIndex()
    /// The notes that name other notes by path (`Note.hasExternalReferences`), in order:
    /// asked per note by the rules that look for references into a note, which must not
    /// look at every note of a large folder for every note (that was quadratic).
    public private(set) var notesNamingOthers: [Int] = []

    /// Whether resolution may use all cores: nil decides by size; tests compare both ways.
    let parallel: Bool?

    public init(notes: [Note], parallel: Bool? = nil) {
        self.notes = notes
        self.parallel = parallel
        // Each note's names are hashed on all cores; the index takes them in note order.
        let entries = Parallel.map(notes.count, parallel: spreadsNotes(notes.count)) { notes[$0].nameEntries ?? NameIndex.Entries(of: notes[$0]) }
        for (i, note) in notes.enumerated() { indexByPath[Workspace.normalise(note.path)] = i }
        notesNamingOthers = notes.indices.filter { notes[$0].hasExternalReferences }
        // The index is made on a thread of its own while the references are resolved on
        // all cores (resolution never asks it), when there are references to resolve. When
        // every note was resolved as it was built, it is made on this thread: a thread of its
        // own, waited for here, was often put on the core of the index's other worker while
        // this thread's core stood idle (the two took turns on one core for 20 ms of 50 MB).
        let spread = spreadsNotes(notes.count)
        let resolves = notes.indices.contains { notes[$0].resolvedAt != $0 }
        let indexing = Parallel.Background(enabled: spread && resolves) {
            var names = NameIndex()
            names.add(allNotes: entries, parallel: spread)
            return names
        }
        resolve(notes: Array(notes.indices))
        names = indexing.wait()
        // Indexed: a note in a workspace carries no entries (a few kB a note, hundreds of
        // names), let go on all cores.
        self.notes.withUnsafeMutableBufferPointer { buffer in
            let notes = DisjointWrites(buffer: buffer)
            let chunks = spread ? Parallel.chunks(of: buffer.count) : [0..<buffer.count]
            Parallel.forEach(chunks.count) { c in
                for i in chunks[c] { notes.buffer[i].nameEntries = nil }
            }
        }
    }

    public func block(_ address: BlockAddress) -> Block { notes[address.note].blocks[address.block] }

    /// The notes whose references can point into note `n`, in order: `n` itself and the
    /// notes that name other notes by path.
    public func notesReferring(to n: Int) -> [Int] {
        var out = notesNamingOthers
        let (at, listed) = namingPosition(of: n)
        if !listed { out.insert(n, at: at) }
        return out
    }

    /// Where note `n` stands, or would stand, in `notesNamingOthers`, and whether it does.
    private func namingPosition(of n: Int) -> (at: Int, listed: Bool) {
        let at = notesNamingOthers.firstIndex { $0 >= n } ?? notesNamingOthers.count
        return (at, at < notesNamingOthers.count && notesNamingOthers[at] == n)
    }

    /// Note `n`'s target groups and measures, in block order, as the name index keeps them.
    public func indexedBlocks(ofNote n: Int) -> [IndexedBlock] { names.indexedBlocks(ofNote: n) }

    /// What `firstSameNamed(_:inNote:where:)` hands its test of each candidate: what the name
    /// index keeps of it beside its name.
    public struct Candidate {
        public let address: BlockAddress
        /// `IndexedBlock.standardGroupClass` and `hasReadableBudget`.
        public let standardGroupClass: TargetGroupClass?
        public let hasReadableBudget: Bool
    }

    /// The first target group or measure of `block`'s kind with the same folded id or title
    /// (one of note `n`'s `indexedBlocks`) for which `fits` holds, in notes other than `n`
    /// that may describe the same policy (the same `gemeente`, or none declared), in note
    /// and block order, with what the index keeps of it. No block of any note is read.
    /// PN108 and PN210 stop at the first twin they report, so the others are never listed.
    public func firstSameNamed(_ block: IndexedBlock, inNote n: Int,
                               where fits: (Candidate) -> Bool) -> (address: BlockAddress, block: IndexedBlock)? {
        var first: NameIndex.Member?
        func visit(_ member: NameIndex.Member) -> Bool {
            let candidate = Candidate(address: member.address, standardGroupClass: member.standardGroupClass,
                                      hasReadableBudget: member.hasReadableBudget)
            guard fits(candidate) else { return true }
            first = member
            return false
        }
        // One of the note's own blocks as the index listed it: its groups are read at its slot.
        forEachSameNamed(block.kind, id: block.foldedID, title: block.foldedTitle, block: block.index, slot: block.slot,
                         inNote: n, visit)
        guard let first else { return nil }
        return (first.address, names.indexedBlock(of: first))
    }

    /// False when no block `firstSameNamed(block, inNote: n, …)` would consider has a
    /// standard class (`Candidate.standardGroupClass`) other than `cls`: then no test of
    /// that class can pass, and the rule need not look (PN108 asks for every target group).
    /// True when some may.
    public func sameNamedMayBeClassed(otherThan cls: TargetGroupClass, as block: IndexedBlock, inNote n: Int) -> Bool {
        names.twinsMayBeClassed(otherThan: cls, as: block, inNote: n)
    }

    /// Hands `body` each block of `firstSameNamed`'s definition, in order, until it returns
    /// false: the blocks of `kind` named `id` or `title` (folded), asked by block `block` of
    /// note `n` (or on its behalf).
    func forEachSameNamed(_ kind: BlockKind, id: String, title: String, block: Int, slot: Int? = nil, inNote n: Int,
                          _ body: (NameIndex.Member) -> Bool) {
        let municipality = names.municipality(ofNote: n) ?? NameIndex.municipality(of: notes[n])
        names.forEachBlock(named: kind, id: id, title: title, municipality: municipality, otherThan: n, block: block,
                           slot: slot, body)
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
        let (at, listed) = namingPosition(of: index)
        if notes[index].hasExternalReferences && !listed { notesNamingOthers.insert(index, at: at) }
        if !notes[index].hasExternalReferences && listed { notesNamingOthers.remove(at: at) }
        resolve(notes: [index] + notesNamingOthers.filter { $0 != index })
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
        if notes[index].hasExternalReferences { notesNamingOthers.append(index) }
        resolve(notes: [index] + notesNamingOthers.filter { $0 != index })
        return index
    }

    public func note(atPath path: String) -> Int? { indexByPath[Workspace.normalise(path)] }

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
