import PnoteSyntax
import PnoteTestSupport
import Testing
@testable import PnoteModel

func note(_ text: String, path: String = "a.pnote") -> Note {
    NoteBuilder.build(path: path, tree: Parser.parse(text))
}

func workspace(_ files: [(String, String)]) -> Workspace {
    Workspace(notes: files.map { note($0.1, path: $0.0) })
}

@Suite struct IDTests {
    @Test func idsFromHeadingFieldAndSlug() {
        let n = note("""
        ## Maatregel: POH jeugd {#poh}
        ## Doel: Minder verwijzingen
        - id: minder
        ## Doelgroep: Kinderen van ouders met GGZ-problematiek

        """)
        #expect(n.blocks.map(\.id) == ["poh", "minder", "kinderen-van-ouders-met-ggz-problematiek"])
        #expect(n.blocks.map(\.idSource) == [.heading, .field, .slug])
        #expect(n.blockIndices(withID: "poh") == [0] && n.firstBlock(withID: "poh") == 0)
    }

    @Test func blocksOfAKindComeFromTheIndexInOrder() {
        let n = note("# Domein: Jeugd\n## Doelgroep: A\n## Maatregel: M1\n### Doel: D\n#### Indicator: I\n## Maatregel: M2\n## Begroting: B\n")
        #expect(n.blockIndicesByKind.count == BlockKind.allCases.count)
        for kind in BlockKind.allCases {
            #expect(n.blocks(of: kind).map(\.index) == n.blocks.filter { $0.kind == kind }.map(\.index), "\(kind)")
        }
        #expect(n.blocks(of: .measure).map(\.title) == ["M1", "M2"])
        // A workspace resolves references in place: the blocks handed out are the resolved ones.
        let w = workspace([("a.pnote", "## Doelgroep: A\n## Maatregel: M\n- doelgroep: #a\n")])
        #expect(w.notes[0].blocks(of: .measure)[0].references(.targetGroup).first?.target == BlockAddress(note: 0, block: 0))
    }

    @Test func aNoteKeepsEachBlockNodeOnceWithItsBlock() {
        let text = "# Inleiding\n# Domein: Jeugd\n## Maatregl: Typo\n## Doelgroep: A {#a}\n- leeftijd: 0-12 jaar\n### Maatregel: M\n- doelgroep: #a\n## Bijlage\n"
        let parsed = Parser.parse(text), n = note(text)
        #expect(n.tree.blocks.isEmpty && n.tree.fields.isEmpty, "the tree's copies of the block and field nodes are not kept")
        #expect(n.tree.headings.map(\.lineIndex) == parsed.headings.filter { $0.kind == nil }.map(\.lineIndex))
        #expect(n.tree.headings.count == 3 && n.tree.headings.allSatisfy { $0.kind == nil })
        #expect(n.tree.rootBlocks == parsed.rootBlocks && n.tree.lineKinds == parsed.lineKinds)
        #expect(n.blocks.count == parsed.blocks.count)
        for (block, node) in zip(n.blocks, parsed.blocks) {
            #expect(block.syntax.range == node.range && block.syntax.heading.range == node.heading.range)
            #expect(block.parent == node.parent && block.children == node.children)
            #expect(block.fields.map(\.syntax.range) == parsed.fields(of: node).map(\.range), "each field keeps its own node")
        }
    }

