import PnoteModel
import PnoteSyntax

public enum InvalidValue: Rule {
    public static let meta = RuleMeta(
        code: "PN004", slug: "invalid-value", severity: .error,
        title: Localized(nl: "Onleesbare waarde", en: "Invalid value"),
        finds: Localized(nl: "Een waarde die niet te lezen is: een niveauwoord, bedrag, getal, jaar, periode, datum, taakveld, status of taal.",
                         en: "A value that cannot be read: a level word, amount, number, year, period, date, task field, status or language."),
        why: Localized(nl: "Wat niet te lezen is, wordt niet gecontroleerd en niet opgeteld. Bij bedragen is de notatie belangrijk: '€ 2.5 mln' kan 2,5 of 25 miljoen betekenen.",
                       en: "What cannot be read is neither checked nor added up. Notation matters for amounts: in Dutch notation '€ 2.5 mln' is ambiguous."),
        triggering: ["## Maatregel: Schuldhulp\n- budget: ⟦€ 2.5 mln per jaar⟧\n",
                     "## Maatregel: Schuldhulp\n- niveau: ⟦selctief⟧\n",
                     "---\nperiode: ⟦2023-2020⟧\n---\n",
                     "## Maatregel: Schuldhulp\n- taakveld: ⟦9.99⟧\n"],
        nonTriggering: ["## Maatregel: Schuldhulp\n- budget: € 2,5 mln per jaar\n- niveau: selectief\n- taakveld: 6.3\n",
                        "---\ntaal: en\n---\n## Measure: Debt advice\n- budget: €2.5m per year\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        var out: [Finding] = []
        let blocks = context.note.blocks
        for b in blocks.indices where blocks[b].hasInvalidOrEmptyField {
            // By place and index: no block is copied out, and a field only when it is reported.
            let fields = blocks[b].fields
            for i in fields.indices where fields[i].isInvalid || fields[i].hasEmptyValue {
                guard let key = fields[i].key else { continue }
                let field = fields[i]
                if field.isInvalid, case .invalid(let error) = field.value {
                    out.append(finding(name: context.text(field.syntax.keyRange), error: error, range: field.syntax.fullValueRange))
                } else if field.rawValue.isEmpty, key.valueKind != .text, key.valueKind != .references {
                    let name = context.text(field.syntax.keyRange)
                    out.append(Finding(range: field.syntax.keyAndValueRange,
                                       message: Localized(nl: "'\(name)' heeft geen waarde", en: "'\(name)' has no value")))
                }
            }
        }
        for setting in context.note.frontMatter {
            guard let error = setting.problem else { continue }
            out.append(finding(name: context.text(setting.syntax.keyRange), error: error, range: setting.syntax.valueRange))
        }
        return out
    }

    static func finding(name: String, error: ValueError, range: TextRange) -> Finding {
        let message = Localized(nl: "de waarde van '\(name)' is niet te lezen: \(error.reason.nl)",
                                en: "the value of '\(name)' cannot be read: \(error.reason.en)")
        guard let suggestion = error.suggestion else { return Finding(range: range, message: message) }
        return Finding(range: range, message: message,
                       help: Localized(nl: "bedoelt u '\(suggestion)'?", en: "did you mean '\(suggestion)'?"),
                       fix: Fix(title: Localized(nl: "Vervang door '\(suggestion)'", en: "Replace with '\(suggestion)'"),
                                edits: [TextEdit(range: range, newText: suggestion)], isSafe: false))
    }
}
