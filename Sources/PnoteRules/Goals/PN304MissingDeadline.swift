import PnoteModel
import PnoteSyntax

public enum MissingDeadline: Rule {
    public static let meta = RuleMeta(
        code: "PN304", slug: "missing-deadline", severity: .warning,
        title: Localized(nl: "Streefwaarde zonder jaar", en: "Target without a deadline"),
        finds: Localized(nl: "Een streefwaarde zonder jaar ('40' in plaats van '40 in 2022').", en: "A target without a year ('40' instead of '40 by 2022')."),
        why: Localized(nl: "Zonder jaartal is een streefwaarde nooit te laat: er valt niets te evalueren.",
                       en: "Without a year a target is never late: there is nothing to evaluate."),
        triggering: ["## Doel: Minder schulden\n- indicator: huishoudens met problematische schulden\n- streefwaarde: ⟦1.000 huishoudens⟧\n"],
        nonTriggering: ["## Doel: Minder schulden\n- indicator: huishoudens met problematische schulden\n- streefwaarde: 1.000 huishoudens in 2023\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        context.indicatorUnits.compactMap { unit in
            guard let value = unit.targetValue, value.year == nil, let field = unit.target else { return nil }
            return Finding(range: field.syntax.fullValueRange,
                           message: Localized(nl: "de streefwaarde van '\(unit.name)' heeft geen jaar", en: "the target of '\(unit.name)' has no year"),
                           help: Localized(nl: "schrijf bijvoorbeeld '\(field.rawValue) in 2025'", en: "write for example '\(field.rawValue) by 2025'"))
        }
    }
}
