import PnoteModel
import PnoteSyntax

/// One measurable indicator: a goal with an `indicator` field, or an `Indicator` block.
/// The goal rules (PN302–PN309, PN314, PN315) look at these.
///
/// A class of constants: each of those rules passes over every unit of a note, and a
/// struct of two blocks and a text was three retains and three releases per unit per rule.
public final class IndicatorUnit: Sendable {
    /// The goal, or the Indicator block.
    public let owner: Block
    /// The goal the indicator belongs to (nil for an Indicator outside any goal).
    public let goal: Block?
    /// What is measured: the `indicator` field, else the Indicator block's title.
    public let text: String
    /// Where "at the indicator" findings go: the `indicator` field's value, else the heading.
    public let reportRange: TextRange

    init(owner: Block, goal: Block?, text: String, reportRange: TextRange) {
        self.owner = owner
        self.goal = goal
        self.text = text
        self.reportRange = reportRange
    }

    public var baseline: Field? { owner.field(.baseline) }
    public var target: Field? { owner.field(.target) }
    public var source: Field? { owner.field(.source) }

    public var baselineValue: IndicatorValue? { owner.indicatorValue(.baseline) }
    public var targetValue: IndicatorValue? { owner.indicatorValue(.target) }

    /// A name for messages.
    public var name: String { text.isEmpty ? owner.title : text }

    public static func all(in note: Note) -> [IndicatorUnit] {
        var out: [IndicatorUnit] = []
        // By place: a block is copied only when it is a goal or an indicator.
        let blocks = note.blocks
        for b in blocks.indices {
            switch blocks[b].kind {
            case .goal:
                let block = blocks[b]
                guard let field = block.field(.indicator), !field.rawValue.isEmpty else { continue }
                out.append(IndicatorUnit(owner: block, goal: block, text: field.rawValue, reportRange: field.syntax.fullValueRange))
            case .indicator:
                let block = blocks[b]
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
