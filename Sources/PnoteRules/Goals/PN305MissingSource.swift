import PnoteModel
import PnoteSyntax

public enum MissingSource: Rule {
    public static let meta = RuleMeta(
        code: "PN305", slug: "missing-source", severity: .info,
        title: Localized(nl: "Indicator zonder bron", en: "Indicator without a source"),
        finds: Localized(nl: "Een indicator zonder 'bron'.", en: "An indicator without a 'source'."),
        why: Localized(nl: "Wie niet weet waar de cijfers vandaan komen, kan ze volgend jaar niet opnieuw meten (CBS Beleidsinformatie Jeugd, GGD Gezondheidsmonitor, eigen registratie).",
                       en: "Whoever does not know where the figures come from cannot measure them again next year."),
        triggering: ["## Doel: Minder verwijzingen\n- indicator: ⟦verwijzingen per 1.000 jeugdigen⟧\n"],
        nonTriggering: ["## Doel: Minder verwijzingen\n- indicator: verwijzingen per 1.000 jeugdigen\n- bron: CBS Beleidsinformatie Jeugd\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        MissingIndicatorField.findings(context, key: .source, what: Localized(nl: "bron", en: "source"),
                                       example: Localized(nl: "CBS Beleidsinformatie Jeugd", en: "youth health monitor"))
    }
}
