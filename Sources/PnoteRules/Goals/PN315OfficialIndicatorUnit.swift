import PnoteModel
import PnoteSyntax

public enum OfficialIndicatorUnit: Rule {
    public static let meta = RuleMeta(
        code: "PN315", slug: "official-indicator-unit", severity: .warning,
        title: Localized(nl: "Officiële indicator in een andere eenheid", en: "Official indicator in another unit"),
        finds: Localized(nl: "Een indicator die een verplichte BBV-beleidsindicator noemt (zoals 'Jongeren met jeugdhulp'), met een nulmeting of streefwaarde in een andere eenheid dan waarstaatjegemeente.nl gebruikt.",
                         en: "An indicator naming a mandatory BBV policy indicator (such as 'Jongeren met jeugdhulp') whose baseline or target uses another unit than the official one."),
        why: Localized(nl: "De beleidsindicatoren staan in elke begroting en zijn tussen gemeenten te vergelijken, maar alleen in hun eigen eenheid.",
                       en: "The policy indicators appear in every municipal budget and can be compared between municipalities, but only in their own unit."),
        triggering: ["## Doel: Minder jeugdhulp\n- indicator: ⟦Jongeren met jeugdhulp⟧\n- nulmeting: 1.450 jongeren (2022)\n- streefwaarde: 1.300 in 2026\n"],
        nonTriggering: ["## Doel: Minder jeugdhulp\n- indicator: Jongeren met jeugdhulp (% van jongeren tot 18 jaar)\n- nulmeting: 11,2% (2022)\n- streefwaarde: 10% in 2026\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        let official = OfficialIndicators.standard
        return context.indicatorUnits.compactMap { unit in
            guard let indicator = official.named(in: unit.text) else { return nil }
            let wrong = [unit.baseline, unit.target].compactMap { $0 }.filter { field in
                if case .indicatorValue(let v) = field.value { return !indicator.matches(v.unit) }
                return false
            }
            guard let first = wrong.first else { return nil }
            return Finding(range: unit.reportRange,
                           message: Localized(nl: "'\(indicator.name)' is een BBV-beleidsindicator in '\(indicator.unitText)', maar '\(first.rawValue)' staat in een andere eenheid",
                                              en: "'\(indicator.name)' is a BBV policy indicator in '\(indicator.unitText)', but '\(first.rawValue)' uses another unit"),
                           help: Localized(nl: "geef nulmeting en streefwaarde in \(indicator.unitText)", en: "give baseline and target in \(indicator.unitText)"),
                           related: wrong.map { RelatedLocation(note: context.noteIndex, range: $0.syntax.fullValueRange,
                                                                message: Localized(nl: "andere eenheid", en: "other unit")) })
        }
    }
}
