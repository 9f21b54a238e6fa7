import Foundation
import PnoteModel
import PnoteSyntax

public enum ImplausibleReturn: Rule {
    public static let meta = RuleMeta(
        code: "PN207", slug: "implausible-return", severity: .warning,
        title: Localized(nl: "Onwaarschijnlijk rendement", en: "Implausible return"),
        finds: Localized(nl: "Een besparing per geïnvesteerde euro boven het ingestelde maximum (standaard 3,0).",
                         en: "Savings per euro spent above the configured maximum (default 3.0)."),
        why: Localized(nl: "De literatuur over de waarde van preventie in het sociaal domein vindt rendementen rond 1,6 per euro (quickscan Uithoorn). Een veel hoger getal vraagt om uitleg voordat een raad erop begroot.",
                       en: "The literature on the value of prevention in the social domain finds returns around 1.6 per euro. A much higher figure needs explaining before a council budgets on it."),
        triggering: ["## Maatregel: Voorveld\n- budget: € 400.000 per jaar\n- besparing: ⟦€ 1,5 mln per jaar⟧\n- onderbouwing: businesscase\n"],
        nonTriggering: ["## Maatregel: Voorveld\n- budget: € 400.000 per jaar\n- besparing: € 640.000 per jaar\n- onderbouwing: businesscase\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        let maximum = context.options.maximumReturn
        return context.note.blocks(of: .measure).compactMap { block in
            guard let cost = context.annualBudget(block), cost > 0,
                  let savings = context.annualAmount(block, .savings), let field = block.field(.savings) else { return nil }
            let ratio = Double(savings) / Double(cost)
            guard ratio > maximum else { return nil }
            let r = String(format: "%.1f", ratio), m = String(format: "%.1f", maximum)
            let s = MoneyText.format(cents: savings), c = MoneyText.format(cents: cost)
            return Finding(range: field.syntax.fullValueRange,
                           message: Localized(nl: "'\(block.title)' verwacht \(s.nl) besparing op \(c.nl) per jaar: \(r.replacingOccurrences(of: ".", with: ",")) per euro, boven het maximum van \(m.replacingOccurrences(of: ".", with: ","))",
                                              en: "'\(block.title)' expects \(s.en) savings on \(c.en) per year: \(r) per euro, above the maximum of \(m)"),
                           help: Localized(nl: "onderbouw het rendement, of stel het bij; studies vinden rond 1,6 per euro",
                                           en: "support the return with evidence, or revise it; studies find about 1.6 per euro"))
        }
    }
}
