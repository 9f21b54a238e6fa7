import PnoteModel
import PnoteSyntax

public enum EmptyTitle: Rule {
    public static let meta = RuleMeta(
        code: "PN009", slug: "empty-title", severity: .warning,
        title: Localized(nl: "Blok zonder titel", en: "Block without a title"),
        finds: Localized(nl: "Een kop met een bloksleutelwoord maar zonder titel na de dubbele punt.",
                         en: "A block heading with nothing after the colon."),
        why: Localized(nl: "Zonder titel heeft het blok geen naam in het rapport en geen id om naar te verwijzen.",
                       en: "Without a title the block has no name in the report and no id to refer to."),
        triggering: ["⟦## Maatregel:⟧\n- niveau: universeel\n"],
        nonTriggering: ["## Maatregel: Voorlichting op scholen\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        context.note.blocks.compactMap { block in
            guard block.title.isEmpty else { return nil }
            return Finding(range: block.syntax.heading.range,
                           message: Localized(nl: "deze \(block.kind.name.nl) heeft geen titel", en: "this \(block.kind.name.en) has no title"),
                           help: Localized(nl: "schrijf de naam na de dubbele punt: '\(block.kind.keyword(.nl)): …'",
                                           en: "write the name after the colon: '\(block.kind.keyword(.en)): …'"))
        }
    }
}
