import PnoteModel
import PnoteSyntax

public enum MeasureWithoutTargetGroup: Rule {
    public static let meta = RuleMeta(
        code: "PN105", slug: "measure-without-target-group", severity: .warning,
        title: Localized(nl: "Maatregel zonder doelgroep", en: "Measure without a target group"),
        finds: Localized(nl: "Een maatregel zonder veld 'doelgroep' die ook niet onder een doelgroep staat.",
                         en: "A measure with no 'target group' field that is not nested in a target group either."),
        why: Localized(nl: "Preventie is doelgroepgericht: zonder doelgroep is niet te toetsen of de maatregel de juiste mensen bereikt en op het juiste niveau zit.",
                       en: "Prevention is organised around target groups: without one, nobody can check whether the measure reaches the right people at the right level."),
        triggering: ["⟦## Maatregel: Voorlichting⟧\n- niveau: universeel\n"],
        nonTriggering: ["## Doelgroep: Mantelzorgers\n\n### Maatregel: Respijtzorg\n- niveau: selectief\n",
                        "## Maatregel: Respijtzorg\n- doelgroep: Mantelzorgers\n\n## Doelgroep: Mantelzorgers\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        let note = context.note
        return note.blocks(of: .measure).compactMap { block in
            guard block.references(.targetGroup).isEmpty,
                  note.ancestor(of: block.index, kind: .targetGroup) == nil else { return nil }
            return Finding(range: block.syntax.heading.range,
                           message: Localized(nl: "maatregel '\(block.title)' heeft geen doelgroep", en: "measure '\(block.title)' has no target group"),
                           help: Localized(nl: "voeg '- doelgroep: #id' toe, of zet de maatregel onder de kop van de doelgroep",
                                           en: "add '- target group: #id', or put the measure under the target group's heading"))
        }
    }
}
