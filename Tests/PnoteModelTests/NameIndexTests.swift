import PnoteSyntax
import PnoteTestSupport
import Testing
@testable import PnoteModel

/// The index behind the cross-note rules (PN108, PN210): same folded id or title, only
/// between notes that may describe the same policy, and kept right when notes change.
@Suite struct NameIndexTests {
    static func names(_ w: Workspace, from n: Int, block b: Int = 0, _ kind: BlockKind = .targetGroup) -> [String] {
        w.sameNamed(kind, as: w.notes[n].blocks[b], inNote: n).map { "\(w.notes[$0.note].path)#\($0.block)" }
    }

    @Test func matchesByIDOrTitleAcrossMunicipalities() {
        let w = workspace([
            ("a.pnote", "---\ngemeente: Hengelo\n---\n## Doelgroep: Mantelzorgers {#mz}\n"),
            ("b.pnote", "---\ngemeente: Enschede\n---\n## Doelgroep: Mantelzorgers\n"),
            ("c.pnote", "## Doelgroep: Zorgende naasten {#mz}\n## Doelgroep: MANTELZORGERS\n## Maatregel: Mantelzorgers\n"),
            ("d.pnote", "---\ngemeente: hengelo\n---\n## Doelgroep: Mantelzorgers\n"),
        ])
        // Hengelo sees the other Hengelo note and the note without a municipality (by id
        // and by title), not Enschede, and never a measure of the same name.
        #expect(Self.names(w, from: 0) == ["c.pnote#0", "c.pnote#1", "d.pnote#0"])
        // A note without a municipality is compared with every note.
        #expect(Self.names(w, from: 2, block: 1) == ["a.pnote#0", "b.pnote#0", "d.pnote#0"])
        #expect(Self.names(w, from: 2, block: 2, .measure) == [])
    }

    @Test func leavesOutTheAskingNote() {
        // Blocks of the same name inside one note are PN006's business, not a cross-note
        // match; and a large note full of them must not be compared with itself.
        let w = workspace([("a.pnote", "## Doelgroep: Ouderen {#a1}\n## Doelgroep: Ouderen {#a2}\n"),
                           ("b.pnote", "## Doelgroep: Ouderen\n")])
        #expect(Self.names(w, from: 0) == ["b.pnote#0"])
        #expect(Self.names(w, from: 1) == ["a.pnote#0", "a.pnote#1"])
    }

    @Test func followsReplacedAndAppendedNotes() {
        var w = workspace([("a.pnote", "## Doelgroep: Mantelzorgers\n"), ("b.pnote", "## Doelgroep: Mantelzorgers\n")])
        #expect(Self.names(w, from: 0) == ["b.pnote#0"])
        w.replace(noteAt: 1, with: note("## Doelgroep: Jonge mantelzorgers\n", path: "b.pnote"))
        #expect(Self.names(w, from: 0) == [])
        w.replace(noteAt: 1, with: note("---\ngemeente: Almelo\n---\n## Doelgroep: Mantelzorgers\n", path: "b.pnote"))
        #expect(Self.names(w, from: 0) == ["b.pnote#0"])
        _ = w.append(note("# Domein: Wmo\n## Doelgroep: mantelzorgers\n", path: "c.pnote"))
        #expect(Self.names(w, from: 0) == ["b.pnote#0", "c.pnote#1"])
        #expect(Self.names(w, from: 1) == ["a.pnote#0", "c.pnote#1"])
    }

    @Test func editsThatRenameNothingOrMoveBlocks() {
        var w = workspace([("a.pnote", "## Doelgroep: Ouderen\n"), ("b.pnote", "## Doelgroep: Ouderen\n- omvang: 10\n")])
        // Same names, other content: the index is left as it is, and still right.
        w.replace(noteAt: 1, with: note("## Doelgroep: Ouderen\n- omvang: 20\n", path: "b.pnote"))
        #expect(Self.names(w, from: 0) == ["b.pnote#0"])
        // The same name in another block: found there, not at the old place.
        w.replace(noteAt: 1, with: note("## Doel: Vitaal ouder worden\n## Doelgroep: Ouderen\n", path: "b.pnote"))
        #expect(Self.names(w, from: 0) == ["b.pnote#1"])
        // The same name twice, then not at all.
        w.replace(noteAt: 1, with: note("## Doelgroep: Ouderen {#o1}\n## Doelgroep: Ouderen {#o2}\n", path: "b.pnote"))
        #expect(Self.names(w, from: 0) == ["b.pnote#0", "b.pnote#1"])
        w.replace(noteAt: 1, with: note("## Doelgroep: Jongeren\n", path: "b.pnote"))
        #expect(Self.names(w, from: 0) == [])
    }

