import PnoteModel
import PnoteSyntax

public enum VagueGoal: Rule {
    public static let meta = RuleMeta(
        code: "PN306", slug: "vague-goal", severity: .warning,
        title: Localized(nl: "Vaag doel", en: "Vague goal"),
        finds: Localized(nl: "Een doel met een vaag werkwoord in de titel (versterken, bevorderen, stimuleren, inzetten op …) en zonder indicator met nulmeting én streefwaarde.",
                         en: "A goal whose title uses a vague verb (strengthen, promote, improve, focus on …) and has no indicator with both baseline and target."),
        why: Localized(nl: "'Wij versterken de sociale basis' beschrijft een inspanning, geen resultaat. Pas met een nulmeting en een streefwaarde wordt het een doel dat de raad kan toetsen.",
                       en: "'We strengthen the social base' describes an effort, not a result. Only a baseline and a target turn it into a goal the council can check."),
        triggering: ["## Doel: Wij ⟦versterken⟧ de sociale basis\n",
                     "## Goal: ⟦Promote⟧ wellbeing of young people\n- indicator: wellbeing score\n- target: 7.5 by 2028\n"],
        nonTriggering: ["## Doel: Wij versterken de sociale basis\n- indicator: inwoners die zich betrokken voelen bij de buurt (%)\n- nulmeting: 48% (2022)\n- streefwaarde: 55% in 2026\n",
                        "## Doel: Minder verwijzingen naar jeugdhulp\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        let verbs = Vocabulary.standard.vagueVerbs
        let measurableGoals = Set(context.indicatorUnits.compactMap { unit in
            unit.baselineValue != nil && unit.targetValue != nil ? unit.goal?.index : nil
        })
        return context.note.blocks(of: .goal).compactMap { goal in
            // Measurable first: it is cheap, and such goals need no folding.
            guard !measurableGoals.contains(goal.index), let titleRange = goal.syntax.heading.titleRange,
                  let (_, r) = FoldedText(context.note.source, titleRange).firstOccurrence(of: verbs) else { return nil }
            let range = TextRange(titleRange.start + r.lowerBound, titleRange.start + r.upperBound)
            let words = context.text(range)
            return Finding(range: range,
                           message: Localized(nl: "doel '\(goal.title)' zegt '\(words)' maar niet hoeveel en wanneer: er is geen indicator met nulmeting en streefwaarde",
                                              en: "goal '\(goal.title)' says '\(words)' but not how much or by when: no indicator has a baseline and a target"),
                           help: Localized(nl: "beschrijf het resultaat ('Meer inwoners die …') en voeg een indicator met nulmeting en streefwaarde toe",
                                           en: "describe the result ('More residents who …') and add an indicator with baseline and target"))
        }
    }
}
