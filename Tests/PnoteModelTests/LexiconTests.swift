import PnoteSyntax
import PnoteTestSupport
import Testing
@testable import PnoteModel

@Suite struct LexiconTests {
    let lexicon = Lexicon.standard

    @Test(arguments: [
        // The council's point (seed 004): a diagnosis means the problem already exists.
        ("Jeugdigen met ggz-problematiek", Optional("jeugdigen met autisme (ASS), ADHD of stemmingsproblematiek"), TargetGroupClass.diagnosis),
        ("Jeugdigen met ADHD", nil, .diagnosis),
        ("Dementerende ouderen", nil, .diagnosis),
        ("X", "ouderen met dementie", .diagnosis),
        // Someone else's condition is a risk factor for the group.
        ("Kinderen van ouders met GGZ-problematiek", nil, .riskFactor),
        ("Opgroeien bij ouders met een LVB", nil, .riskFactor),
        ("X", "kinderen van ouders met GGZ-problematiek of met een licht verstandelijke beperking", .riskFactor),
        ("Children of parents with a mental illness", nil, .riskFactor),
        ("Kinderen die in armoede opgroeien", nil, .riskFactor),
        ("Mantelzorgers", nil, .riskFactor),
        ("Inwoners die moeite hebben met de taal en laaggeletterden", nil, .riskFactor),
        ("Inwoners met schulden", "mensen met een betalingsachterstand", .earlySigns),
        ("X", "eerste signalen van eenzaamheid", .earlySigns),
        ("Alle inwoners", nil, .population),
        ("Het jonge kind", nil, .population),
        // A class word at the start of kenmerk wins over the words after it.
        ("X", "risicofactor: ouder met psychische problemen", .riskFactor),
        ("X", "diagnose ADHD, ASS", .diagnosis),
        ("X", "Beginnende problemen: betalingsachterstanden", .earlySigns),
        ("X", "population: all children aged 4 to 12", .population),
        // A narrower class wins when both occur.
        ("Alle kinderen met autisme", nil, .diagnosis),
        ("Kinderen van ouders met GGZ-problematiek met beginnende gedragsproblemen", nil, .riskFactor),
    ])
    func classifies(title: String, criterion: String?, expected: TargetGroupClass) {
        #expect(lexicon.classify(criterion: criterion, title: title)?.groupClass == expected)
    }

    @Test(arguments: ["Jongeren", "Inwoners van Hengelo", "Klassen van de basisschool"])
    func unclassified(title: String) {
        #expect(lexicon.classify(criterion: nil, title: title) == nil)
    }

    @Test func basisIsReported() {
        #expect(lexicon.classify(criterion: "diagnose LVB", title: "x")?.basis == .classWord)
        #expect(lexicon.classify(criterion: "met ADHD", title: "x")?.basis == .criterionText)
        #expect(lexicon.classify(criterion: "onbekend", title: "Mantelzorgers")?.basis == .title)
    }

    @Test func configurationExtendsTheLexicon() {
        #expect(lexicon.classify(criterion: nil, title: "Jongeren met gameverslaving") == nil)
        let extended = lexicon.adding(terms: [.diagnosis: ["gameverslaving"]])
        #expect(extended.classify(criterion: nil, title: "Jongeren met gameverslaving")?.groupClass == .diagnosis)
    }

    @Test func fittingLevelsAreSection62sTable() {
        // Section 6.2, row by row: the target-group system, then the stage system.
        let table: [(TargetGroupClass, [PreventionLevel], [PreventionLevel])] = [
            (.population, [.universal], [.primary]),
            (.riskFactor, [.selective], [.primary, .secondary]),
            (.earlySigns, [.indicated], [.secondary]),
            (.diagnosis, [.indicated, .careRelated], [.secondary, .tertiary]),
        ]
        #expect(table.count == TargetGroupClass.allCases.count)
        for (groupClass, targetGroup, stage) in table {
            #expect(groupClass.fittingLevels(.targetGroup) == targetGroup, "\(groupClass)")
            #expect(groupClass.fittingLevels(.stage) == stage, "\(groupClass)")
            // `fits` is what PN101 asks first; it must say what the table says, everywhere.
            for level in PreventionLevel.allCases {
                #expect(groupClass.fits(level, .targetGroup) == targetGroup.contains(level), "\(groupClass) \(level)")
                #expect(groupClass.fits(level, .stage) == stage.contains(level), "\(groupClass) \(level)")
            }
        }
    }

