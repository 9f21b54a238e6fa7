import PnoteModel
import PnoteSyntax

public enum FocusNotReflected: Rule {
    public static let meta = RuleMeta(
        code: "PN107", slug: "focus-not-reflected", severity: .warning,
        title: Localized(nl: "Focus niet terug te zien in het geld", en: "Focus not reflected in the budget"),
        finds: Localized(nl: "De voorpagina noemt een focus (bijvoorbeeld 'focus: selectief'), maar een ander niveau krijgt een groter deel van het jaarbudget van de maatregelen.",
                         en: "The front matter declares a focus (say 'focus: selective'), but another level gets a larger share of the measures' annual budget."),
        why: Localized(nl: "Een focus die niet in de begroting zit, is een voornemen. Raadsleden lezen de notitie op het geld.",
                       en: "A focus that is not in the budget is an intention. Councillors read a note by its money."),
        triggering: ["---\nfocus: ⟦selectief⟧\n---\n## Maatregel: Voorlichting\n- niveau: universeel\n- budget: € 100.000 per jaar\n\n## Maatregel: Respijtzorg\n- niveau: selectief\n- budget: € 50.000 per jaar\n"],
        nonTriggering: ["---\nfocus: selectief\n---\n## Maatregel: Voorlichting\n- niveau: universeel\n- budget: € 50.000 per jaar\n\n## Maatregel: Respijtzorg\n- niveau: selectief\n- budget: € 50.000 per jaar\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        let note = context.note
        guard let focus = note.settings.focus, focus.system == note.settings.classification,
              let setting = note.frontMatter.first(where: { $0.key == .focus }) else { return [] }
        var perLevel: [PreventionLevel: Int64] = [:]
        for measure in note.blocks(of: .measure) {
            guard let level = measure.level, level.system == focus.system, let annual = context.annualBudget(measure) else { continue }
            perLevel.addCapped(annual, to: level)
        }
        let focusSum = perLevel[focus] ?? 0
        guard let (top, topSum) = perLevel.filter({ $0.key != focus }).max(by: { ($0.value, $1.key.rank) < ($1.value, $0.key.rank) }),
              topSum > focusSum else { return [] }
        let total = perLevel.values.cappedSum()
        let share = { (x: Int64) in total == 0 ? 0 : Int((Double(x) / Double(total) * 100).rounded()) }
        let a = MoneyText.format(cents: topSum), b = MoneyText.format(cents: focusSum)
        return [Finding(
            range: setting.syntax.valueRange,
            message: Localized(nl: "de focus is \(focus.name.nl), maar \(top.name.nl) krijgt het grootste deel van het jaarbudget: \(a.nl) (\(share(topSum))%) tegen \(b.nl) (\(share(focusSum))%)",
                               en: "the focus is \(focus.name.en), but \(top.name.en) gets the largest share of the annual budget: \(a.en) (\(share(topSum))%) against \(b.en) (\(share(focusSum))%)"),
            help: Localized(nl: "pas de focus of de verdeling van het geld aan", en: "change the focus or the split of the money"))]
    }
}
