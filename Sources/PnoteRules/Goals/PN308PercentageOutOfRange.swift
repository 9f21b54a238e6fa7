import PnoteModel
import PnoteSyntax

public enum PercentageOutOfRange: Rule {
    public static let meta = RuleMeta(
        code: "PN308", slug: "percentage-out-of-range", severity: .error,
        title: Localized(nl: "Percentage buiten 0–100", en: "Percentage out of range"),
        finds: Localized(nl: "Een percentage onder 0 of boven 100 in een nulmeting, streefwaarde of bereik.",
                         en: "A percentage below 0 or above 100 in a baseline, target or reach."),
        why: Localized(nl: "Een aandeel van 120% bestaat niet; meestal is een aantal als percentage geschreven, of een komma verkeerd gezet.",
                       en: "A share of 120% does not exist; usually a count was written as a percentage, or a decimal mark misplaced."),
        triggering: ["## Doel: Meer mantelzorgers ontlast\n- indicator: aandeel ontlaste mantelzorgers\n- nulmeting: ⟦140% (2022)⟧\n"],
        nonTriggering: ["## Doel: Meer mantelzorgers ontlast\n- indicator: aandeel ontlaste mantelzorgers\n- nulmeting: 14,0% (2022)\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        var out: [Finding] = []
        // The key bits first: most blocks have none of the three keys, and their fields stay unread.
        // By place: a block is copied out (a retain) only when it has one of the keys.
        let blocks = context.note.blocks
        for b in blocks.indices where blocks[b].hasField(.baseline) || blocks[b].hasField(.target) || blocks[b].hasField(.reach) {
            // By index: a field is copied out (a retain) only when its key is one of the three.
            let fields = blocks[b].fields
            for i in fields.indices where fields[i].key == .baseline || fields[i].key == .target || fields[i].key == .reach {
                let field = fields[i]
                guard case .indicatorValue(let v) = field.value, v.isPercent, v.number < 0 || v.number > 100 else { continue }
                out.append(Finding(range: field.syntax.fullValueRange,
                                   message: Localized(nl: "'\(field.rawValue)' is geen mogelijk percentage (0 tot en met 100)",
                                                      en: "'\(field.rawValue)' is not a possible percentage (0 to 100)")))
            }
        }
        return out
    }
}
