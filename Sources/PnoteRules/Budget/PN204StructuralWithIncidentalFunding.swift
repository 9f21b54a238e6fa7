import PnoteModel
import PnoteSyntax

public enum StructuralWithIncidentalFunding: Rule {
    public static let meta = RuleMeta(
        code: "PN204", slug: "structural-with-incidental-funding", severity: .warning,
        title: Localized(nl: "Structureel werk uit incidenteel geld", en: "Structural work from incidental funds"),
        finds: Localized(nl: "'financiering: incidenteel' terwijl het budget structureel is of langer dan drie jaar loopt.",
                         en: "'funding: incidental' while the budget is structural or runs longer than three years."),
        why: Localized(nl: "Incidenteel betekent volgens de commissie BBV hooguit drie jaar. Preventie die structureel nodig is maar uit incidentele middelen komt, stopt als het potje op is (Hengelo 2019: 'investeren wij in preventie vanuit incidentele, tijdelijke middelen').",
                       en: "Incidental means at most three years in the BBV committee's guidance. Prevention that is needed structurally but paid from incidental funds stops when the pot is empty."),
        triggering: ["---\nperiode: 2019-2022\n---\n## Maatregel: Jeugdprofessionals in het voorveld\n- budget: € 400.000 per jaar (2019-2022)\n- financiering: ⟦incidenteel, tijdelijke middelen⟧\n",
                     "## Maatregel: Buurtsportcoach\n- budget: € 40.000 per jaar structureel\n- financiering: ⟦incidenteel⟧\n"],
        nonTriggering: ["## Maatregel: Pilot\n- budget: € 40.000 per jaar (2021-2023)\n- financiering: incidenteel, stroppenpot\n",
                        "## Maatregel: Pilot\n- budget: € 40.000 per jaar (2019-2022)\n- financiering: structureel\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        context.note.blocks(of: .measure).compactMap { block in
            guard case .funding(let funding)? = block.value(.funding),
                  funding.kind == .incidental, case .amount(let money)? = block.budget,
                  let field = block.field(.funding) else { return nil }
            let years: YearSpan? = money.years ?? (money.period == .once || money.period == .total ? nil : context.note.settings.period)
            let marked = money.funding == .structural
            guard marked || (years?.count ?? 0) > 3 else { return nil }
            let reason = marked ? Localized(nl: "het budget is structureel", en: "the budget is structural")
                : Localized(nl: "het budget loopt \(years!.count) jaar (\(years!.first)-\(years!.last))",
                            en: "the budget runs \(years!.count) years (\(years!.first)-\(years!.last))")
            return Finding(range: field.syntax.fullValueRange,
                           message: Localized(nl: "'\(block.title)' wordt incidenteel gefinancierd, maar \(reason.nl); incidenteel is hooguit drie jaar",
                                              en: "'\(block.title)' is funded incidentally, but \(reason.en); incidental means at most three years"),
                           help: Localized(nl: "zoek structurele dekking, of beperk de maatregel tot drie jaar",
                                           en: "find structural funding, or limit the measure to three years"))
        }
    }
}
