import PnoteModel
import PnoteSyntax

public enum MixedTerminologyInProse: Rule {
    public static let meta = RuleMeta(
        code: "PN106", slug: "mixed-terminology-in-prose", severity: .info,
        title: Localized(nl: "Andere indeling in de lopende tekst", en: "Other classification in prose"),
        finds: Localized(nl: "Lopende tekst die spreekt van preventie uit de andere indeling ('secundaire preventie' in een notitie die indeelt naar doelgroep). Eén melding per alinea.",
                         en: "Prose that speaks of prevention in the other system ('secondary prevention' in a note classified by target group). One finding per paragraph."),
        why: Localized(nl: "Lezers nemen de woorden uit de tekst over; als tekst en maatregelen verschillende indelingen gebruiken, ontstaat precies de verwarring die adviesraden signaleren.",
                       en: "Readers take over the words of the text; when prose and measures use different systems, the confusion advisory councils point out follows."),
        triggering: ["# Inleiding\n\nWij zetten vooral in op ⟦secundaire preventie⟧ bij jongeren,\nen op tertiaire preventie bij ouderen.\n",
                     "---\nindeling: stadium\n---\nDe focus verschuift naar ⟦selectieve preventie⟧.\n"],
        nonTriggering: ["De focus verschuift van universele naar selectieve preventie.\n",
                        "Het primair onderwijs en het secundair beroepsonderwijs doen mee.\n",
                        "```\nsecundaire preventie in een codeblok\n```\n"])

    /// The spellings of one classification's levels that end in "preventie"/"prevention",
    /// sorted, so that matching does not follow dictionary order.
    static func phrases(of system: Classification) -> PhraseSet {
        PhraseSet(PreventionLevel.spellings
            .filter { $0.value.system == system && ($0.key.hasSuffix(" preventie") || $0.key.hasSuffix(" prevention")) }
            .map(\.key).sorted())
    }
    static let stagePhrases = phrases(of: .stage)
    static let targetGroupPhrases = phrases(of: .targetGroup)

    public static func check(_ context: RuleContext) -> [Finding] {
        let note = context.note
        let tree = note.tree
        let other: Classification = note.settings.classification == .targetGroup ? .stage : .targetGroup
        let phrases = other == .stage ? MixedTerminologyInProse.stagePhrases : MixedTerminologyInProse.targetGroupPhrases
        var out: [Finding] = []
        var line = 0
        while line < tree.lineKinds.count {
            guard tree.lineKinds[line] == .prose else { line += 1; continue }
            var last = line
            while last + 1 < tree.lineKinds.count && tree.lineKinds[last + 1] == .prose { last += 1 }
            let range = TextRange(tree.source.lineStarts[line], tree.source.lineRange(last).end)
            // Every phrase ends in "preventie"/"prevention": text without it is not folded.
            guard tree.source.mayContainFolded("preventi", in: range) else { line = last + 1; continue }
            let folded = FoldedText(tree.source, range)
            if let (phrase, r) = folded.firstOccurrence(of: phrases), let level = PreventionLevel.spellings[phrase] {
                let start = range.start + r.lowerBound, end = range.start + r.upperBound
                out.append(Finding(
                    range: TextRange(start, end),
                    message: Localized(nl: "de tekst gebruikt '\(tree.text(TextRange(start, end)))' uit de indeling naar \(level.system.name.nl), maar de notitie deelt in naar \(note.settings.classification.name.nl)",
                                       en: "the text uses '\(tree.text(TextRange(start, end)))' from the \(level.system.name.en) classification, but the note is classified by \(note.settings.classification.name.en)"),
                    help: Localized(nl: "gebruik de woorden van één indeling: \(note.settings.classification.levels.map(\.name.nl).joined(separator: ", "))",
                                    en: "use the words of one system: \(note.settings.classification.levels.map(\.name.en).joined(separator: ", "))")))
            }
            line = last + 1
        }
        return out
    }
}
