import PnoteModel
import PnoteSyntax

public enum MissingTarget: Rule {
    public static let meta = RuleMeta(
        code: "PN303", slug: "missing-target", severity: .error,
        title: Localized(nl: "Indicator zonder streefwaarde", en: "Indicator without a target"),
        finds: Localized(nl: "Een indicator zonder 'streefwaarde'.", en: "An indicator without a 'target'."),
        why: Localized(nl: "Meten zonder streefwaarde zegt niet wanneer het doel bereikt is; de raad heeft niets om op te sturen.",
                       en: "Measuring without a target does not say when the goal is reached; the council has nothing to steer by."),
        triggering: ["## Doel: Minder verwijzingen\n- indicator: ⟦verwijzingen per 1.000 jeugdigen⟧\n- nulmeting: 48 (2018)\n"],
        nonTriggering: ["## Doel: Minder verwijzingen\n- indicator: verwijzingen per 1.000 jeugdigen\n- streefwaarde: 40 in 2022\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        MissingIndicatorField.findings(context, key: .target, what: Localized(nl: "streefwaarde", en: "target"),
                                       example: Localized(nl: "40 in 2022", en: "40 by 2022"))
    }
}