    /// An edit that renames nothing leaves the names as they were, but not what the index
    /// keeps beside them: a changed criterion or budget is seen by the next lookup, as in a
    /// workspace made afresh. (Before, the members kept their old class.)
    @Test func editsThatRenameNothingStillChangeWhatTheIndexKeeps() {
        func facts(_ w: Workspace) -> [String] {
            w.indexedBlocks(ofNote: 0).map { block in
                let twin = w.firstSameNamed(block, inNote: 0) { _ in true }
                var seen: [String] = []
                _ = w.firstSameNamed(block, inNote: 0) { c in
                    seen.append("\(c.address.note).\(c.address.block) \(c.standardGroupClass.map { "\($0)" } ?? "-") \(c.hasReadableBudget)")
                    return false
                }
                return "\(block.title) \(block.headingRange.start) \(seen) \(twin.map { "\($0.block.criterionRange.start) \($0.block.hasBudget)" } ?? "-")"
            }
        }
        let a = note("## Doelgroep: Mantelzorgers\n- kenmerk: risicofactor: mantelzorg\n## Maatregel: Respijt\n- budget: € 10 per jaar\n")
        var w = Workspace(notes: [a, note("## Doelgroep: Mantelzorgers\n- kenmerk: risicofactor: mantelzorg\n## Maatregel: Respijt\n- budget: € 10 per jaar\n", path: "b.pnote")])
        let edited = "## Doelgroep: Mantelzorgers\n- omvang: 10\n- kenmerk: diagnose: dementie\n## Maatregel: Respijt\n- budget: veel\n"
        w.replace(noteAt: 1, with: note(edited, path: "b.pnote"))
        let fresh = Workspace(notes: [a, note(edited, path: "b.pnote")])
        #expect(facts(w) == facts(fresh))
        // The same edit where every note declares its municipality (where the class masks
        // answer): the twin is classed otherwise now, and the masks must not say it is not.
        let front = "---\ngemeente: Hengelo\n---\n"
        var m = Workspace(notes: [note(front + "## Doelgroep: Mantelzorgers\n- kenmerk: risicofactor: mantelzorg\n"),
                                  note(front + "## Doelgroep: Mantelzorgers\n- kenmerk: risicofactor: mantelzorg\n", path: "b.pnote")])
        let group = m.indexedBlocks(ofNote: 0)[0]
        #expect(!m.sameNamedMayBeClassed(otherThan: .riskFactor, as: group, inNote: 0))
        m.replace(noteAt: 1, with: note(front + "## Doelgroep: Mantelzorgers\n- kenmerk: diagnose: dementie\n", path: "b.pnote"))
        #expect(m.sameNamedMayBeClassed(otherThan: .riskFactor, as: group, inNote: 0))
        #expect(facts(w).joined().contains("diagnosis") && facts(w).joined().contains("false"))
    }

    /// An edit to a note full of blocks of one name that renames nothing finds each block's
    /// member by binary search: one by one through the note's run, 20,000 blocks were
    /// 400 million steps per keystroke.
    @Test func editsToANoteFullOfOneNameStayLinear() {
        let text = String(repeating: "## Doelgroep: Ouderen\n- kenmerk: risicofactor: eenzaamheid\n", count: 20_000)
        var w = Workspace(notes: [note(text), note("## Doelgroep: Ouderen\n", path: "b.pnote")])
        w.replace(noteAt: 0, with: note(text.replacingOccurrences(of: "risicofactor: eenzaamheid", with: "diagnose: dementie")))
        let groups = w.indexedBlocks(ofNote: 0)
        #expect(groups.count == 20_000 && groups.allSatisfy { $0.standardGroupClass == .diagnosis })
        #expect(w.firstSameNamed(w.indexedBlocks(ofNote: 1)[0], inNote: 1) { $0.standardGroupClass == .diagnosis }?.address.block == 0)
    }

