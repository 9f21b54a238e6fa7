import PnoteModel
import PnoteSyntax

public enum DirectionMismatch: Rule {
    public static let meta = RuleMeta(
        code: "PN307", slug: "direction-mismatch", severity: .error,
        title: Localized(nl: "Streefwaarde gaat de verkeerde kant op", en: "Target goes the wrong way"),
        finds: Localized(nl: "Het doel of de indicator zegt 'minder' (daling, terugdringen, verlagen) terwijl de streefwaarde boven de nulmeting ligt, of 'meer' terwijl ze eronder ligt.",
                         en: "The goal or indicator says 'fewer' (reduce, decrease) while the target is above the baseline, or 'more' while it is below."),
        why: Localized(nl: "Een streefwaarde die de verkeerde kant op gaat, is meestal een tikfout of een omgedraaide indicator; de raad stuurt er anders op de verkeerde uitkomst.",
                       en: "A target in the wrong direction is usually a typo or a reversed indicator; otherwise the council steers towards the wrong outcome."),
        triggering: ["## Doel: Minder inwoners met problematische schulden\n- indicator: huishoudens met problematische schulden\n- nulmeting: 1.250 (2018)\n- streefwaarde: ⟦1.400 in 2021⟧\n"],
        nonTriggering: ["## Doel: Minder inwoners met problematische schulden\n- indicator: huishoudens met problematische schulden\n- nulmeting: 1.250 (2018)\n- streefwaarde: 1.000 in 2021\n",
                        "## Doel: Gezond opgroeien\n- indicator: kinderen met een gezond gewicht\n- nulmeting: 86% (2022)\n- streefwaarde: 80% in 2027\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        let vocabulary = Vocabulary.standard
        return context.indicatorUnits.compactMap { unit in
            guard let base = unit.baselineValue, let target = unit.targetValue,
                  UnitMismatch.comparable(base.unit, target.unit) else { return nil }
            guard let direction = vocabulary.direction(of: unit.text) ?? unit.goal.flatMap({ vocabulary.direction(of: $0.title) })
            else { return nil }
            let wrong = direction == .less ? target.number > base.number : target.number < base.number
            // The field copied out only for a finding (a copy is a retain and a release).
            guard wrong, let field = unit.target else { return nil }
            let says = direction == .less ? Localized(nl: "minder", en: "fewer") : Localized(nl: "meer", en: "more")
            let goes = direction == .less ? Localized(nl: "hoger", en: "higher") : Localized(nl: "lager", en: "lower")
            return Finding(range: field.syntax.fullValueRange,
                           message: Localized(nl: "'\(unit.goal?.title ?? unit.name)' wil \(says.nl), maar de streefwaarde (\(field.rawValue)) ligt \(goes.nl) dan de nulmeting (\(unit.baseline!.rawValue))",
                                              en: "'\(unit.goal?.title ?? unit.name)' wants \(says.en), but the target (\(field.rawValue)) is \(goes.en) than the baseline (\(unit.baseline!.rawValue))"),
                           help: Localized(nl: "controleer de streefwaarde, of de richting van het doel", en: "check the target, or the direction of the goal"))
        }
    }
}
