import Foundation
import PnoteModel
import PnoteSyntax

public enum UnknownEvidenceLevel: Rule {
    public static let meta = RuleMeta(
        code: "PN402", slug: "unknown-evidence-level", severity: .warning,
        title: Localized(nl: "Onbekend erkenningsniveau", en: "Unknown evidence level"),
        finds: Localized(nl: "Een onderbouwing die begint met 'erkend' of 'databank:' maar geen niveau van het erkenningstraject noemt.",
                         en: "Evidence that starts with 'recognised' or 'databank:' but names no level of the recognition system."),
        why: Localized(nl: "'Erkend' zegt alleen iets met het niveau erbij: goed beschreven is iets anders dan sterke aanwijzingen voor effectiviteit.",
                       en: "'Recognised' only means something with its level: well described is not the same as strong indications of effectiveness."),
        triggering: ["## Maatregel: Stevig Ouderschap\n- onderbouwing: ⟦erkend: goed beschreefen⟧\n", "## Maatregel: X\n- onderbouwing: ⟦databank: effectief⟧\n"],
        nonTriggering: ["## Maatregel: Stevig Ouderschap\n- onderbouwing: erkend: goed beschreven\n",
                        "## Maatregel: Stevig Ouderschap\n- onderbouwing: MKBA Jeugd Voorbeeldstad (2021)\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        let levels = EvidenceLevels.standard
        return context.note.blocks(of: .measure).compactMap { block in
            guard let field = block.field(.evidence),
                  case .unknownLevel(let claimed, let nearest) = levels.read(field.rawValue) else { return nil }
            let names = levels.levels.map(\.nl).joined(separator: "; ")
            let namesEN = levels.levels.map(\.en).joined(separator: "; ")
            var fix: Fix?
            // Found in the note's own bytes (`claimed` is folded): offsets into the joined
            // value would drift at continuation lines and invalid UTF-8.
            let value = field.syntax.fullValueRange
            if let nearest, let found = FoldedText(context.note.source, value).occurrences(of: claimed).last {
                let start = value.start + found.lowerBound
                fix = Fix(title: Localized(nl: "Vervang door '\(nearest)'", en: "Replace with '\(nearest)'"),
                          edits: [TextEdit(range: TextRange(start, field.syntax.fullValueRange.end), newText: nearest)], isSafe: false)
            }
            return Finding(range: field.syntax.fullValueRange,
                           message: Localized(nl: "'\(claimed)' is geen niveau van het erkenningstraject (\(names))",
                                              en: "'\(claimed)' is not a level of the recognition system (\(namesEN))"),
                           help: nearest.map { Localized(nl: "bedoelt u '\($0)'?", en: "did you mean '\($0)'?") },
                           fix: fix)
        }
    }
}
