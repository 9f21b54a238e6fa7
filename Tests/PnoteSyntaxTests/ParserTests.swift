import PnoteTestSupport
import Testing
@testable import PnoteSyntax

/// Parses a marked fixture and returns the tree and the marked ranges.
func parseMarked(_ marked: String) -> (SyntaxTree, [TextRange]) {
    let m = MarkedText(marked)
    return (Parser.parse(m.text), m.ranges)
}

@Suite struct NodeStorageTests {
    @Test func headingAndBlockNodesAreStoredSmall() {
        // A block keeps its node; these sizes are a large workspace's memory.
        #expect(MemoryLayout<HeadingNode>.size <= 67)
        #expect(MemoryLayout<BlockNode>.size <= 96)
    }

    @Test func smallStoredNumbersReadBackAsWritten() {
        var heading = HeadingNode(lineIndex: 4_000_000_000, range: TextRange(1, 2), level: 6, contentRange: TextRange(2, 2))
        #expect(heading.lineIndex == 4_000_000_000 && heading.level == 6 && heading.kind == nil && heading.idRange == nil)
        heading.lineIndex = 7
        heading.level = 1
        #expect(heading.lineIndex == 7 && heading.level == 1)
        var block = BlockNode(heading: heading, kind: .goal, fieldIndices: 4..<7, parent: nil, children: [3], range: TextRange(0, 9))
        #expect(block.parent == nil)
        block.parent = 0
        #expect(block.parent == 0)
        block.parent = 123_456
        #expect(block.parent == 123_456 && block.kind == .goal && block.children == [3])
        block.parent = nil
        #expect(block.parent == nil && block.fieldIndices == 4..<7)
        block.fieldIndices = 70_000..<4_000_000_000
        #expect(block.fieldIndices == 70_000..<4_000_000_000 && block.parent == nil)
    }

    @Test func eachBlocksFieldsAreItsRunOfTheTreesFields() {
        // Nested blocks, a block without fields, continuation lines and prose between runs.
        let tree = Parser.parse("""
            # Domein: Jeugd
            - domein: jeugd
            ## Doelgroep: A
            Proza.
            ## Maatregel: M
            - niveau: selectief
            - doel: #d,
              #e
            ### Doel: D
            - indicator: x
            ## Doel: Leeg
            """)
        #expect(tree.blocks.map { tree.fields(of: $0).map { tree.text($0.keyRange) } }
                == [["domein"], [], ["niveau", "doel"], ["indicator"], []])
        #expect(tree.fields.count == 4 && tree.blocks.map(\.fieldIndices) == [0..<1, 1..<1, 1..<3, 3..<4, 4..<4])
        #expect(tree.fields(of: tree.blocks[2]).last!.continuationRanges.map { tree.text($0) } == ["#e"])
    }
}

@Suite struct FrontMatterTests {
    @Test func entriesHaveExactRanges() {
        let (tree, r) = parseMarked("---\n⟦titel⟧: ⟦Preventie Jeugd⟧\n# commentaar\n⟦periode⟧: ⟦2020-2023⟧\n---\n# Kop\n")
        let fm = try! #require(tree.frontMatter)
        #expect(fm.closingLine == 4)
        #expect(fm.entries.map(\.keyRange) == [r[0], r[2]])
        #expect(fm.entries.map(\.valueRange) == [r[1], r[3]])
        #expect(tree.problems.isEmpty)
        #expect(tree.lineKinds[5] == .heading)
    }

    @Test func unclosedFrontMatterRecoversAtFirstNonEntryLine() throws {
        let (tree, r) = parseMarked("⟦---⟧\ntitel: X\n\n## Maatregel: Y\n- niveau: universeel\n")
        #expect(tree.problems.map(\.kind) == [.frontMatterNotClosed])
        #expect(tree.problems[0].range == r[0])
        #expect(tree.frontMatter?.entries.count == 1)
        try #require(tree.blocks.count == 1, "the document after the broken front matter is still parsed")
        #expect(tree.fields(of: tree.blocks[0]).count == 1)
    }

    @Test func invalidLineIsReported() {
        let (tree, r) = parseMarked("---\ntitel: X\n⟦zomaar een zin⟧\n---\n")
        #expect(tree.problems.map(\.kind) == [.frontMatterInvalidLine])
        #expect(tree.problems[0].range == r[0])
    }

