import PnoteModel
import PnoteSyntax

public enum DuplicateID: Rule {
    public static let meta = RuleMeta(
        code: "PN006", slug: "duplicate-id", severity: .error,
        title: Localized(nl: "Dubbel id", en: "Duplicate id"),
        finds: Localized(nl: "Twee blokken in één notitie met hetzelfde id (uit {#id}, een id-veld, of de titel).",
                         en: "Two blocks in one note with the same id (from {#id}, an id field, or the title)."),
        why: Localized(nl: "Een verwijzing naar dat id kan maar naar één blok wijzen; de andere wordt stil overgeslagen.",
                       en: "A reference to that id can point at only one block; the other one is silently skipped."),
        triggering: ["## Doelgroep: Mantelzorgers\n\n⟦## Doelgroep: Mantelzorgers⟧\n",
                     "## Doel: Minder schulden {#schulden}\n\n⟦## Doelgroep: Inwoners met schulden {#schulden}⟧\n"],
        nonTriggering: ["## Doelgroep: Mantelzorgers\n\n## Doelgroep: Jonge mantelzorgers\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        let note = context.note
        var out: [Finding] = []
        for indices in note.blocksSharingAnID {
            let first = note.blocks[indices[0]]
            let line = note.source.location(of: first.syntax.heading.range.start).line
            for i in indices.dropFirst() {
                let block = note.blocks[i]
                out.append(Finding(
                    range: block.syntax.heading.range,
                    message: Localized(nl: "het id '\(block.id)' is al gebruikt door \(first.kind.name.nl) '\(first.title)' op regel \(line)",
                                       en: "the id '\(block.id)' is already used by \(first.kind.name.en) '\(first.title)' on line \(line)"),
                    help: Localized(nl: "geef dit blok een eigen id met {#ander-id} aan het eind van de kop",
                                    en: "give this block its own id with {#other-id} at the end of the heading"),
                    related: [RelatedLocation(note: context.noteIndex, range: first.syntax.heading.range,
                                              message: Localized(nl: "eerste blok met dit id", en: "first block with this id"))]))
            }
        }
        return out
    }
}
