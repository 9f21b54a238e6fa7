import PnoteModel
import PnoteSyntax

public enum FrontMatterProblem: Rule {
    public static let meta = RuleMeta(
        code: "PN007", slug: "front-matter", severity: .error,
        title: Localized(nl: "Fout in de voorpagina", en: "Front matter problem"),
        finds: Localized(nl: "Een voorpagina (tussen twee regels ---) die niet wordt afgesloten, of een regel erin die geen 'sleutel: waarde' is.",
                         en: "Front matter (between two --- lines) that is not closed, or a line in it that is not 'key: value'."),
        why: Localized(nl: "Zonder afsluitende --- is niet duidelijk waar de notitie begint; een losse regel wordt niet gelezen.",
                       en: "Without the closing --- it is unclear where the note starts; a stray line is not read."),
        triggering: ["⟦---⟧\ntitel: Preventie\n\n# Inleiding\n",
                     "---\ntitel: Preventie\n⟦dit is geen sleutel⟧\n---\n"],
        nonTriggering: ["---\ntitel: Preventie\n# een commentaarregel\n---\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        context.tree.problems.map { problem in
            switch problem.kind {
            case .frontMatterNotClosed:
                Finding(range: problem.range,
                        message: Localized(nl: "de voorpagina wordt niet afgesloten met een regel ---",
                                           en: "the front matter is not closed by a --- line"),
                        help: Localized(nl: "zet een regel --- onder de laatste sleutel", en: "add a --- line after the last key"))
            case .frontMatterInvalidLine:
                Finding(range: problem.range,
                        message: Localized(nl: "deze regel in de voorpagina is geen 'sleutel: waarde'",
                                           en: "this front matter line is not 'key: value'"),
                        help: Localized(nl: "schrijf 'sleutel: waarde', of begin de regel met # als het commentaar is",
                                        en: "write 'key: value', or start the line with # for a comment"))
            }
        }
    }
}
