import PnoteModel
import PnoteSyntax

public enum MeasureWithoutGoal: Rule {
    public static let meta = RuleMeta(
        code: "PN310", slug: "measure-without-goal", severity: .warning,
        title: Localized(nl: "Maatregel zonder doel", en: "Measure without a goal"),
        finds: Localized(nl: "Een maatregel zonder veld 'doel' die ook niet onder een doel staat.", en: "A measure with no 'goal' field that is not nested in a goal."),
        why: Localized(nl: "'Wat gaan we daarvoor doen?' volgt op 'Wat willen we bereiken?'. Een maatregel die aan geen doel bijdraagt, is niet te evalueren.",
                       en: "'What will we do?' follows 'What do we want to achieve?'. A measure that contributes to no goal cannot be evaluated."),
        triggering: ["⟦## Maatregel: Wrap Around Care⟧\n- niveau: geïndiceerd\n"],
        nonTriggering: ["## Doel: Minder uithuisplaatsingen\n\n### Maatregel: Wrap Around Care\n",
                        "## Maatregel: Wrap Around Care\n- draagt bij aan: #minder\n\n## Doel: Minder uithuisplaatsingen {#minder}\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        let note = context.note
        return note.blocks(of: .measure).compactMap { block in
            guard block.references(.goal).isEmpty, note.ancestor(of: block.index, kind: .goal) == nil else { return nil }
            return Finding(range: block.syntax.heading.range,
                           message: Localized(nl: "maatregel '\(block.title)' draagt aan geen enkel doel bij", en: "measure '\(block.title)' contributes to no goal"),
                           help: Localized(nl: "voeg '- doel: #id' toe, of zet de maatregel onder de kop van het doel",
                                           en: "add '- goal: #id', or put the measure under the goal's heading"))
        }
    }
}
