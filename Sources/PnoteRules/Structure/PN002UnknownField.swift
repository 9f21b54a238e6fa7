import PnoteModel
import PnoteSyntax

public enum UnknownField: Rule {
    public static let meta = RuleMeta(
        code: "PN002", slug: "unknown-field", severity: .warning,
        title: Localized(nl: "Onbekend veld", en: "Unknown field"),
        finds: Localized(nl: "Een veld in de velden onder een kop, of in de voorpagina, dat dit soort blok niet kent.",
                         en: "A field under a block heading, or in the front matter, that this kind of block does not have."),
        why: Localized(nl: "Een veld met een tikfout (budgt:) of op de verkeerde plek (niveau: bij een doel) wordt niet gelezen; de controle mist dan wat er staat.",
                       en: "A misspelt field (budgt:) or one in the wrong place (level: on a goal) is not read, so the checks miss what it says."),
        triggering: ["## Maatregel: Voorlichting\n- ⟦budgt⟧: € 10.000 per jaar\n",
                     "---\n⟦gemeete⟧: Hengelo\n---\n",
                     "## Doel: Minder schulden\n- ⟦niveau⟧: selectief\n"],
        nonTriggering: ["## Maatregel: Voorlichting\n- budget: € 10.000 per jaar\n",
                        "## Maatregel: Voorlichting\n- budget: € 10.000 per jaar\n\nIn 2019 bereikten wij 400 gezinnen. Let op: dit is proza.\n",
                        "---\ngemeente: Hengelo\n---\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        var out: [Finding] = []
        // By place: only a block with an unknown key is copied out (a retain).
        let blocks = context.note.blocks
        for b in blocks.indices where blocks[b].hasField(nil) {
            let block = blocks[b]
            let valid = FieldKey.keys(for: block.kind)
            let spellings = valid.flatMap { [$0.spec.nl, $0.spec.en] + $0.spec.aliases }
            for field in block.fields where field.key == nil {
                let written = context.text(field.syntax.keyRange)
                let owner = FieldKey.allCases.first { key in
                    ([key.spec.nl, key.spec.en] + key.spec.aliases).contains(Folding.fold(written))
                }
                let kinds = owner.map { key in
                    key.spec.kinds.sorted { $0.rawValue < $1.rawValue }.map(\.name)
                }
                let message = kinds.map { names in
                    Localized(nl: "'\(written)' is geen veld van een \(block.kind.name.nl); het hoort bij: \(names.map(\.nl).joined(separator: ", "))",
                              en: "'\(written)' is not a field of a \(block.kind.name.en); it belongs to: \(names.map(\.en).joined(separator: ", "))")
                } ?? Localized(nl: "onbekend veld '\(written)' in \(block.kind.name.nl) '\(block.title)'",
                               en: "unknown field '\(written)' in \(block.kind.name.en) '\(block.title)'")
                out.append(finding(range: field.syntax.keyRange, message: message,
                                   suggestion: owner == nil ? Folding.nearest(to: written, in: spellings) : nil,
                                   valid: valid.map { $0.name(context.note.language) }))
            }
        }
        for setting in context.note.frontMatter where setting.key == nil {
            let written = context.text(setting.syntax.keyRange)
            out.append(finding(range: setting.syntax.keyRange,
                               message: Localized(nl: "onbekende sleutel '\(written)' in de voorpagina",
                                                  en: "unknown key '\(written)' in the front matter"),
                               suggestion: Folding.nearest(to: written, in: FrontMatterKey.allSpellings),
                               valid: nil))
        }
        return out
    }

    static func finding(range: TextRange, message: Localized, suggestion: String?, valid: [String]?) -> Finding {
        if let suggestion {
            return Finding(range: range, message: message,
                           help: Localized(nl: "bedoelt u '\(suggestion)'?", en: "did you mean '\(suggestion)'?"),
                           fix: Fix(title: Localized(nl: "Vervang door '\(suggestion)'", en: "Replace with '\(suggestion)'"),
                                    edits: [TextEdit(range: range, newText: suggestion)], isSafe: false))
        }
        let help = valid.map { Localized(nl: "velden hier: \($0.joined(separator: ", "))", en: "fields here: \($0.joined(separator: ", "))") }
        return Finding(range: range, message: message, help: help)
    }
}