    @Test func blockNameLookupsAgreeWithAPlainSearch() {
        // Ids and titles drawn from a few names, so that they repeat, collide and go missing.
        var random = SeededRandom(state: 11)
        let names = ["Wijkkracht", "wijkkracht", "Mantelzorg", "POH jeugd", "Één", "een", "x"]
        for _ in 0..<60 {
            var text = ""
            for _ in 0..<random.next(30) {
                let title = names[random.next(names.count)]
                let id = random.next(3) == 0 ? " {#\(names[random.next(names.count)].replacingOccurrences(of: " ", with: "-"))}" : ""
                text += "## \(["Maatregel", "Doel", "Doelgroep"][random.next(3)]): \(title)\(id)\n"
            }
            // With a reference by title the note has a title table; without, titles are scanned.
            let byTitle = random.next(2) == 0
            if byTitle { text += "## Maatregel: Verwijzer\n- doelgroep: Mantelzorg\n" }
            let n = note(text)
            #expect((n.blocksByTitle != nil) == byTitle)
            for name in names.map(Folding.fold) + ["poh-jeugd", "missing", ""] {
                let withID = n.blocks.filter { !$0.id.isEmpty && $0.foldedID == name }.map(\.index)
                #expect(n.blockIndices(withID: name) == withID, "\(text)")
                #expect(n.firstBlock(withID: name) == withID.first)
                #expect(n.firstBlock(withTitle: name) == n.blocks.first { $0.foldedTitle == name }?.index)
            }
            var groups: [[Int]] = []
            for block in n.blocks where !block.id.isEmpty {
                let group = n.blocks.filter { !$0.id.isEmpty && $0.foldedID == block.foldedID }.map(\.index)
                if group.count > 1 && group[0] == block.index { groups.append(group) }
            }
            #expect(n.blocksSharingAnID == groups)
        }
    }

    @Test func manyBlocksOfOneNameAreChainedNotProbed() {
        // 30,000 blocks with one id: each is a step in its name's chain. Probed past each
        // other they took the square of their number (a million headings never finished).
        let n = note(String(repeating: "## Doel: D\n## Maatregel: M {#m}\n", count: 15_000))
        let ds = n.blockIndices(withID: "d")
        #expect(ds.count == 15_000 && ds.first == 0 && ds.last == 29_998 && ds == Array(stride(from: 0, to: 30_000, by: 2)))
        #expect(n.blockIndices(withID: "m").count == 15_000 && n.firstBlock(withID: "m") == 1)
        #expect(n.firstBlock(withTitle: "m") == 1 && n.firstBlock(withTitle: "d") == 0)
        #expect(n.blocksSharingAnID.map(\.count) == [15_000, 15_000])
    }

    @Test func fieldKeysFitInOneWordOfBits() {
        // PN003 keeps the keys a block has shown in one UInt64, a bit per raw value.
        #expect(FieldKey.allCases.map(\.rawValue) == Array(0..<FieldKey.allCases.count))
        #expect(FieldKey.allCases.count <= 64)
    }

    @Test func referencesOfSeveralFieldsComeInOrder() {
        // One field's list is handed out as it is; several are joined in field order.
        let n = note("## Doelgroep: A\n## Doelgroep: B\n## Doelgroep: C\n## Maatregel: M\n- doelgroep: #a, #b\n- niveau: selectief\n- doelgroep: #c\n")
        #expect(n.blocks[3].references(.targetGroup).map(\.text.written) == ["#a", "#b", "#c"])
        #expect(n.blocks[3].references(.goal).isEmpty)
    }

    @Test func duplicateIDsAreCollected() {
        let n = note("## Doelgroep: Mantelzorgers\n## Doelgroep: mantelzorgers\n")
        #expect(n.blockIndices(withID: "mantelzorgers") == [0, 1])
    }
}

@Suite struct ReferenceTests {
    @Test func referencesReadFromBytesEqualTheParsedText() {
        // `#id` in ASCII is read straight from the bytes; anything else goes through
        // `ReferenceText.parse`. Both must give the same reference for every item.
        var random = SeededRandom(state: 55)
        let pieces = ["#", "#", "a", "B", "1", "-", " ", "\t", ",", ";", "é", "e\u{301}", ".pnote", "x.pnote#", " #", "中"]
        var items = 0
        for _ in 0..<1_500 {
            var value = ""
            for _ in 0..<(1 + random.next(12)) { value += pieces[random.next(pieces.count)] }
            let tree = Parser.parse("## Maatregel: M\n- doelgroep: \(value)\n")
            guard let node = tree.fields.first else { continue }
            NoteBuilder.forEachListItem(in: node.valueRange, tree: tree) { item in
                items += 1
                let fromBytes = NoteBuilder.referenceText(item, tree: tree), parsed = ReferenceText.parse(tree.text(item))
                #expect(fromBytes == parsed, "\(value.debugDescription) item \(tree.text(item).debugDescription)")
            }
        }
        #expect(items > 1_000)
    }