    @Test func foldedTextMapsMatchesBackToOriginalBytes() {
        let text = "Wij versterken één sociale basis"
        let folded = FoldedText(text)
        let r = folded.occurrences(of: "sociale basis")[0]
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[r], as: UTF8.self) == "sociale basis")
        #expect(folded.occurrences(of: "een").count == 1, "één folds to een")
        #expect(folded.occurrences(of: "basi").isEmpty, "whole words only")
    }

    /// Folded from a note's bytes, offsets are the note's, also past invalid UTF-8 (which
    /// the text has as three-byte U+FFFD): every match is at the words as written.
    @Test func foldedSourceRangesPointAtTheWordsDespiteInvalidBytes() {
        let pieces: [[UInt8]] = [Array("versterken".utf8), Array(" ".utf8), Array("Één".utf8), Array("😀".utf8),
                                 [0xBE], [0xE2, 0x82], [0xF0, 0x90, 0x80], [0xFF], [0xC3], [0x80, 0x80], Array(", ".utf8)]
        var random = SeededRandom(state: 9)
        func next(_ n: Int) -> Int { random.next(n) }
        var matches = 0
        for _ in 0..<2_000 {
            let prefix = (0..<next(4)).flatMap { _ in pieces[next(pieces.count)] }
            let body = (0..<next(12)).flatMap { _ in pieces[next(pieces.count)] }
            let source = SourceText(bytes: prefix + body)
            let range = TextRange(prefix.count, prefix.count + body.count)
            let folded = FoldedText(source, range)
            #expect(folded.offsets.allSatisfy { $0 >= 0 && $0 <= body.count })
            for phrase in ["versterken", "een"] {
                for r in folded.occurrences(of: phrase) {
                    matches += 1
                    let written = source.text(TextRange(range.start + r.lowerBound, range.start + r.upperBound))
                    #expect(Folding.fold(written) == phrase, "\(body) at \(r)")
                }
            }
        }
        #expect(matches > 1_000)
    }

    @Test func asciiAndScalarFoldingAgreeAndSetsMatchAnyFirstScalar() {
        // ASCII text is folded byte by byte, other text scalar by scalar: same scalars,
        // same offsets into the original.
        let ascii = FoldedText("Sociale  BASIS\tversterken"), accented = FoldedText("Sociàle  BASIS\tversterken")
        #expect(ascii.scalars == accented.scalars)
        #expect(ascii.offsets.count == accented.offsets.count && ascii.offsets.last == 25 && accented.offsets.last == 26)
        // Phrases starting with an ASCII and with a non-ASCII scalar, longest match first.
        let set = PhraseSet(["sociale", "sociale basis", "łodz"])
        #expect(ascii.firstOccurrence(of: set)?.phrase == "sociale basis")
        #expect(FoldedText("in Łódź").firstOccurrence(of: set)?.range == 3..<10, "ł has no ASCII base")
        #expect(FoldedText("geen").firstOccurrence(of: set) == nil)
        // The first phrase of the list that occurs, wherever in the text, whatever overlaps.
        let listed = PhraseSet(["łodz", "sociale basis", "sociale"])
        #expect(ascii.firstListedOccurring(listed) == 1)
        #expect(FoldedText("sociale basisschool in łodz").firstListedOccurring(listed) == 0)
        #expect(FoldedText("sociale basisschool").firstListedOccurring(listed) == 2)
        #expect(FoldedText("geen").firstListedOccurring(listed) == nil)
        // A phrase going on with a non-ASCII scalar, and one of a single scalar at the end.
        #expect(FoldedText("100 zł per maand").firstListedOccurring(PhraseSet(["d", "maand", "zł"])) == 1)
        #expect(FoldedText("100 zł per maan").firstListedOccurring(PhraseSet(["d", "maand", "zł"])) == 2)
        #expect(FoldedText("fase d").firstOccurrence(of: PhraseSet(["de", "d"]))?.range == 5..<6)
    }

    @Test func scratchFoldingAndTheAsciiPathAgreeWithTheScalarPathOnRandomTexts() {
        // ASCII text is written in place, into new arrays or into scratch space
        // (`withFolded`); other text goes scalar by scalar. All must fold alike: a text
        // with "é" appended takes the scalar path and must fold its ASCII part the same way.
        var random = SeededRandom(state: 307)
        let pieces = ["a", "B", "z", "0", "9", " ", "  ", "\t", "\n", "\r\n", "-", ",", ".", "#", "minder", "Meer", "MINDER",
                      "ë", "İ", "e\u{301}", "Ł", "中"]
        // Phrases of one scalar, going on with a non-ASCII one, starting with one.
        let phrases = ["minder", "meer", "a b", "z", "e", "9 a", "zł", "ł", "中"]
        let set = PhraseSet(phrases)
        for round in 0..<2_000 {
            let asciiOnly = round % 2 == 0
            var text = ""
            for _ in 0..<random.next(24) { text += pieces[random.next(asciiOnly ? 17 : pieces.count)] }
            let fresh = FoldedText(text)
            let scratch = FoldedText.withFolded(text) { (Array($0.scalars), Array($0.offsets), Array($0.wordStarts), $0.firstListedOccurring(set)) }
            #expect(scratch.0 == fresh.scalars && scratch.1 == fresh.offsets && scratch.2 == fresh.wordStarts, "\(text.debugDescription)")
            #expect(scratch.3 == fresh.firstListedOccurring(set))
            // The set's one pass (which passes over words no phrase begins with) against each
            // phrase looked for on its own.
            #expect(fresh.firstListedOccurring(set) == phrases.indices.first { fresh.contains(phrases[$0]) }, "\(text.debugDescription)")
            #expect(FoldedText.withFolded(text) { $0.firstOccurrence(of: set)?.range } == fresh.firstOccurrence(of: set)?.range)
            guard asciiOnly else { continue }
            let scalarPath = FoldedText(text + "é")
            let n = fresh.scalars.count
            #expect(Array(scalarPath.scalars.prefix(n)) == fresh.scalars, "\(text.debugDescription)")
            #expect(Array(scalarPath.offsets.prefix(n)) == Array(fresh.offsets.prefix(n)))
            #expect(scalarPath.wordStarts.filter { $0 < n } == fresh.wordStarts, "\(text.debugDescription)")
            #expect(fresh.offsets.last == text.utf8.count)
        }
    }
}

