import PnoteModel
import PnoteSyntax

public enum UnitMismatch: Rule {
    public static let meta = RuleMeta(
        code: "PN314", slug: "unit-mismatch", severity: .warning,
        title: Localized(nl: "Nulmeting en streefwaarde in andere eenheden", en: "Baseline and target in different units"),
        finds: Localized(nl: "Een nulmeting en streefwaarde die niet in dezelfde eenheid staan: een percentage tegen een aantal, of per 1.000 tegen per 10.000.",
                         en: "A baseline and target in different units: a percentage against a count, or per 1,000 against per 10,000."),
        why: Localized(nl: "Van 48 naar 10% is niet te vergelijken: niemand kan zeggen of het doel gehaald is.",
                       en: "From 48 to 10% cannot be compared: nobody can tell whether the goal was met."),
        triggering: ["## Doel: Minder verwijzingen\n- indicator: verwijzingen\n- nulmeting: 48 (2018)\n- streefwaarde: ⟦10% in 2022⟧\n"],
        nonTriggering: ["## Doel: Minder verwijzingen\n- indicator: verwijzingen per 1.000 jeugdigen\n- nulmeting: 48 per 1.000 jeugdigen (2018)\n- streefwaarde: 40 in 2022\n"])

    /// Whether two units can be compared. Counts compare with counts (a missing noun is
    /// not a different unit); rates need the same base.
    static func comparable(_ a: ValueUnit, _ b: ValueUnit) -> Bool {
        switch (a, b) {
        case (.percent, .percent), (.count, .count): true
        case (.rate(let x, _), .rate(let y, _)): x == y
        case (.rate, .count(let w)), (.count(let w), .rate): w.isEmpty
        default: false
        }
    }

    static func describe(_ u: ValueUnit) -> Localized {
        switch u {
        case .percent: Localized(nl: "een percentage", en: "a percentage")
        case .rate(let base, let noun): Localized(nl: "per \(base) \(noun)", en: "per \(base) \(noun)")
        case .count(let w): w.isEmpty ? Localized(nl: "een aantal", en: "a count") : Localized(nl: "een aantal \(w)", en: "a count of \(w)")
        }
    }

    public static func check(_ context: RuleContext) -> [Finding] {
        context.indicatorUnits.compactMap { unit in
            // The field copied out only for a finding (a copy is a retain and a release).
            guard let base = unit.baselineValue, let target = unit.targetValue,
                  !comparable(base.unit, target.unit), let field = unit.target else { return nil }
            let a = describe(base.unit), b = describe(target.unit)
            return Finding(range: field.syntax.fullValueRange,
                           message: Localized(nl: "de nulmeting van '\(unit.name)' is \(a.nl), de streefwaarde \(b.nl): die zijn niet te vergelijken",
                                              en: "the baseline of '\(unit.name)' is \(a.en), the target \(b.en): they cannot be compared"),
                           help: Localized(nl: "schrijf beide in dezelfde eenheid", en: "write both in the same unit"))
        }
    }
}