    @Test func aTitleUsedTwiceNamesItsFirstBlock() {
        // Two groups of the same title (PN006 reports that): a reference by title goes to
        // the first, wherever the referring block stands.
        let w = workspace([("a.pnote", """
        ## Maatregel: Vooraf
        - doelgroep: ouderen
        ## Doelgroep: Ouderen {#o1}
        ## Doelgroep: Ouderen {#o2}
        ## Maatregel: Achteraf
        - doelgroep: Ouderen

        """)])
        #expect(w.notes[0].blocks[0].references(.targetGroup).first?.target == BlockAddress(note: 0, block: 1))
        #expect(w.notes[0].blocks[3].references(.targetGroup).first?.target == BlockAddress(note: 0, block: 1))
    }

    @Test func byIDTitleAndWrongKind() {
        let w = workspace([("a.pnote", """
        ## Doelgroep: Mantelzorgers {#mz}
        ## Doel: Minder overbelasting {#doel}
        ## Maatregel: Respijtzorg
        - doelgroep: #mz, mantelzorgers; #doel, #niets

        """)])
        let refs = w.notes[0].blocks[2].references(.targetGroup)
        #expect(refs.map(\.text.written) == ["#mz", "mantelzorgers", "#doel", "#niets"])
        #expect(refs[0].target == BlockAddress(note: 0, block: 0))
        #expect(refs[0].problem == nil)
        #expect(refs[1].target == BlockAddress(note: 0, block: 0), "by title, case-insensitively")
        #expect(refs[2].problem == .wrongKind(.goal))
        #expect(refs[3].problem == .unresolved)
        let tree = w.notes[0].tree
        #expect(refs.map { tree.text($0.range) } == ["#mz", "mantelzorgers", "#doel", "#niets"])
    }

    @Test func acrossNotesInsideTheWorkspaceOnly() {
        let w = workspace([
            ("jeugd/a.pnote", "## Maatregel: X\n- doelgroep: ../gedeeld/groepen.pnote#kopp, groepen.pnote#x, /etc/passwd.pnote#a, ../../x.pnote#a\n"),
            ("gedeeld/groepen.pnote", "## Doelgroep: KOPP {#kopp}\n"),
        ])
        let refs = w.notes[0].blocks[0].references(.targetGroup)
        #expect(refs[0].target == BlockAddress(note: 1, block: 0))
        #expect(refs[0].problem == nil)
        #expect(refs[1].problem == .unresolved)
        #expect(refs[2].problem == .outsideWorkspace)
        #expect(refs[3].problem == .outsideWorkspace)
    }

    @Test func referenceCyclesDoNotHang() {
        let w = workspace([("a.pnote", "## Doel: A {#a}\n## Maatregel: M {#m}\n- doel: #a\n- doelgroep: #m\n"),
                           ("b.pnote", "## Maatregel: N\n- doel: a.pnote#a, b.pnote#n\n")])
        #expect(w.notes[0].blocks[1].references(.targetGroup).first?.problem == .wrongKind(.measure))
        #expect(w.notes[1].blocks[0].references(.goal).count == 2)
    }
}

@Suite struct NestingSemanticsTests {
    let n = workspace([("a.pnote", """
    # Domein: Jeugd
    ## Begroting: Preventie jeugd
    - totaal: € 1 mln per jaar
    ## Doelgroep: Jongeren {#jongeren}
    ### Maatregel: Jongerenwerk {#jw}
    - budget: € 10.000 per jaar
    ## Doel: Minder schooluitval {#uitval}
    ### Indicator: Voortijdig schoolverlaters
    ### Maatregel: Mentoraat {#mentor}
    - doelgroep: #jongeren
    # Domein: Wmo
    ## Begroting: Wmo 1
    ## Begroting: Wmo 2
    ## Maatregel: Respijtzorg {#respijt}
    - domein: jeugd

    """)]).notes[0]

