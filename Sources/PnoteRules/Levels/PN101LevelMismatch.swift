import PnoteModel
import PnoteSyntax

public enum LevelMismatch: Rule {
    public static let meta = RuleMeta(
        code: "PN101", slug: "level-mismatch", severity: .error,
        title: Localized(nl: "Niveau past niet bij de doelgroep", en: "Level does not fit the target group"),
        finds: Localized(nl: "Een maatregel waarvan het preventieniveau niet past bij wat de doelgroep bepaalt: een groep met een diagnose onder selectieve preventie, een risicogroep onder universele preventie.",
                         en: "A measure whose prevention level does not fit what defines its target group: a group with a diagnosis under selective prevention, a risk group under universal prevention."),
        why: Localized(nl: "Een diagnose betekent dat het probleem er al is: dan past geïndiceerde of zorggerelateerde preventie, geen selectieve. De adviesraad van Hengelo wees hier in 2019 op ('Kinderen met diagnoses … Een geïndiceerd aanpak dus'). Een verkeerd niveau vertekent de preventiematrix en de verdeling van het geld.",
                       en: "A diagnosis means the problem already exists: indicated or care-related prevention fits, not selective. Hengelo's advisory council pointed this out in 2019. A wrong level distorts the prevention matrix and the split of the budget."),
        triggering: ["## Doelgroep: Jeugdigen met ADHD {#adhd}\n- kenmerk: diagnose ADHD\n\n## Maatregel: Praktijkondersteuner jeugd\n- niveau: ⟦selectief⟧\n- doelgroep: #adhd\n",
                     "## Doelgroep: Ouderen met dementie\n\n### Maatregel: Ontmoetingscentrum\n- niveau: ⟦universeel⟧\n",
                     "---\nindeling: stadium\n---\n## Doelgroep: Alle inwoners {#iedereen}\n## Maatregel: Valpreventie\n- niveau: ⟦tertiair⟧\n- doelgroep: #iedereen\n"],
        nonTriggering: ["## Doelgroep: Kinderen van ouders met GGZ-problematiek {#kopp}\n\n## Maatregel: KOPP-groep\n- niveau: selectief\n- doelgroep: #kopp\n",
                        "## Doelgroep: Jeugdigen met ADHD {#adhd}\n## Maatregel: POH\n- niveau: secundair\n- doelgroep: #adhd\n",
                        "## Doelgroep: Jongeren {#j}\n## Maatregel: Jongerenwerk\n- niveau: universeel\n- doelgroep: #j\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        let note = context.note
        let system = note.settings.classification
        var out: [Finding] = []
        for measure in note.blocks(of: .measure) {
            guard let level = measure.level, level.system == system else { continue }
            let targets = note.measureTargets[measure.index] ?? []
            // The common case first, with nothing built: no group's class is against the level.
            guard targets.contains(where: { context.classification(of: $0).map { !$0.groupClass.fits(level, system) } ?? false }),
                  let levelField = measure.field(.level) else { continue }
            let groups = targets.compactMap { address in context.classification(of: address).map { (address, $0) } }
            let mismatched = groups.filter { !$0.1.groupClass.fits(level, system) }
            let fittingEverywhere = groups.reduce(Set(system.levels)) { $0.intersection($1.1.groupClass.fittingLevels(system)) }
            let mismatching = Dictionary(grouping: mismatched, by: { $0.1.groupClass })
            for (cls, members) in mismatching.sorted(by: { $0.key < $1.key }) {
                let fitting = cls.fittingLevels(system)
                let names = members.map { "'\(context.block($0.0).title)'" }
                let single = members.count == 1
                let message = Localized(
                    nl: "'\(measure.title)' staat op \(level.name.nl), maar \(single ? "de doelgroep" : "de doelgroepen") \(names.joinedAsList(conjunction: "en")) \(single ? "wordt" : "worden") bepaald door \(cls.name.nl); daarbij past \(fitting.spokenList.nl)",
                    en: "'\(measure.title)' is filed as \(level.name.en), but the target \(single ? "group" : "groups") \(names.joinedAsList(conjunction: "and")) \(single ? "is" : "are") defined by \(cls.name.en); \(fitting.spokenList.en) fits")
                let related = members.map { address, _ in
                    let group = context.block(address)
                    let range = group.field(.criterion)?.syntax.fullValueRange ?? group.syntax.heading.range
                    return RelatedLocation(note: address.note, range: range,
                                           message: Localized(nl: "wat de doelgroep '\(group.title)' bepaalt", en: "what defines the target group '\(group.title)'"))
                }
                var fix: Fix?
                if fittingEverywhere.count == 1, let target = fittingEverywhere.first {
                    let word = target.name.text(note.language)
                    fix = Fix(title: Localized(nl: "Zet het niveau op '\(target.name.nl)'", en: "Set the level to '\(target.name.en)'"),
                              edits: [TextEdit(range: levelField.syntax.fullValueRange, newText: word)], isSafe: false)
                }
                out.append(Finding(range: levelField.syntax.fullValueRange, message: message,
                                   help: Localized(nl: "kies \(fitting.spokenList.nl), of beschrijf de doelgroep anders",
                                                   en: "choose \(fitting.spokenList.en), or describe the target group differently"),
                                   fix: fix, related: related))
            }
        }
        return out
    }
}
