import PnoteModel
import PnoteSyntax

public enum MixedClassification: Rule {
    public static let meta = RuleMeta(
        code: "PN102", slug: "mixed-classification", severity: .error,
        title: Localized(nl: "Twee indelingen door elkaar", en: "Mixed classification systems"),
        finds: Localized(nl: "Een niveau uit de andere indeling dan de notitie gebruikt: 'secundair' in een notitie die indeelt naar doelgroep (universeel, selectief, geïndiceerd, zorggerelateerd), of 'selectief' in een notitie die indeelt naar stadium.",
                         en: "A level from the other system than the note uses: 'secondary' in a note classified by target group, or 'selective' in a note classified by stage."),
        why: Localized(nl: "De twee indelingen vallen niet samen (zie het VNG-essay 'Tijdig en doordacht', voetnoot 5): wie ze mengt, kan maatregelen niet naast elkaar leggen in één preventiematrix.",
                       en: "The two systems do not map onto each other one to one: mixing them makes measures impossible to compare in one prevention matrix."),
        triggering: ["## Maatregel: Screening op schoolverzuim\n- niveau: ⟦secundair⟧\n",
                     "---\nindeling: stadium\n---\n## Maatregel: Voorlichting\n- niveau: ⟦universeel⟧\n"],
        nonTriggering: ["---\nindeling: stadium\n---\n## Maatregel: Screening\n- niveau: secundair\n",
                        "## Maatregel: Screening\n- niveau: geïndiceerd\n"])

    static let fixedPairs: [PreventionLevel: PreventionLevel] = [
        .universal: .primary, .primary: .universal, .careRelated: .tertiary, .tertiary: .careRelated,
    ]

    public static func check(_ context: RuleContext) -> [Finding] {
        let note = context.note
        let system = note.settings.classification
        return note.blocks(of: .measure).compactMap { measure in
            guard let level = measure.level, level.system != system,
                  let field = measure.field(.level) else { return nil }
            let groups = (note.measureTargets[measure.index] ?? []).compactMap { context.classification(of: $0) }
            let fitting = groups.isEmpty ? [] : groups.reduce(Set(system.levels)) { $0.intersection($1.groupClass.fittingLevels(system)) }
            var replacement: PreventionLevel?
            var safe = false
            if fitting.count == 1 { replacement = fitting.first } else if let pair = fixedPairs[level] { replacement = pair; safe = true }
            let fix = replacement.map { r in
                Fix(title: Localized(nl: "Vervang door '\(r.name.nl)'", en: "Replace with '\(r.name.en)'"),
                    edits: [TextEdit(range: field.syntax.fullValueRange, newText: r.name.text(note.language))], isSafe: safe)
            }
            let own = system.levels.map(\.name)
            return Finding(
                range: field.syntax.fullValueRange,
                message: Localized(nl: "'\(level.name.nl)' hoort bij de indeling naar \(level.system.name.nl), maar deze notitie deelt in naar \(system.name.nl) (\(own.map(\.nl).joined(separator: ", ")))",
                                   en: "'\(level.name.en)' belongs to the \(level.system.name.en) classification, but this note is classified by \(system.name.en) (\(own.map(\.en).joined(separator: ", ")))"),
                help: replacement.map { Localized(nl: "gebruik '\($0.name.nl)'", en: "use '\($0.name.en)'") }
                    ?? Localized(nl: "kies een niveau uit de indeling van de notitie, of zet 'indeling' in de voorpagina",
                                 en: "choose a level of the note's classification, or set 'classification' in the front matter"),
                fix: fix)
        }
    }
}