@Suite struct VocabularyTests {
    @Test func directions() {
        let v = Vocabulary.standard
        #expect(v.direction(of: "Minder verwijzingen naar jeugdhulp") == .less)
        #expect(v.direction(of: "Meer mantelzorgers ontlast") == .more)
        #expect(v.direction(of: "Gezond opgroeien") == nil)
        #expect(v.direction(of: "Meer bereik, minder verwijzingen") == nil, "both: no direction")
        #expect(v.direction(of: "Meerjarig programma") == nil, "whole words only")
    }

    @Test func evidence() {
        let e = EvidenceLevels.standard
        #expect(e.read("erkend: goed onderbouwd") == .recognised(level: 1))
        #expect(e.read("Databank: effectief volgens sterke aanwijzingen") == .recognised(level: 4))
        #expect(e.read("recognised: well described") == .recognised(level: 0))
        #expect(e.read("businesscase (in voorbereiding)") == .freeReference)
        #expect(e.read("erkend: goed beschreefen") == .unknownLevel(claimed: "goed beschreefen", nearest: "goed beschreven"))
        if case .unknownLevel(_, let nearest) = e.read("erkend: ja") { #expect(nearest == nil) } else { Issue.record("expected unknown") }
    }

    @Test func officialIndicators() {
        let o = OfficialIndicators.standard
        #expect(o.named(in: "Jongeren met jeugdhulp (% van jongeren tot 18 jaar)")?.unit == "percent")
        #expect(o.named(in: "personen met een bijstandsuitkering")?.base == 10000)
        #expect(o.named(in: "verwijzingen naar jeugdhulp") == nil)
    }
}
