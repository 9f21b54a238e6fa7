import PnoteModel
import PnoteSyntax

/// One measurable indicator: a goal with an `indicator` field, or an `Indicator` block.
/// The goal rules (PN302–PN309, PN314, PN315) look at these.
public struct IndicatorUnit {
    /// The goal, or the Indicator block.
    public var owner: Block
    /// The goal the indicator belongs to (nil for an Indicator outside any goal).
    public var goal: Block?
    /// What is measured: the `indicator` field, else the Indicator block's title.
    public var text: String
    /// Where "at the indicator" findings go: the `indicator` field's value, else the heading.
    public var reportRange: TextRange

    public var baseline: Field? { owner.field(.baseline) }
    public var target: Field? { owner.field(.target) }
    public var source: Field? { owner.field(.source) }

    public var baselineValue: IndicatorValue? { owner.indicatorValue(.baseline) }
    public var targetValue: IndicatorValue? { owner.indicatorValue(.target) }

    /// A name for messages.
    public var name: String { text.isEmpty ? owner.title : text }

    public static func all(in note: Note) -> [IndicatorUnit] {
        var out: [IndicatorUnit] = []
        for block in note.blocks {
            switch block.kind {
            case .goal:
                guard let field = block.field(.indicator), !field.rawValue.isEmpty else { continue }
                out.append(IndicatorUnit(owner: block, goal: block, text: field.rawValue, reportRange: field.syntax.fullValueRange))
            case .indicator:
                let field = block.field(.indicator)
                out.append(IndicatorUnit(owner: block, goal: note.indicatorGoal[block.index].map { note.blocks[$0] },
                                         text: field?.rawValue ?? block.title,
                                         reportRange: field?.syntax.fullValueRange ?? block.syntax.heading.range))
            default: continue
            }
        }
        return out
    }
}

/// A finding for each indicator that lacks `key`, used by PN302, PN303 and PN305.
enum MissingIndicatorField {
    static func findings(_ context: RuleContext, key: FieldKey, what: Localized, example: Localized) -> [Finding] {
        context.indicatorUnits.compactMap { unit in
            guard !unit.owner.hasField(key) else { return nil }
            return Finding(range: unit.reportRange,
                           message: Localized(nl: "indicator '\(unit.name)' heeft geen \(what.nl)", en: "indicator '\(unit.name)' has no \(what.en)"),
                           help: Localized(nl: "voeg '- \(key.spec.nl): \(example.nl)' toe", en: "add '- \(key.spec.en): \(example.en)'"))
        }
    }
}