    /// The merged lookup against the definition: every block of every other note compared
    /// by kind, folded id or title, and municipality, on random workspaces that are edited
    /// and grown as the editor does. Names repeat within notes, ids match other titles,
    /// municipalities differ only in case, and some notes declare none.
    /// Where every note declares a municipality, a block's own groups are taken from what
    /// the index keeps for its note; where some do not, names are looked up.
    static func randomNote(_ path: String, _ random: inout SeededRandom, someWithoutMunicipality: Bool) -> Note {
        let municipalities = someWithoutMunicipality ? ["Hengelo", "hengelo", "Enschede", "", ""] : ["Hengelo", "hengelo", "Enschede"]
        var text = ""
        let municipality = municipalities[random.next(municipalities.count)]
        if !municipality.isEmpty { text += "---\ngemeente: \(municipality)\n---\n" }
        for _ in 0..<random.next(7) {
            let kind = ["Doelgroep", "Maatregel", "Doel"][random.next(3)]
            let title = ["Ouderen", "OUDEREN", "Mantelzorgers", "Jonge mantelzorgers", "a"][random.next(5)]
            let id = ["", " {#a}", " {#b}", " {#ouderen}"][random.next(4)]
            text += "## \(kind): \(title)\(id)\n"
            if kind == "Doelgroep" {
                text += ["", "- kenmerk: risicofactor: armoede\n", "- kenmerk: diagnose: autisme\n"][random.next(3)]
            }
        }
        return note(text, path: path)
    }

    /// Every block of `kind` in another note, compared by folded id or title and municipality.
    static func definition(_ w: Workspace, _ kind: BlockKind, _ block: Block, _ n: Int) -> [BlockAddress] {
        func municipality(_ m: Int) -> String { w.notes[m].settings.municipality.map(Folding.fold) ?? "" }
        var out: [BlockAddress] = []
        for m in w.notes.indices where m != n {
            let here = municipality(n), there = municipality(m)
            guard here.isEmpty || there.isEmpty || here == there else { continue }
            for other in w.notes[m].blocks where other.kind == kind
                && (other.foldedID == block.foldedID || other.foldedTitle == block.foldedTitle) {
                out.append(BlockAddress(note: m, block: other.index))
            }
        }
        return out
    }

    /// A workspace of many notes has its index made on two cores, one table of names each:
    /// the same lookups as the definition, before and after edits that add and free names.
    @Test func indexMadeOnTwoCoresIsTheDefinition() {
        var random = SeededRandom(state: 11)
        var compared = 0
        for round in 0..<12 {
            let count = Workspace.parallelNotesThreshold + random.next(8)
            let notes = (0..<count).map { Self.randomNote("n\($0).pnote", &random, someWithoutMunicipality: round % 2 == 0) }
            var w = Workspace(notes: notes, parallel: true)
            for step in 0..<3 {
                if step > 0 {
                    let n = random.next(w.notes.count)
                    w.replace(noteAt: n, with: Self.randomNote(w.notes[n].path, &random, someWithoutMunicipality: true))
                }
                for n in w.notes.indices {
                    for block in w.notes[n].blocks where NameIndex.isIndexed(block.kind) {
                        #expect(w.sameNamed(block.kind, as: block, inNote: n) == Self.definition(w, block.kind, block, n),
                                "round \(round), step \(step), note \(n), block \(block.index)")
                        compared += 1
                    }
                }
            }
        }
        #expect(compared > 1_000)
    }

    @Test(arguments: [true, false])
    func sameNamedIsTheDefinitionOnRandomWorkspaces(someWithoutMunicipality: Bool) {
        var random = SeededRandom(state: 7)
        func randomNote(_ path: String) -> Note { Self.randomNote(path, &random, someWithoutMunicipality: someWithoutMunicipality) }
        func definition(_ w: Workspace, _ kind: BlockKind, _ block: Block, _ n: Int) -> [BlockAddress] { Self.definition(w, kind, block, n) }
        var compared = 0, found = 0, classified = 0, skipped = 0
        for round in 0..<300 {
            var w = Workspace(notes: (0..<(1 + random.next(6))).map { randomNote("n\($0).pnote") })
            for step in 0..<3 {
                if step > 0 {
                    if random.next(3) == 0 { _ = w.append(randomNote("extra\(step).pnote")) } else {
                        let n = random.next(w.notes.count)
                        w.replace(noteAt: n, with: randomNote(w.notes[n].path))
                    }
                }
                for n in w.notes.indices {
                    for block in w.notes[n].blocks where NameIndex.isIndexed(block.kind) {
                        let expected = definition(w, block.kind, block, n)
                        #expect(w.sameNamed(block.kind, as: block, inNote: n) == expected, "round \(round), note \(n), block \(block.index)")
                        // The first that fits, for a condition that skips some, asked as the
                        // rules ask: with what the index keeps of the block.
                        let fits = { (a: BlockAddress) in (a.note + a.block) % 2 == 1 }
                        let indexed = w.indexedBlocks(ofNote: n).first { $0.index == block.index }
                        #expect(indexed?.title == block.title && indexed?.headingRange == block.syntax.heading.range)
                        let first = indexed.flatMap { w.firstSameNamed($0, inNote: n) { fits($0.address) } }
                        #expect(first?.address == expected.first(where: fits), "round \(round), note \(n), block \(block.index)")
                        #expect(first.map { $0.block.index == $0.address.block && $0.block.title == w.block($0.address).title } ?? true)
                        // Asked for the other kind, or on behalf of another note (a block the
                        // asking note does not hold, as an edited copy would be), the same.
                        let other: BlockKind = block.kind == .measure ? .targetGroup : .measure
                        #expect(w.sameNamed(other, as: block, inNote: n) == definition(w, other, block, n))
                        let elsewhere = (n + 1) % w.notes.count
                        #expect(w.sameNamed(block.kind, as: block, inNote: elsewhere) == definition(w, block.kind, block, elsewhere))
                        // Each block comes with its class and budget as the index keeps them: the block's own.
                        var handed: [BlockAddress] = []
                        _ = indexed.flatMap { w.firstSameNamed($0, inNote: n) { candidate in
                            let twin = w.block(candidate.address)
                            #expect(candidate.standardGroupClass == twin.standardClassification?.groupClass)
                            #expect(candidate.hasReadableBudget == (twin.field(.budget).map { !$0.isInvalid } ?? false))
                            if candidate.standardGroupClass != nil { classified += 1 }
                            handed.append(candidate.address)
                            return false
                        } }
                        #expect(handed == expected)
                        // The class masks never say "none classed otherwise" wrongly, and say it often.
                        for cls in TargetGroupClass.allCases {
                            guard let indexed, !w.sameNamedMayBeClassed(otherThan: cls, as: indexed, inNote: n) else { continue }
                            #expect(expected.allSatisfy { w.block($0).standardClassification.map { $0.groupClass == cls } ?? true },
                                    "round \(round), note \(n), block \(block.index), \(cls)")
                            skipped += 1
                        }
                        compared += 1
                        found += expected.count
                    }
                }
            }
        }
        // The random workspaces did exercise the lookup.
        #expect(compared > 2_000 && found > 2_000 && classified > 500 && skipped > 1_000)
    }
}

