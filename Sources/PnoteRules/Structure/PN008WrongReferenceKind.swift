import PnoteModel
import PnoteSyntax

public enum WrongReferenceKind: Rule {
    public static let meta = RuleMeta(
        code: "PN008", slug: "wrong-reference-kind", severity: .error,
        title: Localized(nl: "Verwijzing naar het verkeerde soort blok", en: "Reference to the wrong kind of block"),
        finds: Localized(nl: "Een verwijzing die wel een blok vindt, maar van het verkeerde soort: een doelgroep-veld dat naar een maatregel wijst.",
                         en: "A reference that finds a block of the wrong kind: a target group field that points at a measure."),
        why: Localized(nl: "De koppeling klopt niet: de maatregel lijkt een doelgroep te hebben, maar heeft er geen.",
                       en: "The link is wrong: the measure seems to have a target group but has none."),
        triggering: ["## Maatregel: Voorlichting {#voorlichting}\n- doelgroep: ⟦#schulden⟧\n\n## Doel: Minder schulden {#schulden}\n"],
        nonTriggering: ["## Maatregel: Voorlichting\n- doel: #schulden\n\n## Doel: Minder schulden {#schulden}\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        var out: [Finding] = []
        // By place: a block is looked at (its kind read in place) before it is copied.
        let blocks = context.note.blocks
        for b in blocks.indices where FieldKey.referencesPossible(in: blocks[b].kind) {
            // By index: only reference fields are looked into, and their key's text is made
            // only for a reference that is reported.
            for i in 0..<blocks[b].fieldCount where blocks[b].fieldHoldsReferences(i) {
                guard case .references(let refs) = blocks[b].value(ofField: i), let key = blocks[b].key(ofField: i) else { continue }
                let expected = UnresolvedReference.expectedKind(key)
                for ref in refs {
                    guard case .wrongKind(let actual)? = ref.problem, let target = ref.target else { continue }
                    let name = context.text(blocks[b].fields[i].syntax.keyRange)
                    let title = context.block(target).title
                    out.append(Finding(
                        range: ref.range,
                        message: Localized(nl: "'\(ref.text.written)' wijst naar \(actual.name.nl) '\(title)', maar '\(name)' vraagt om een \(expected.name.nl)",
                                           en: "'\(ref.text.written)' points at \(actual.name.en) '\(title)', but '\(name)' needs a \(expected.name.en)"),
                        related: [RelatedLocation(note: target.note, range: context.block(target).syntax.heading.range,
                                                  message: Localized(nl: "hierheen wijst de verwijzing", en: "the reference points here"))]))
                }
            }
        }
        return out
    }
}
