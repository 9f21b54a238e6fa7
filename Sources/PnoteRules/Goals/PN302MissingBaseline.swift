import PnoteModel
import PnoteSyntax

public enum MissingBaseline: Rule {
    public static let meta = RuleMeta(
        code: "PN302", slug: "missing-baseline", severity: .warning,
        title: Localized(nl: "Indicator zonder nulmeting", en: "Indicator without a baseline"),
        finds: Localized(nl: "Een indicator zonder 'nulmeting'.", en: "An indicator without a 'baseline'."),
        why: Localized(nl: "Zonder nulmeting is een streefwaarde niet te beoordelen: is 40 verwijzingen een daling of een stijging?",
                       en: "Without a baseline a target cannot be judged: are 40 referrals a fall or a rise?"),
        triggering: ["## Doel: Minder verwijzingen\n- indicator: ⟦verwijzingen per 1.000 jeugdigen⟧\n- streefwaarde: 40 in 2022\n",
                     "## Doel: Gezond opgroeien\n\n⟦### Indicator: Gezond gewicht⟧\n- streefwaarde: 90% in 2027\n"],
        nonTriggering: ["## Doel: Minder verwijzingen\n- indicator: verwijzingen per 1.000 jeugdigen\n- nulmeting: 48 (2018)\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        MissingIndicatorField.findings(context, key: .baseline, what: Localized(nl: "nulmeting", en: "baseline"),
                                       example: Localized(nl: "48 (2018)", en: "48 (2018)"))
    }
}
