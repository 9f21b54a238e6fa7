import PnoteModel
import PnoteSyntax

public enum MissingLevel: Rule {
    public static let meta = RuleMeta(
        code: "PN103", slug: "missing-level", severity: .warning,
        title: Localized(nl: "Maatregel zonder niveau", en: "Measure without a level"),
        finds: Localized(nl: "Een maatregel zonder veld 'niveau'.", en: "A measure without a 'level' field."),
        why: Localized(nl: "Zonder niveau kan de maatregel niet in de preventiematrix en telt hij niet mee bij de focus van de notitie.",
                       en: "Without a level the measure cannot be placed in the prevention matrix and does not count towards the note's focus."),
        triggering: ["⟦## Maatregel: Voorlichting op scholen⟧\n- budget: € 5.000 per jaar\n"],
        nonTriggering: ["## Maatregel: Voorlichting op scholen\n- niveau: universeel\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        context.blocks(.measure, without: .level).map { block in
            Finding(range: block.syntax.heading.range,
                           message: Localized(nl: "maatregel '\(block.title)' heeft geen preventieniveau", en: "measure '\(block.title)' has no prevention level"),
                           help: Localized(nl: "voeg '- niveau: …' toe (universeel, selectief, geïndiceerd of zorggerelateerd)",
                                           en: "add '- level: …' (universal, selective, indicated or care-related)"))
        }
    }
}
