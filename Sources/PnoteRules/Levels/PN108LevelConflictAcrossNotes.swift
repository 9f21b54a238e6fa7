import PnoteModel
import PnoteSyntax

public enum LevelConflictAcrossNotes: Rule {
    /// It compares target groups with those of other notes.
    public static let scope = RuleScope.workspace

    public static let meta = RuleMeta(
        code: "PN108", slug: "level-conflict-across-notes", severity: .warning,
        title: Localized(nl: "Doelgroep verschilt tussen notities", en: "Target group differs across notes"),
        finds: Localized(nl: "Dezelfde doelgroep (zelfde id of titel) wordt in een andere notitie van de map anders bepaald: hier door een risicofactor, daar door een diagnose.",
                         en: "The same target group (same id or title) is defined differently in another note of the folder: here by a risk factor, there by a diagnosis."),
        why: Localized(nl: "Beleid voor jeugd, Wmo en werk en inkomen hoort samen te hangen; als dezelfde groep per domein anders wordt ingedeeld, klopt de preventiematrix over de domeinen heen niet.",
                       en: "Youth, social support and work-and-income policy should fit together; a group classified differently per domain breaks the prevention matrix across domains."),
        triggering: ["⟦## Doelgroep: Mantelzorgers {#mantelzorgers}⟧\n- kenmerk: risicofactor: zorgt voor een naaste\n==> wmo.pnote <==\n## Doelgroep: Mantelzorgers {#mantelzorgers}\n- kenmerk: beginnende problemen: overbelasting\n"],
        nonTriggering: ["## Doelgroep: Mantelzorgers\n- kenmerk: risicofactor: zorgt voor een naaste\n==> wmo.pnote <==\n## Doelgroep: Mantelzorgers\n- kenmerk: risicofactor: mantelzorg\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        var out: [Finding] = []
        for group in context.note.blocks(of: .targetGroup) {
            guard let mine = context.classification(of: context.address(group)) else { continue }
            // Other notes of the same municipality (or of none declared) only.
            // With the standard lexicon the index knows each twin's class: no twin is read.
            let standard = context.options.lexicon.isStandard
            let differing = context.workspace.firstSameNamed(.targetGroup, as: group, inNote: context.noteIndex) { address, standardClass in
                let theirs = standard ? standardClass : context.classification(of: address)?.groupClass
                return theirs.map { $0 != mine.groupClass } ?? false
            }
            guard let address = differing, let theirs = context.classification(of: address) else { continue }
            // The path only: a copy of the whole note is a retain per table it holds.
            let n = address.note, otherPath = context.workspace.notes[n].path, candidate = context.workspace.block(address)
            out.append(Finding(
                range: group.syntax.heading.range,
                message: Localized(nl: "doelgroep '\(group.title)' wordt hier bepaald door \(mine.groupClass.name.nl), maar in \(otherPath) door \(theirs.groupClass.name.nl)",
                                   en: "target group '\(group.title)' is defined here by \(mine.groupClass.name.en), but in \(otherPath) by \(theirs.groupClass.name.en)"),
                help: Localized(nl: "maak het kenmerk in beide notities gelijk", en: "make the criterion the same in both notes"),
                related: [RelatedLocation(note: n, range: candidate.field(.criterion)?.syntax.fullValueRange ?? candidate.syntax.heading.range,
                                          message: Localized(nl: "de andere indeling", en: "the other classification"))]))
        }
        return out
    }
}