    @Test func dashesLaterInTheFileAreNotFrontMatter() {
        let tree = Parser.parse("# Kop\n---\ntitel: X\n---\n")
        #expect(tree.frontMatter == nil)
    }
}

@Suite struct HeadingTests {
    @Test func keywordHeadingWithTitleAndID() {
        let (tree, r) = parseMarked("⟦## ⟦Maatregel⟧: ⟦Praktijkondersteuner jeugd⟧ {#⟦poh-jeugd⟧}⟧\n")
        let h = try! #require(tree.headings.first)
        #expect(h.kind == .measure)
        #expect(h.level == 2)
        #expect(h.range == r[0])
        #expect(h.keywordRange == r[1])
        #expect(h.titleRange == r[2])
        #expect(h.idRange == r[3])
    }

    @Test(arguments: [
        ("# Doelgroep: X", BlockKind.targetGroup), ("### target GROUP: X", .targetGroup), ("## Doel: X", .goal),
        ("## Goal: X", .goal), ("#### KPI: X", .indicator), ("## Indicator : X", .indicator),
        ("## Interventie: X", .measure), ("## Intervention: X", .measure), ("## Begroting: X", .budget),
        ("## Budget: X", .budget), ("# Domein: Jeugd", .domain), ("# Domain: Youth", .domain),
        ("## Maatregel: X ##", .measure),
    ])
    func everyKeywordIsRecognised(line: String, kind: BlockKind) {
        #expect(Parser.parse(line + "\n").headings.first?.kind == kind)
    }

    @Test(arguments: ["## Doelen en maatregelen", "#Maatregel: X", "    ## Maatregel: X", "## Maatregelen: overzicht",
                      "####### Maatregel: X", "## Doelgroepen", "## Doel van deze notitie"])
    func nonKeywordHeadingsAreNoBlocks(line: String) {
        #expect(Parser.parse(line + "\n").blocks.isEmpty)
    }

    @Test func plainHeadingWithColonKeepsItsLabel() {
        let (tree, r) = parseMarked("## ⟦Maatregl⟧: ⟦Huisbezoeken⟧\n")
        #expect(tree.headings[0].kind == nil)
        #expect(tree.headings[0].labelRange == r[0])
        #expect(tree.headings[0].titleRange == r[1])
    }

    @Test func emptyTitle() {
        let tree = Parser.parse("## Doel:\n")
        #expect(tree.blocks[0].kind == .goal)
        #expect(tree.blocks[0].heading.titleRange?.isEmpty == true)
    }
}

@Suite struct NestingTests {
    @Test func blocksNestByHeadingLevel() {
        let text = """
        # Domein: Jeugd
        ## Doel: Minder verwijzingen
        ### Indicator: Verwijzingen
        ### Achtergrond
        #### Maatregel: POH
        ## Doelgroep: Jongeren
        # Bijlage
        ## Maatregel: Los

        """
        let tree = Parser.parse(text)
        #expect(tree.blocks.map(\.kind) == [.domain, .goal, .indicator, .measure, .targetGroup, .measure])
        #expect(tree.rootBlocks == [0, 5])
        #expect(tree.blocks[0].children == [1, 4])
        #expect(tree.blocks[1].children == [2, 3], "a plain heading deeper than the goal does not end it")
        #expect(tree.blocks[3].parent == 1)
        #expect(tree.blocks[5].parent == nil, "the plain '# Bijlage' heading ends the domain")
    }

    @Test func blockRangeEndsAtNextHeadingOfSameOrHigherLevel() {
        let (tree, r) = parseMarked("⟦## Doel: A\ntekst\n### Indicator: B\n⟧## Doel: C\n")
        #expect(tree.blocks[0].range == r[0])
        #expect(tree.blocks[2].range.end == tree.source.bytes.count)
    }
}

@Suite struct FieldTests {
    @Test func plainAndListFormWithBlankLinesAndContinuation() {
        let text = """
        ## Maatregel: X
        - ⟦niveau⟧: ⟦selectief⟧

        * ⟦budget⟧: ⟦€ 250.000 per jaar⟧
          ⟦(2020-2023)⟧
        ⟦financiering⟧: ⟦incidenteel⟧
        Dit is proza.
        - geen: veld meer

        """
        let (tree, r) = parseMarked(text)
        let fields = tree.fields(of: tree.blocks[0])
        #expect(fields.count == 3)
        #expect(fields.map(\.keyRange) == [r[0], r[2], r[5]])
        #expect(fields.map(\.valueRange) == [r[1], r[3], r[6]])
        #expect(fields[1].continuationRanges == [r[4]])
        #expect(tree.lineKinds[6] == .prose)
        #expect(tree.lineKinds[7] == .prose, "the field run ended at the prose line")
    }

