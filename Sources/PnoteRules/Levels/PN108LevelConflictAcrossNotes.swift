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
        let n = context.noteIndex
        // With the standard lexicon the name index knows each group's class: no block is
        // read (`pnote check` may have let them go). A configured lexicon reads the blocks.
        let standard = context.options.lexicon.isStandard
        func groupClass(_ address: BlockAddress, standardClass: TargetGroupClass?) -> TargetGroupClass? {
            standard ? standardClass : context.classification(of: address)?.groupClass
        }
        let indexed = context.workspace.indexedBlocks(ofNote: n)
        // By place: only the target groups are copied out (three strings each).
        for i in indexed.indices where indexed[i].kind == .targetGroup {
            let group = indexed[i]
            guard let mine = groupClass(BlockAddress(note: n, block: group.index), standardClass: group.standardGroupClass) else { continue }
            // With the standard lexicon, the index knows when no twin is classed otherwise.
            if standard && !context.workspace.sameNamedMayBeClassed(otherThan: mine, as: group, inNote: n) { continue }
            // Other notes of the same municipality (or of none declared) only.
            guard let (address, candidate) = context.workspace.firstSameNamed(group, inNote: n, where: {
                groupClass($0.address, standardClass: $0.standardGroupClass).map { $0 != mine } ?? false
            }), let theirs = groupClass(address, standardClass: candidate.standardGroupClass) else { continue }
            // The path only: a copy of the whole note is a retain per table it holds.
            let otherPath = context.workspace.notes[address.note].path
            out.append(Finding(
                range: group.headingRange,
                message: Localized(nl: "doelgroep '\(group.title)' wordt hier bepaald door \(mine.name.nl), maar in \(otherPath) door \(theirs.name.nl)",
                                   en: "target group '\(group.title)' is defined here by \(mine.name.en), but in \(otherPath) by \(theirs.name.en)"),
                help: Localized(nl: "maak het kenmerk in beide notities gelijk", en: "make the criterion the same in both notes"),
                related: [RelatedLocation(note: address.note, range: candidate.criterionRange,
                                          message: Localized(nl: "de andere indeling", en: "the other classification"))]))
        }
        return out
    }
}
