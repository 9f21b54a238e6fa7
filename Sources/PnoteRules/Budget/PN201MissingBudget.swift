import PnoteModel
import PnoteSyntax

public enum MissingBudget: Rule {
    public static let meta = RuleMeta(
        code: "PN201", slug: "missing-budget", severity: .error,
        title: Localized(nl: "Maatregel zonder budget", en: "Measure without a budget"),
        finds: Localized(nl: "Een maatregel zonder veld 'budget'.", en: "A measure without a 'budget' field."),
        why: Localized(nl: "'Wat mag het kosten?' is een van de drie vragen van elke begroting. Een maatregel zonder geld wordt niet uitgevoerd, of wordt betaald uit een post die niemand ziet.",
                       en: "'What may it cost?' is one of the three questions of every municipal budget. A measure without money is not carried out, or is paid from a line nobody sees."),
        triggering: ["⟦## Maatregel: Vroegsignalering schulden⟧\n- niveau: geïndiceerd\n"],
        nonTriggering: ["## Maatregel: Vroegsignalering schulden\n- budget: € 80.000 per jaar\n",
                        "## Maatregel: Vroegsignalering schulden\n- budget: binnen bestaande middelen\n- financiering: structureel, schuldhulpbudget\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        context.blocks(.measure, without: .budget).map { block in
            Finding(range: block.syntax.heading.range,
                           message: Localized(nl: "maatregel '\(block.title)' heeft geen budget", en: "measure '\(block.title)' has no budget"),
                           help: Localized(nl: "voeg '- budget: € … per jaar (jaren)' toe, of 'binnen bestaande middelen' met de bron in 'financiering'",
                                           en: "add '- budget: € … per year (years)', or 'within existing budget' with the source in 'funding'"))
        }
    }
}