    @Test func measureInsideTargetGroupTargetsIt() {
        #expect(n.blocks.map(\.kind) == [.domain, .budget, .targetGroup, .measure, .goal, .indicator, .measure,
                                         .domain, .budget, .budget, .measure])
        #expect(n.measureTargets[3] == [BlockAddress(note: 0, block: 2)])
        #expect(n.measureGoals[3] == [])
    }

    @Test func measureInsideGoalContributesAndIndicatorBelongs() {
        #expect(n.measureGoals[6] == [BlockAddress(note: 0, block: 4)])
        #expect(n.measureTargets[6] == [BlockAddress(note: 0, block: 2)])
        #expect(n.indicatorGoal[5] == 4)
    }

    @Test func domainsAreInheritedOrOverridden() {
        #expect(n.blocks[3].domain?.key == "jeugd")
        #expect(n.blocks[10].domain?.key == "jeugd", "own domein field overrides the enclosing Wmo domain")
        #expect(n.blocks[9].domain?.key == "wmo")
        #expect(n.measureEnvelope[10] == BlockAddress(note: 0, block: 1), "jeugd has exactly one envelope")
    }

    @Test func envelopeByDomainWhenTheDomainHasExactlyOne() {
        #expect(n.measureEnvelope[3] == BlockAddress(note: 0, block: 1))
        #expect(n.measureEnvelope[6] == BlockAddress(note: 0, block: 1))
    }
}

@Suite struct SettingsTests {
    @Test func frontMatterIsTyped() {
        let n = note("---\ntitel: X\nstatus: concept\ndatum: 21 mei 2019\nperiode: 2020 t/m 2023\ntaal: en\nindeling: stadium\nfocus: primair\nvereist: bron\n---\n")
        #expect(n.settings.status == .draft)
        #expect(n.settings.date == CalendarDate(year: 2019, month: 5, day: 21))
        #expect(n.settings.period == YearSpan(first: 2020, last: 2023))
        #expect(n.settings.language == .en)
        #expect(n.settings.classification == .stage)
        #expect(n.settings.focus == .primary)
        #expect(n.settings.requires == [.source])
        #expect(n.settings.referenceYear == 2020)
        #expect(n.frontMatter.allSatisfy { $0.problem == nil })
    }

    @Test func numbersFollowTheNoteLanguage() {
        let en = note("---\ntaal: en\n---\n## Maatregel: X\n- budget: €2.5m per year\n")
        guard case .amount(let m)? = en.blocks[0].budget else { Issue.record("no budget"); return }
        #expect(m.cents == 250_000_000)
        let nl = note("## Maatregel: X\n- budget: €2.5m per year\n")
        if case .invalid = nl.blocks[0].field(.budget)!.value {} else { Issue.record("2.5 is ambiguous in nl") }
    }
}

@Suite struct WorkspaceUpdateTests {
    @Test func replacingANoteResolvesItAndTheNotesThatReferToIt() {
        var w = workspace([("a.pnote", "## Maatregel: M\n- doelgroep: b.pnote#kopp\n"),
                           ("b.pnote", "## Doelgroep: Iets anders {#x}\n")])
        #expect(w.notes[0].blocks[0].references(.targetGroup)[0].problem == .unresolved)
        w.replace(noteAt: 1, with: note("## Doel: D\n## Doelgroep: KOPP {#kopp}\n", path: "b.pnote"))
        let ref = w.notes[0].blocks[0].references(.targetGroup)[0]
        #expect(ref.problem == nil, "a stale problem is cleared")
        #expect(ref.target == BlockAddress(note: 1, block: 1))
        #expect(w.notes[0].measureTargets[0] == [BlockAddress(note: 1, block: 1)])
    }

    @Test func appendingANote() {
        var w = workspace([("a.pnote", "## Maatregel: M\n- doelgroep: c.pnote#g\n")])
        let i = w.append(note("## Doelgroep: G {#g}\n", path: "c.pnote"))
        #expect(i == 1)
        #expect(w.notes[0].blocks[0].references(.targetGroup)[0].target == BlockAddress(note: 1, block: 0))
    }
}

/// A block answers "which fields?" from the bits of its keys (`Block.keyBit`), made once:
/// the answers must be those of its fields.
@Suite struct FieldPresenceTests {
    @Test func keysFitTheirBits() {
        #expect(FieldKey.allCases.count < 31, "one bit per key, and the last for unknown keys")
        #expect(Set(FieldKey.allCases.map { Block.keyBit($0) }).count == FieldKey.allCases.count)
        #expect(!FieldKey.allCases.contains { Block.keyBit($0) == Block.keyBit(nil) })
    }

