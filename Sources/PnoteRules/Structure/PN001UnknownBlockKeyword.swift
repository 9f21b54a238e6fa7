import PnoteModel
import PnoteSyntax

public enum UnknownBlockKeyword: Rule {
    public static let meta = RuleMeta(
        code: "PN001", slug: "unknown-block-keyword", severity: .error,
        title: Localized(nl: "Onbekend bloksleutelwoord", en: "Unknown block keyword"),
        finds: Localized(nl: "Een kop met een woord en een dubbele punt dat bijna een bloksleutelwoord is (Maatregl:, Doelgrop:).",
                         en: "A heading whose word before the colon is nearly a block keyword (Measrue:, Target gruop:)."),
        why: Localized(nl: "Door de tikfout is de kop gewone tekst: de maatregel, het doel of de doelgroep wordt niet gecontroleerd en telt niet mee in de begroting.",
                       en: "Because of the typo the heading is plain text: the measure, goal or target group is not checked and does not count in the budget."),
        triggering: ["⟦## Maatregl: Huisbezoeken jonge ouders⟧\n- niveau: universeel\n",
                     "⟦### Doelgrop: Mantelzorgers⟧\n"],
        nonTriggering: ["## Maatregel: Huisbezoeken jonge ouders\n", "## Bijlage 2: Preventiematrix\n",
                        "## Maatregelen: overzicht\n", "## Inleiding\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        context.tree.headings.compactMap { heading in
            guard heading.kind == nil, let labelRange = heading.labelRange,
                  let suggestion = suggestion(for: context.text(labelRange)) else { return nil }
            let keyword = suggestion.prefix(1).uppercased() + suggestion.dropFirst()
            let label = context.text(labelRange)
            return Finding(
                range: heading.range,
                message: Localized(nl: "'\(label):' is geen bloksleutelwoord, dus deze kop is gewone tekst",
                                   en: "'\(label):' is not a block keyword, so this heading is plain text"),
                help: Localized(nl: "bedoelt u '\(keyword):'?", en: "did you mean '\(keyword):'?"),
                fix: Fix(title: Localized(nl: "Vervang door '\(keyword)'", en: "Replace with '\(keyword)'"),
                         edits: [TextEdit(range: labelRange, newText: keyword)], isSafe: false))
        }
    }

    /// The keyword the label is a typo of. Plurals (`Maatregelen:`) are ordinary section
    /// headings, not typos, so they are left alone.
    static func suggestion(for label: String) -> String? {
        let folded = Folding.fold(label)
        guard folded.split(separator: " ").count <= 2, folded.allSatisfy({ $0.isLetter || $0 == " " }) else { return nil }
        let keywords = BlockKind.allKeywords.map(\.keyword)
        for keyword in keywords where ["en", "s", "n", "'s"].contains(where: { folded == keyword + $0 }) { return nil }
        return Folding.nearest(to: folded, in: keywords)
    }
}
