import PnoteModel
import PnoteSyntax

public enum MissingReach: Rule {
    public static let meta = RuleMeta(
        code: "PN313", slug: "missing-reach", severity: .info,
        title: Localized(nl: "Maatregel zonder bereik", en: "Measure without reach"),
        finds: Localized(nl: "Een maatregel zonder 'bereik' (hoeveel mensen, in welk jaar).", en: "A measure without 'reach' (how many people, in which year)."),
        why: Localized(nl: "Het bereik is de prestatie-indicator van een maatregel. Hengelo schreef in 2019 'Het aanbod wordt alleen bekostigd als er bereik is', maar noemde geen bereik.",
                       en: "Reach is a measure's performance indicator: without it nobody knows whether the offer arrives."),
        triggering: ["⟦## Maatregel: Respijtzorg⟧\n- niveau: selectief\n"],
        nonTriggering: ["## Maatregel: Respijtzorg\n- bereik: 250 mantelzorgers (2024)\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        context.blocks(.measure, without: .reach).map { block in
            Finding(range: block.syntax.heading.range,
                           message: Localized(nl: "maatregel '\(block.title)' noemt geen bereik", en: "measure '\(block.title)' states no reach"),
                           help: Localized(nl: "voeg '- bereik: 250 deelnemers (2024)' toe", en: "add '- reach: 250 participants (2024)'"))
        }
    }
}