    @Test func presenceAgreesWithTheFields() {
        let tree = Parser.parse("""
            ## Maatregel: Steunpunt {#s}
            - niveau: selectief
            - doelgroep: #g
            - budget: € 10.000 per jaar
            - kleur: blauw
            ## Doelgroep: Mantelzorgers {#g}
            - kenmerk: risicofactor: mantelzorg
            ## Doel: Minder uitval

            """)
        let note = NoteBuilder.build(path: "a.pnote", tree: tree, cache: nil)
        var present = 0
        for block in note.blocks {
            for key in FieldKey.allCases {
                let has = block.fields.contains { $0.key == key }
                #expect(block.hasField(key) == has, "\(block.title) \(key)")
                #expect((block.field(key) != nil) == has && (block.value(key) != nil) == has)
                if has { present += 1 }
            }
            #expect(block.hasField(nil) == block.fields.contains { $0.key == nil })
        }
        #expect(present == 4 && note.blocks[0].hasField(nil) && !note.blocks[1].hasField(nil))
    }

    @Test func presenceFollowsChangedFields() {
        var block = NoteBuilder.build(path: "a.pnote", tree: Parser.parse("## Maatregel: M\n- niveau: selectief\n"), cache: nil).blocks[0]
        #expect(block.hasField(.level) && !block.hasField(.budget))
        block.fields[0].key = .budget
        #expect(!block.hasField(.level) && block.hasField(.budget) && block.value(.budget) != nil)
        block.fields.removeAll()
        #expect(!block.hasField(.budget) && block.field(.budget) == nil)
    }

    /// Lookups read the fields where the block's list keeps them: after any change, to a
    /// block alone or to one of two copies that share their box and list, each copy must
    /// read its own fields.
    @Test func lookupsFollowTheFieldsOfEachCopy() {
        let original = NoteBuilder.build(path: "a.pnote", tree: Parser.parse("## Maatregel: M\n- niveau: selectief\n- budget: € 10 per jaar\n"), cache: nil).blocks[0]
        var grown = original
        grown.fields += Array(repeating: original.fields[1], count: 40)  // a new buffer
        grown.fields[0].key = nil
        var rewritten = original
        rewritten.setValue(.text("anders"), ofField: 1)
        var emptied = original
        emptied.fields.removeAll()
        func budgetText(_ b: Block) -> String? {
            if case .text(let t)? = b.value(.budget) { return t }
            return b.value(.budget).map { _ in "budget" }
        }
        #expect(original.value(.level) != nil && budgetText(original) == "budget" && original.field(.budget)?.rawValue == "€ 10 per jaar")
        #expect(grown.value(.level) == nil && budgetText(grown) == "budget" && grown.fields.count == 42 && grown.hasField(nil))
        #expect(budgetText(rewritten) == "anders" && rewritten.value(.level) != nil)
        #expect(emptied.value(.level) == nil && emptied.field(.budget) == nil && emptied.references(.targetGroup).isEmpty)
        #expect(budgetText(original) == "budget", "the copies' changes leave the original as it was")
    }

    /// PN003 skips a block when `mayRepeatAKey` is false: it must never be false for a
    /// block with a key twice (two unknown keys count as one repeated key).
    @Test func aRepeatedKeyIsNeverMissed() {
        let tree = Parser.parse("""
            ## Maatregel: Twee budgetten
            - budget: € 10.000 per jaar
            - niveau: selectief
            - budget: € 20.000 per jaar
            ## Maatregel: Elk veld één keer
            - budget: € 10.000 per jaar
            - niveau: selectief
            - kleur: blauw
            ## Maatregel: Twee onbekende
            - kleur: blauw
            - geur: fris
            ## Maatregel: Geen velden

            """)
        let blocks = NoteBuilder.build(path: "a.pnote", tree: tree, cache: nil).blocks
        #expect(blocks.map(\.mayRepeatAKey) == [true, false, true, false])
        var changed = blocks[1]
        changed.fields[1].key = .budget
        #expect(changed.mayRepeatAKey, "made again when a key changes")
    }
}

