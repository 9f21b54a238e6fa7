import PnoteModel
import PnoteSyntax

public enum GoalWithoutMeasure: Rule {
    /// Measures of other notes may contribute to the goal.
    public static let scope = RuleScope.notesReferringHere

    public static let meta = RuleMeta(
        code: "PN311", slug: "goal-without-measure", severity: .warning,
        title: Localized(nl: "Doel zonder maatregel", en: "Goal without a measure"),
        finds: Localized(nl: "Een doel waaraan geen enkele maatregel in de map bijdraagt.", en: "A goal that no measure in the folder contributes to."),
        why: Localized(nl: "Een doel zonder maatregel wordt niet vanzelf bereikt: ofwel ontbreekt er een maatregel, ofwel hoort het doel niet in deze notitie.",
                       en: "A goal without measures is not reached by itself: either a measure is missing, or the goal does not belong in this note."),
        triggering: ["⟦## Doel: Minder eenzaamheid⟧\n- indicator: eenzame inwoners (%)\n"],
        nonTriggering: ["## Doel: Minder eenzaamheid {#eenzaam}\n\n## Maatregel: Huisbezoeken\n- doel: #eenzaam\n",
                        "## Doel: Minder eenzaamheid {#eenzaam}\n==> wmo.pnote <==\n## Maatregel: Huisbezoeken\n- doel: note.pnote#eenzaam\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        let contributed = context.blocksLinked { $0.measureGoals }
        return context.note.blocks(of: .goal).compactMap { goal in
            guard !contributed[goal.index] else { return nil }
            return Finding(range: goal.syntax.heading.range,
                           message: Localized(nl: "aan doel '\(goal.title)' draagt geen enkele maatregel bij", en: "no measure contributes to goal '\(goal.title)'"),
                           help: Localized(nl: "verwijs vanuit een maatregel met '- doel: #\(goal.id)'", en: "refer to it from a measure with '- goal: #\(goal.id)'"))
        }
    }
}
