import PnoteModel
import PnoteSyntax

public enum UnclassifiedTargetGroup: Rule {
    public static let meta = RuleMeta(
        code: "PN104", slug: "unclassified-target-group", severity: .info,
        title: Localized(nl: "Doelgroep zonder herkenbaar kenmerk", en: "Unclassified target group"),
        finds: Localized(nl: "Een doelgroep waarvan niet te zien is wat haar bepaalt: de hele bevolking, een risicofactor, eerste signalen of een diagnose.",
                         en: "A target group whose defining criterion cannot be told: the whole population, a risk factor, early signs or a diagnosis."),
        why: Localized(nl: "Alleen als bekend is wat een groep bepaalt, kan worden nagegaan of het niveau van de maatregelen past. 'Jongeren' zegt dat niet.",
                       en: "Only when it is known what defines a group can the levels of its measures be checked. 'Young people' does not say."),
        triggering: ["⟦## Doelgroep: Jongeren⟧\n- leeftijd: 12-23 jaar\n"],
        nonTriggering: ["## Doelgroep: Jongeren\n- kenmerk: risicofactor: voortijdig schoolverlaten\n", "## Doelgroep: Mantelzorgers\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        context.note.blocks(of: .targetGroup).compactMap { block in
            guard context.classification(of: context.address(block)) == nil else { return nil }
            return Finding(range: block.syntax.heading.range,
                           message: Localized(nl: "bij doelgroep '\(block.title)' is niet te zien wat haar bepaalt",
                                              en: "it cannot be told what defines target group '\(block.title)'"),
                           help: Localized(nl: "begin 'kenmerk' met: hele bevolking, risicofactor, signalen of diagnose",
                                           en: "start 'criterion' with: population, risk factor, early signs or diagnosis"))
        }
    }
}