@Suite struct MessageTemplateTests {
    @Test func fillsItsPlacesAsConcatenationDoes() {
        let template = MessageTemplate(nl: "maatregel '{0}' staat ook in {1}", en: "measure '{0}' is also in {1}")
        let pieces = ["", "Één 😀 ß", String(repeating: "x", count: 100), "a/b.pnote"]
        for title in pieces {
            for path in pieces {
                let message = Localized(template, title, path)
                #expect(message.nl == "maatregel '" + title + "' staat ook in " + path)
                #expect(message.en == "measure '" + title + "' is also in " + path)
                #expect(message.nl.utf8.count == "maatregel '' staat ook in ".utf8.count + title.utf8.count + path.utf8.count)
                var written = ""
                message.forEachPiece(.en) { written += String(decoding: $0, as: UTF8.self) }
                #expect(written == message.en)
                // Equal to the same texts kept as texts, and hashed alike.
                let texts = Localized(nl: message.nl, en: message.en)
                #expect(message == texts && Set([message, texts]).count == 1)
                #expect(message != Localized(nl: message.nl, en: message.en + "."))
            }
        }
    }

    @Test func readsPlacesAndLeavesOtherBracesAsText() {
        func nl(_ text: String, _ arguments: String...) -> String {
            var message = Localized(nl: "", en: "")
            switch arguments.count {
            case 0: message = Localized(MessageTemplate(nl: text, en: ""))
            case 1: message = Localized(MessageTemplate(nl: text, en: ""), arguments[0])
            default: message = Localized(MessageTemplate(nl: text, en: ""), arguments[0], arguments[1])
            }
            return message.nl
        }
        #expect(nl("{0}", "a") == "a")
        #expect(nl("{1}{0}", "a", "b") == "ba")
        #expect(nl("{0} en {0}", "a") == "a en a")
        #expect(nl("{x} {} { 0} {0", "a") == "{x} {} { 0} {0")
        #expect(nl("{{0}}", "a") == "{a}")
        #expect(nl("zonder plaatsen") == "zonder plaatsen")
        #expect(nl("") == "")
        // A place without an argument stays as written: a message, never a crash.
        #expect(nl("{0} en {2}", "a", "b") == "a en {2}")
        #expect(MessageTemplate.pieces(of: "a{0}b{x}c") == [.text("a"), .argument(0), .text("b{x}c")])
    }

    @Test func aTextSetOnATemplateKeepsTheOtherLanguage() {
        var message = Localized(MessageTemplate(nl: "n {0}", en: "e {0}"), "1")
        message.nl = "anders"
        #expect(message.nl == "anders" && message.en == "e 1")
    }
}

/// The notes that can refer into a note: the note itself and those naming other notes,
/// kept as notes are replaced and added, so that rules need not look at every note.
@Suite struct ReferringNotesTests {
    @Test func theListFollowsEdits() {
        func text(naming other: String?) -> String {
            "## Doelgroep: G {#g}\n## Maatregel: M\n- doelgroep: \(other.map { "\($0)#g" } ?? "#g")\n"
        }
        var w = workspace([("a.pnote", text(naming: nil)), ("b.pnote", text(naming: "a.pnote")),
                           ("c.pnote", text(naming: nil)), ("d.pnote", text(naming: "c.pnote"))])
        func expect(_ naming: [Int], _ line: Int = #line) {
            let actual = w.notes.indices.filter { w.notes[$0].hasExternalReferences }
            #expect(actual == naming && w.notesNamingOthers == naming, "line \(line)")
            for n in w.notes.indices {
                #expect(w.notesReferring(to: n) == Array(Set(naming + [n])).sorted(), "line \(line), note \(n)")
            }
        }
        expect([1, 3])
        w.replace(noteAt: 1, with: note(text(naming: nil), path: "b.pnote"))
        expect([3])
        w.replace(noteAt: 0, with: note(text(naming: "d.pnote"), path: "a.pnote"))
        expect([0, 3])
        _ = w.append(note(text(naming: "a.pnote"), path: "e.pnote"))
        expect([0, 3, 4])
        _ = w.append(note(text(naming: nil), path: "f.pnote"))
        expect([0, 3, 4])
        // What the lists feed: a measure in another note that names the group counts.
        #expect(w.notes[4].measureTargets.values.flatMap { $0 }.contains(BlockAddress(note: 0, block: 0)))
    }
}