    @Test func urlsAndLongKeysAreNoFields() {
        let tree = Parser.parse("## Maatregel: X\nhttps://example.org: zie daar\n")
        #expect(tree.fields(of: tree.blocks[0]).isEmpty)
        let long = Parser.parse("## Maatregel: X\n- dit zijn veel te veel woorden: ja\n")
        #expect(long.fields(of: long.blocks[0]).isEmpty, "keys have one to four words")
    }

    @Test func multiWordKeys() {
        let tree = Parser.parse("## Measure: X\n- target group: #a\n- draagt bij aan: #b\n")
        #expect(tree.fields(of: tree.blocks[0]).map { tree.text($0.keyRange) } == ["target group", "draagt bij aan"])
    }

    @Test func suppressionCommentInsideTheRunDoesNotEndIt() {
        let tree = Parser.parse("## Maatregel: X\n- niveau: selectief\n<!-- pnote-disable PN201 -->\n- budget: € 5\n")
        #expect(tree.fields(of: tree.blocks[0]).count == 2)
        #expect(tree.comments.first?.suppression == SuppressionDirective(fileScope: false, rules: ["PN201"]))
    }
}

@Suite struct ProseStructureTests {
    @Test func fencedCodeIsNeverStructure() {
        let text = "```\n## Maatregel: in code\n```\n~~~~\n## Doel: ook code\n~~~\nnog code\n~~~~\n## Doel: echt\n"
        let tree = Parser.parse(text)
        #expect(tree.blocks.count == 1)
        #expect(tree.text(tree.blocks[0].heading.titleRange!) == "echt")
    }

    @Test func htmlCommentsAreNeverStructure() {
        let (tree, r) = parseMarked("⟦<!--\n## Maatregel: weg\n-->⟧\n## Doel: blijft\n")
        #expect(tree.blocks.count == 1)
        #expect(tree.comments.map(\.range) == [r[0]])
        #expect(tree.comments[0].suppression == nil)
    }

    @Test(arguments: [
        ("<!-- pnote-disable -->", SuppressionDirective(fileScope: false, rules: [])),
        ("<!-- pnote-disable PN201, level-mismatch -->", SuppressionDirective(fileScope: false, rules: ["PN201", "level-mismatch"])),
        ("<!--pnote-disable-file PN306-->", SuppressionDirective(fileScope: true, rules: ["PN306"])),
    ])
    func suppressionDirectives(comment: String, expected: SuppressionDirective) {
        #expect(Parser.parse(comment + "\n").comments.first?.suppression == expected)
    }
}

@Suite struct EncodingTests {
    @Test func crlfRangesExcludeTheCarriageReturn() {
        let tree = Parser.parse("## Maatregel: X\r\n- niveau: selectief\r\n")
        let f = tree.fields(of: tree.blocks[0])[0]
        #expect(tree.text(f.valueRange) == "selectief")
        #expect(tree.source.usesCRLF)
        #expect(tree.text(tree.blocks[0].heading.titleRange!) == "X")
    }

    @Test func bomIsNotPartOfLineOneAndColumnsCountScalars() {
        let tree = Parser.parse("\u{FEFF}## Doel: Één {#een}\n- bron: CBS\n")
        #expect(tree.source.bomLength == 3)
        #expect(tree.blocks.count == 1)
        let title = tree.blocks[0].heading.titleRange!
        #expect(tree.source.location(of: title.start) == SourceLocation(line: 1, column: 10, offset: title.start))
        let id = tree.blocks[0].heading.idRange!
        #expect(tree.source.location(of: id.start).column == 16, "É and é count as one column each")
    }

    @Test func offsetAndLocationRoundTrip() {
        let source = SourceText("ab€c\nd\u{1F600}e\n")
        for offset in [0, 1, 2, 5, 6, 7, 8, 12, 13] {  // scalar boundaries
            let loc = source.location(of: offset)
            #expect(source.offset(line: loc.line, column: loc.column) == offset)
        }
    }
}

