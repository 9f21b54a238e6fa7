import PnoteModel
import PnoteSyntax

public enum DuplicateField: Rule {
    public static let meta = RuleMeta(
        code: "PN003", slug: "duplicate-field", severity: .warning,
        title: Localized(nl: "Dubbel veld", en: "Duplicate field"),
        finds: Localized(nl: "Een veld dat maar één waarde heeft (niveau, budget, nulmeting …) staat twee keer in een blok.",
                         en: "A single-valued field (level, budget, baseline …) appears twice in one block."),
        why: Localized(nl: "Alleen de eerste waarde telt; de lezer ziet twee bedragen of niveaus en weet niet welke geldt.",
                       en: "Only the first value counts; a reader sees two amounts or levels and cannot tell which applies."),
        triggering: ["## Maatregel: Buurtsportcoach\n- budget: € 40.000 per jaar\n- ⟦budget: € 60.000 per jaar⟧\n",
                     "---\nstatus: concept\n⟦status: definitief⟧\n---\n"],
        nonTriggering: ["## Maatregel: Buurtsportcoach\n- doelgroep: Jongeren\n- doelgroep: Ouderen\n\n## Doelgroep: Jongeren\n\n## Doelgroep: Ouderen\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        var out: [Finding] = []
        // By place: only a block whose key bits allow a repeat is copied out (a retain).
        let blocks = context.note.blocks
        for b in blocks.indices where blocks[b].mayRepeatAKey {
            // One bit per key seen (`FieldKey` has fewer than 64 cases): only a key seen
            // before is looked up, among the earlier fields.
            let fields = blocks[b].fields
            var seen: UInt64 = 0
            for i in fields.indices {
                guard let key = fields[i].key else { continue }
                let bit: UInt64 = 1 << UInt64(key.rawValue)
                guard seen & bit != 0 else { seen |= bit; continue }
                guard !key.spec.multi, let earlier = fields[..<i].first(where: { $0.key == key }) else { continue }
                out.append(finding(name: context.text(fields[i].syntax.keyRange), range: fields[i].syntax.keyAndValueRange,
                                   firstRange: earlier.syntax.keyAndValueRange, context: context))
            }
        }
        var seen: [FrontMatterKey: FrontMatterEntry] = [:]
        for setting in context.note.frontMatter {
            guard let key = setting.key else { continue }
            let range = TextRange(setting.syntax.keyRange.start, setting.syntax.valueRange.end)
            if let earlier = seen[key] {
                out.append(finding(name: context.text(setting.syntax.keyRange), range: range,
                                   firstRange: TextRange(earlier.keyRange.start, earlier.valueRange.end), context: context))
            } else {
                seen[key] = setting.syntax
            }
        }
        return out
    }

    static func finding(name: String, range: TextRange, firstRange: TextRange, context: RuleContext) -> Finding {
        let line = context.note.source.location(of: firstRange.start).line
        return Finding(range: range,
                       message: Localized(nl: "'\(name)' staat hier voor de tweede keer; alleen de eerste waarde (regel \(line)) telt",
                                          en: "'\(name)' appears a second time; only the first value (line \(line)) counts"),
                       help: Localized(nl: "houd één regel over", en: "keep one line"),
                       related: [RelatedLocation(note: context.noteIndex, range: firstRange,
                                                 message: Localized(nl: "eerste waarde", en: "first value"))])
    }
}
