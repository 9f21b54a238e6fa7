import PnoteModel
import PnoteSyntax

public enum DeadlineOutsidePeriod: Rule {
    public static let meta = RuleMeta(
        code: "PN309", slug: "deadline-outside-period", severity: .warning,
        title: Localized(nl: "Deadline buiten de periode", en: "Deadline outside the period"),
        finds: Localized(nl: "Een streefwaarde met een jaar na de periode van de notitie, of voor de datum van de notitie.",
                         en: "A target whose year is after the note's period, or before the note's date."),
        why: Localized(nl: "Een doel voor na de looptijd wordt in deze periode nooit geëvalueerd; een doel voor de datum van de notitie is al voorbij.",
                       en: "A goal due after the note's period is never evaluated within it; a goal due before the note's date is already past."),
        triggering: ["---\nperiode: 2020-2023\n---\n## Doel: Minder verwijzingen\n- indicator: verwijzingen\n- streefwaarde: ⟦40 in 2026⟧\n",
                     "---\ndatum: 2023-11-15\n---\n## Doel: Minder verwijzingen\n- indicator: verwijzingen\n- streefwaarde: ⟦40 in 2022⟧\n"],
        nonTriggering: ["---\nperiode: 2020-2023\n---\n## Doel: Minder verwijzingen\n- indicator: verwijzingen\n- streefwaarde: 40 in 2023\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        let settings = context.note.settings
        return context.indicatorUnits.compactMap { unit in
            guard let year = unit.targetValue?.year else { return nil }
            let after = settings.period.flatMap { year > $0.last ? $0 : nil }, before = settings.date.flatMap { year < $0.year ? $0 : nil }
            // The field copied out only for a finding (a copy is a retain and a release).
            guard after != nil || before != nil, let field = unit.target else { return nil }
            if let period = after {
                return Finding(range: field.syntax.fullValueRange,
                               message: Localized(nl: "de streefwaarde van '\(unit.name)' valt in \(year), na de periode van de notitie (\(period.first)-\(period.last))",
                                                  en: "the target of '\(unit.name)' is due in \(year), after the note's period (\(period.first)-\(period.last))"))
            }
            if let date = before {
                return Finding(range: field.syntax.fullValueRange,
                               message: Localized(nl: "de streefwaarde van '\(unit.name)' valt in \(year), voor de datum van de notitie (\(date.year))",
                                                  en: "the target of '\(unit.name)' is due in \(year), before the note's date (\(date.year))"))
            }
            return nil
        }
    }
}