extension Workspace {
    /// Every block `firstSameNamed` would consider, in its order: what the tests compare.
    func sameNamed(_ kind: BlockKind, as block: Block, inNote n: Int) -> [BlockAddress] {
        var same: [BlockAddress] = []
        forEachSameNamed(kind, id: block.foldedID, title: block.foldedTitle, block: block.index, inNote: n) { same.append($0.address); return true }
        return same
    }
}

/// The index and the caches find by `ByteHash` and compare what they find: a hash that
/// ignored bytes would not give wrong answers, only slow ones, so it is tested apart.
@Suite struct ByteHashTests {
    @Test func everyByteOfEveryLengthCounts() {
        // Each byte of texts up to 40 long changed once: a changed hash every time, and
        // the same hash for the same bytes.
        var changed = 0, compared = 0
        for length in 1...40 {
            let text = (0..<length).map { UInt8(truncatingIfNeeded: 0x61 + $0 % 26) }
            let hash = text.withUnsafeBufferPointer { ByteHash.mix($0, 7) }
            #expect(hash == text.withUnsafeBufferPointer { ByteHash.mix($0, 7) })
            for position in 0..<length {
                var other = text
                other[position] ^= 0x20
                compared += 1
                if other.withUnsafeBufferPointer({ ByteHash.mix($0, 7) }) != hash { changed += 1 }
            }
        }
        #expect(compared == 820)
        #expect(changed == compared)
    }

    @Test func lengthAndSeedCount() {
        let zeros = [UInt8](repeating: 0, count: 16)
        let hashes = (0...16).map { n in zeros.withUnsafeBufferPointer { ByteHash.mix(UnsafeBufferPointer(rebasing: $0[..<n]), 1) } }
        #expect(Set(hashes).count == hashes.count, "zero bytes of each length hash apart")
        #expect(zeros.withUnsafeBufferPointer { ByteHash.mix($0, 1) != ByteHash.mix($0, 2) })
    }
}
