import PnoteModel
import PnoteSyntax

public enum BudgetOutsidePeriod: Rule {
    public static let meta = RuleMeta(
        code: "PN203", slug: "budget-outside-period", severity: .warning,
        title: Localized(nl: "Budget buiten de periode van de notitie", en: "Budget outside the note's period"),
        finds: Localized(nl: "Een budget met jaren buiten de 'periode' van de notitie.", en: "A budget whose years fall outside the note's 'period'."),
        why: Localized(nl: "Geld na de looptijd is niet door deze notitie gedekt; geld ervoor is al uitgegeven of verkeerd geboekt.",
                       en: "Money after the note's period is not covered by this note; money before it is already spent or booked wrongly."),
        triggering: ["---\nperiode: 2020-2023\n---\n## Maatregel: Buurtsportcoach\n- budget: ⟦€ 40.000 per jaar (2022-2025)⟧\n"],
        nonTriggering: ["---\nperiode: 2020-2023\n---\n## Maatregel: Buurtsportcoach\n- budget: € 40.000 per jaar (2021-2023)\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        guard let period = context.note.settings.period else { return [] }
        return context.note.blocks(of: .measure).compactMap { block in
            guard case .amount(let money)? = block.budget, let years = money.years,
                  !period.contains(years), let field = block.field(.budget) else { return nil }
            return Finding(range: field.syntax.fullValueRange,
                           message: Localized(nl: "het budget van '\(block.title)' loopt \(years.first)-\(years.last), buiten de periode van de notitie (\(period.first)-\(period.last))",
                                              en: "the budget of '\(block.title)' runs \(years.first)-\(years.last), outside the note's period (\(period.first)-\(period.last))"))
        }
    }
}