/// `mayContainFolded` lets rules skip folding text: it may only say "no" when folding
/// could not have matched.
@Suite struct MayContainFoldedTests {
    @Test func asciiTextIsMatchedIgnoringCase() {
        let source = SourceText("Wij doen aan Selectieve PREVENTIE.\nGeen woord hier.\n")
        #expect(source.mayContainFolded("preventi", in: source.lineRange(0)))
        #expect(!source.mayContainFolded("preventi", in: source.lineRange(1)))
        #expect(!source.mayContainFolded("preventi", in: TextRange(0, 30)), "a match cut off by the range end is no match")
    }

    @Test func everyPlaceOfAMatchIsFoundAsOneByOne() {
        // A match, a non-ASCII byte or a cut-off match at each place of a text and its
        // ranges, against a plain byte-by-byte search.
        func plain(_ text: [UInt8], _ range: TextRange) -> Bool {
            let needle = Array("preventi".utf8)
            if text[range.start..<range.end].contains(where: { $0 >= 0x80 }) { return true }
            guard range.length >= needle.count else { return false }
            return (range.start...(range.end - needle.count)).contains { i in
                needle.indices.allSatisfy { k in Byte.lower(text[i + k]) == needle[k] }
            }
        }
        // Forty bytes: five words of eight, read a word at a time, and places in between.
        var compared = 0
        for insert in ["PREVENTI", "preventie", "prevent", "é", "Preventive", "p", "P"] {
            for position in 0..<36 {
                var text = Array(repeating: UInt8(ascii: "a"), count: 40)
                let word = Array(insert.utf8)
                text.replaceSubrange(position..<min(text.count, position + word.count), with: word.prefix(text.count - position))
                let source = SourceText(bytes: text)
                for start in [0, 1, 3, 7, 9] {
                    for end in [source.bytes.count, source.bytes.count - 2, 15, 33] where end >= start {
                        let range = TextRange(start, end)
                        #expect(source.mayContainFolded("preventi", in: range) == plain(source.bytes, range),
                                "\(insert) at \(position), \(start)..<\(end)")
                        compared += 1
                    }
                }
            }
        }
        #expect(compared == 7 * 36 * 20)
    }

    @Test func textOutsideASCIIIsAlwaysFolded() {
        // Folding turns é into e: only folding can tell, so the answer is "maybe".
        let source = SourceText("prévention sélective\n")
        #expect(source.mayContainFolded("preventi", in: source.lineRange(0)))
    }
}

/// Offsets are 32-bit: text past the maximum is left out, so every range stays exact.
@Suite struct MaximumSizeTests {
    @Test func textBeyondTheMaximumIsLeftOut() {
        let text = "## Doel: Minder eenzaamheid\n- bron: CBS\n## Doel: Te laat\n"
        let source = SourceText(bytes: Array(text.utf8), maximumSize: 40)
        #expect(source.bytes.count == 40)
        let tree = Parser.parse(source)
        #expect(tree.blocks.count == 1)
        #expect(tree.text(tree.blocks[0].heading.titleRange!) == "Minder eenzaamheid")
        #expect(tree.blocks[0].range.end <= 40)
    }

    @Test func rangesKeepOffsetsUpToTheMaximum() {
        let far = Int(UInt32.max) - 1
        var range = TextRange(far - 10, far)
        #expect(range.start == far - 10 && range.end == far && range.length == 10)
        range.end += 1
        #expect(range.end == Int(UInt32.max))
        #expect(SourceText.maximumSize == Int(UInt32.max))
    }
}

@Suite struct LineStartTests {
    @Test func lineStartsAreEachLinesFirstByte() {
        var random = SeededRandom(state: 7)
        let pieces = ["a", "é", "\n", "\r\n", "\r", " ", "## Kop\n"]
        for _ in 0..<300 {
            var text = random.next(4) == 0 ? "\u{FEFF}" : ""
            for _ in 0..<random.next(40) { text += pieces[random.next(pieces.count)] }
            let bytes = Array(text.utf8), source = SourceText(bytes: bytes)
            let bom = source.bomLength
            var expected = [bom]
            for i in bom..<bytes.count where bytes[i] == 0x0A && i + 1 < bytes.count { expected.append(i + 1) }
            #expect(Array(source.lineStarts) == expected, "\(text.debugDescription)")
            #expect(source.lineCount == expected.count)
        }
    }
}
