import PnoteModel
import PnoteSyntax

public enum TaskFieldNotValidForYear: Rule {
    public static let meta = RuleMeta(
        code: "PN211", slug: "task-field-not-valid-for-year", severity: .warning,
        title: Localized(nl: "Taakveld geldt niet in dit jaar", en: "Task field not valid for the year"),
        finds: Localized(nl: "Een bekend taakveld dat niet bestaat in de BBV-indeling van het eerste jaar van de notitie; de melding noemt de opvolgers.",
                         en: "A known task field that does not exist in the BBV list of the note's first year; the message names its successors."),
        why: Localized(nl: "De taakvelden zijn in 2023 en 2025 herzien. Een vervallen code kan niet worden geboekt en maakt vergelijken met de begroting onmogelijk.",
                       en: "The task fields were revised in 2023 and 2025. An expired code cannot be booked and cannot be compared with the budget."),
        triggering: ["---\nperiode: 2025-2028\n---\n## Maatregel: Jeugdteam\n- taakveld: ⟦6.2⟧\n",
                     "---\nperiode: 2023-2024\n---\n## Maatregel: Jeugdhulp\n- taakveld: ⟦6.72⟧\n"],
        nonTriggering: ["---\nperiode: 2025-2028\n---\n## Maatregel: Jeugdteam\n- taakveld: 6.22\n",
                        "---\nperiode: 2019-2022\n---\n## Maatregel: Wijkteam\n- taakveld: 6.2\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        let table = TaskFieldTable.standard
        let year = context.note.settings.referenceYear
        let version = table.version(for: year)
        return context.note.blocks(of: .measure).compactMap { block in
            guard case .taskField(let code)? = block.value(.taskField),
                  version.codes[code] == nil, let field = block.field(.taskField) else { return nil }
            let replacements = table.replacements(for: code, year: year)
            let named = replacements.map { "\($0) \(version.codes[$0] ?? "")" }
            let fix = replacements.count == 1 ? Fix(title: Localized(nl: "Vervang door \(replacements[0])", en: "Replace with \(replacements[0])"),
                                                    edits: [TextEdit(range: field.syntax.fullValueRange, newText: replacements[0])], isSafe: false) : nil
            return Finding(range: field.syntax.fullValueRange,
                           message: Localized(nl: "taakveld \(code) bestaat niet in de BBV-indeling '\(version.name)'" + (named.isEmpty ? "" : "; gebruik \(named.joinedAsList(conjunction: "of"))"),
                                              en: "task field \(code) does not exist in the BBV list '\(version.name)'" + (named.isEmpty ? "" : "; use \(named.joinedAsList(conjunction: "or"))")),
                           fix: fix)
        }
    }
}
