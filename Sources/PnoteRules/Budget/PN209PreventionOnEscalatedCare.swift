import PnoteModel
import PnoteSyntax

public enum PreventionOnEscalatedCare: Rule {
    public static let meta = RuleMeta(
        code: "PN209", slug: "prevention-on-escalated-care", severity: .info,
        title: Localized(nl: "Preventie geboekt op geëscaleerde zorg", en: "Prevention booked on escalated care"),
        finds: Localized(nl: "Een universele of selectieve maatregel op een taakveld voor geëscaleerde zorg (6.81/6.82, 6.81a–b/6.82a–b, 6.811–6.822).",
                         en: "A universal or selective measure booked on an escalated-care task field (6.81/6.82, 6.81a–b/6.82a–b, 6.811–6.822)."),
        why: Localized(nl: "Brede preventie op het taakveld voor beschermd wonen of jeugdbescherming maakt de begroting onleesbaar: de raad ziet de zware zorg groeien terwijl het preventie is.",
                       en: "Broad prevention on the task field for sheltered housing or child protection makes the budget unreadable: the council sees heavy care grow while it is prevention."),
        triggering: ["---\nperiode: 2020-2022\n---\n## Maatregel: Opvoedondersteuning\n- niveau: selectief\n- taakveld: ⟦6.82⟧\n"],
        nonTriggering: ["---\nperiode: 2020-2022\n---\n## Maatregel: Opvoedondersteuning\n- niveau: selectief\n- taakveld: 6.1\n",
                        "---\nperiode: 2020-2022\n---\n## Maatregel: Gezinshuis\n- niveau: zorggerelateerd\n- taakveld: 6.82\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        let table = TaskFieldTable.standard
        return context.note.blocks(of: .measure).compactMap { block in
            guard let level = block.level, level == .universal || level == .selective,
                  case .taskField(let code)? = block.value(.taskField), table.escalatedCare.contains(code),
                  let field = block.field(.taskField) else { return nil }
            let name = table.name(of: code, year: context.note.settings.referenceYear) ?? code
            return Finding(range: field.syntax.fullValueRange,
                           message: Localized(nl: "'\(block.title)' is \(level.name.nl) preventie, maar staat op taakveld \(code) (\(name)), een taakveld voor geëscaleerde zorg",
                                              en: "'\(block.title)' is \(level.name.en) prevention, but is booked on task field \(code) (\(name)), an escalated-care field"),
                           help: Localized(nl: "boek preventie op bijvoorbeeld 6.1 Samenkracht en burgerparticipatie of 7.1 Volksgezondheid",
                                           en: "book prevention on, for example, 6.1 Samenkracht en burgerparticipatie or 7.1 Volksgezondheid"))
        }
    }
}
