import PnoteModel
import PnoteSyntax

public enum GoalWithoutIndicator: Rule {
    public static let meta = RuleMeta(
        code: "PN301", slug: "goal-without-indicator", severity: .error,
        title: Localized(nl: "Doel zonder indicator", en: "Goal without an indicator"),
        finds: Localized(nl: "Een doel zonder veld 'indicator' en zonder Indicator-blok eronder.", en: "A goal with neither an 'indicator' field nor an Indicator block under it."),
        why: Localized(nl: "'Wij versterken de sociale basis' is pas een doel als te meten is of het lukt. Zonder indicator kan de raad de notitie niet toetsen (Noord-Holland 2018: 'programma's minstens eenmaal per jaar toetsen').",
                       en: "'We strengthen the social base' only becomes a goal when its success can be measured. Without an indicator the council cannot hold the note to account."),
        triggering: ["⟦## Doel: Wij versterken de sociale basis⟧\n\nWij versterken de plaatsen waar inwoners elkaar ontmoeten.\n"],
        nonTriggering: ["## Doel: Minder verwijzingen\n- indicator: verwijzingen per 1.000 jeugdigen\n",
                        "## Doel: Gezond opgroeien\n\n### Indicator: Kinderen met een gezond gewicht\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        let note = context.note
        let goalsWithIndicatorBlocks = Set(note.indicatorGoal.values)
        return note.blocks(of: .goal).compactMap { goal in
            guard (goal.field(.indicator)?.rawValue ?? "").isEmpty,
                  !goalsWithIndicatorBlocks.contains(goal.index) else { return nil }
            return Finding(range: goal.syntax.heading.range,
                           message: Localized(nl: "doel '\(goal.title)' heeft geen indicator: niet te meten of het wordt bereikt",
                                              en: "goal '\(goal.title)' has no indicator: nobody can tell whether it is reached"),
                           help: Localized(nl: "voeg '- indicator: …' toe met wat er gemeten wordt, met nulmeting, streefwaarde en bron",
                                           en: "add '- indicator: …' saying what is measured, with baseline, target and source"))
        }
    }
}
