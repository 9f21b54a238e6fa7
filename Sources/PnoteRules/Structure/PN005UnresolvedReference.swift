import PnoteModel
import PnoteSyntax

public enum UnresolvedReference: Rule {
    public static let meta = RuleMeta(
        code: "PN005", slug: "unresolved-reference", severity: .error,
        title: Localized(nl: "Verwijzing naar niets", en: "Unresolved reference"),
        finds: Localized(nl: "Een verwijzing (#id, een titel of notitie.pnote#id) naar een blok dat niet bestaat, of naar een pad buiten de map die wordt gecontroleerd.",
                         en: "A reference (#id, a title or note.pnote#id) to a block that does not exist, or to a path outside the checked folder."),
        why: Localized(nl: "Een maatregel die naar een onbekende doelgroep of een onbekend doel verwijst, lijkt gekoppeld maar is het niet.",
                       en: "A measure that refers to an unknown target group or goal looks linked but is not."),
        triggering: ["## Maatregel: Voorlichting\n- doelgroep: ⟦#mantelzorgers⟧\n",
                     "## Maatregel: Voorlichting\n- doelgroep: ⟦../../andere.pnote#jeugd⟧\n"],
        nonTriggering: ["## Maatregel: Voorlichting\n- doelgroep: #mantelzorgers\n\n## Doelgroep: Mantelzorgers\n",
                        "## Maatregel: Voorlichting\n- doelgroep: mantelzorgers\n\n## Doelgroep: Mantelzorgers\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        var out: [Finding] = []
        let note = context.note
        // The same unknown id is often written many times: find its suggestion once.
        var suggestions: [String: String?] = [:]
        // By place: a block is looked at (its kind read in place) before it is copied.
        let blocks = note.blocks
        for b in blocks.indices where FieldKey.referencesPossible(in: blocks[b].kind) {
            // By index, in place: only reference fields' values are copied out of the block.
            for i in 0..<blocks[b].fieldCount where blocks[b].fieldHoldsReferences(i) {
                guard case .references(let refs) = blocks[b].value(ofField: i), let key = blocks[b].key(ofField: i) else { continue }
                for ref in refs {
                    switch ref.problem {
                    case .unresolved?:
                        out.append(unresolved(ref, key: key, context: context, suggestions: &suggestions))
                    case .outsideWorkspace?:
                        out.append(Finding(range: ref.range,
                                           message: Localized(nl: "'\(ref.text.written)' wijst buiten de gecontroleerde map; verwijs alleen naar notities in deze map",
                                                              en: "'\(ref.text.written)' points outside the checked folder; refer only to notes inside it")))
                    default: break
                    }
                }
            }
        }
        return out
    }

    static func unresolved(_ ref: Reference, key: FieldKey, context: RuleContext, suggestions: inout [String: String?]) -> Finding {
        let kind = expectedKind(key)
        var written = ref.text.written
        if case .id(let id) = ref.text.target { written = id }
        let message: Localized
        if case .external(let path, let id) = ref.text.target {
            // A note with such a reference is never checked alone: the workspace is there.
            message = context.workspace.notes.contains(where: { $0.path.hasSuffix(path) })
                ? Localized(nl: "'\(path)' heeft geen blok met id '\(id)'", en: "'\(path)' has no block with id '\(id)'")
                : Localized(nl: "er is geen notitie '\(path)' in de gecontroleerde map", en: "there is no note '\(path)' in the checked folder")
        } else {
            message = Localized(nl: "'\(ref.text.written)' verwijst naar geen enkel blok in deze notitie (verwacht: een \(kind.name.nl))",
                                en: "'\(ref.text.written)' refers to no block in this note (expected: a \(kind.name.en))")
        }
        let memoKey = kind.rawValue + "\u{0}" + written
        if suggestions[memoKey] == nil {
            let ids = context.note.blocks(of: kind).map { (candidate: $0.id, folded: $0.foldedID) }
            suggestions[memoKey] = .some(Folding.nearest(toFolded: Folding.fold(written), in: ids))
        }
        guard let suggestion = suggestions[memoKey] ?? nil else { return Finding(range: ref.range, message: message) }
        return Finding(range: ref.range, message: message,
                       help: Localized(nl: "bedoelt u '#\(suggestion)'?", en: "did you mean '#\(suggestion)'?"),
                       fix: Fix(title: Localized(nl: "Vervang door '#\(suggestion)'", en: "Replace with '#\(suggestion)'"),
                                edits: [TextEdit(range: ref.range, newText: "#" + suggestion)], isSafe: false))
    }

    static func expectedKind(_ key: FieldKey) -> BlockKind {
        switch key {
        case .targetGroup: .targetGroup
        case .goal: .goal
        default: .budget
        }
    }
}
