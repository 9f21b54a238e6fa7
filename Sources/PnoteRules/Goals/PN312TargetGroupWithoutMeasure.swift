import PnoteModel
import PnoteSyntax

public enum TargetGroupWithoutMeasure: Rule {
    /// Measures of other notes may target the group.
    public static let scope = RuleScope.notesReferringHere

    public static let meta = RuleMeta(
        code: "PN312", slug: "target-group-without-measure", severity: .info,
        title: Localized(nl: "Doelgroep zonder maatregel", en: "Target group without a measure"),
        finds: Localized(nl: "Een doelgroep waar geen enkele maatregel in de map op gericht is.", en: "A target group that no measure in the folder targets."),
        why: Localized(nl: "Een genoemde doelgroep zonder aanbod wekt verwachtingen die de notitie niet waarmaakt.",
                       en: "A named target group without any offer raises expectations the note does not meet."),
        triggering: ["⟦## Doelgroep: Eenzame inwoners⟧\n- kenmerk: eerste signalen van eenzaamheid\n"],
        nonTriggering: ["## Doelgroep: Eenzame inwoners {#eenzaam}\n\n## Maatregel: Huisbezoeken\n- doelgroep: #eenzaam\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        let targeted = context.blocksLinked { $0.measureTargets }
        return context.note.blocks(of: .targetGroup).compactMap { group in
            guard !targeted[group.index] else { return nil }
            return Finding(range: group.syntax.heading.range,
                           message: Localized(nl: "geen enkele maatregel is gericht op doelgroep '\(group.title)'", en: "no measure targets target group '\(group.title)'"),
                           help: Localized(nl: "verwijs vanuit een maatregel met '- doelgroep: #\(group.id)'", en: "refer to it from a measure with '- target group: #\(group.id)'"))
        }
    }
}
