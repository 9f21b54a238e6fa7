import PnoteModel
import PnoteSyntax

public enum BudgetWithoutPeriod: Rule {
    public static let meta = RuleMeta(
        code: "PN202", slug: "budget-without-period", severity: .warning,
        title: Localized(nl: "Budget zonder periode", en: "Budget without a period"),
        finds: Localized(nl: "Een bedrag zonder 'per jaar', 'eenmalig', 'totaal' of jaren.", en: "An amount without 'per year', 'one-off', 'total' or years."),
        why: Localized(nl: "€ 350.000 kan per jaar of voor vier jaar samen zijn: een verschil van een factor vier in wat de raad besluit.",
                       en: "€350,000 may be per year or for four years together: a factor of four in what the council decides."),
        triggering: ["## Maatregel: Subsidies preventie jeugd\n- budget: ⟦€ 350.000,-⟧\n"],
        nonTriggering: ["## Maatregel: Subsidies preventie jeugd\n- budget: € 350.000 per jaar\n",
                        "## Maatregel: Subsidies preventie jeugd\n- budget: € 350.000 (2021)\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        context.note.blocks(of: .measure).compactMap { block in
            guard case .amount(let money)? = block.budget, !money.hasPeriod,
                  let field = block.field(.budget) else { return nil }
            return Finding(range: field.syntax.fullValueRange,
                           message: Localized(nl: "bij het budget van '\(block.title)' staat niet of het per jaar, eenmalig of in totaal is",
                                              en: "the budget of '\(block.title)' does not say whether it is per year, one-off or a total"),
                           help: Localized(nl: "schrijf bijvoorbeeld '\(field.rawValue) per jaar (2020-2023)'", en: "write for example '\(field.rawValue) per year (2020-2023)'"))
        }
    }
}
