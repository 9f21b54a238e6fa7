import PnoteModel
import PnoteSyntax

public enum UnsupportedSavings: Rule {
    public static let meta = RuleMeta(
        code: "PN206", slug: "unsupported-savings", severity: .warning,
        title: Localized(nl: "Besparing zonder onderbouwing", en: "Savings without evidence"),
        finds: Localized(nl: "Een maatregel met 'besparing' maar zonder 'onderbouwing'.", en: "A measure with 'savings' but no 'evidence'."),
        why: Localized(nl: "Besparingen door preventie zijn moeilijk aan te tonen (VNG 2018: 'fouten van de tweede en derde soort'); een bedrag zonder businesscase, MKBA of studie is een hoop, geen raming.",
                       en: "Savings from prevention are hard to prove; an amount without a business case, social cost-benefit analysis or study is a hope, not an estimate."),
        triggering: ["## Maatregel: Voorveld\n- budget: € 400.000 per jaar\n- besparing: ⟦€ 600.000 per jaar⟧\n"],
        nonTriggering: ["## Maatregel: Voorveld\n- budget: € 400.000 per jaar\n- besparing: € 600.000 per jaar\n- onderbouwing: MKBA Jeugd (2021)\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        context.note.blocks(of: .measure).compactMap { block in
            guard let savings = block.field(.savings), !block.hasField(.evidence) else { return nil }
            return Finding(range: savings.syntax.fullValueRange,
                           message: Localized(nl: "'\(block.title)' rekent op een besparing zonder onderbouwing", en: "'\(block.title)' counts on savings without evidence"),
                           help: Localized(nl: "voeg '- onderbouwing: …' toe (businesscase, MKBA, effectencalculator, studie)",
                                           en: "add '- evidence: …' (business case, cost-benefit analysis, study)"))
        }
    }
}
