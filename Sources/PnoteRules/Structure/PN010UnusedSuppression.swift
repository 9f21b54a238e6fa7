import PnoteModel
import PnoteSyntax

/// Reported by the checker itself, which knows which suppressions were used;
/// `check` therefore finds nothing on its own.
public enum UnusedSuppression: Rule {
    public static let meta = RuleMeta(
        code: "PN010", slug: "unused-suppression", severity: .info,
        title: Localized(nl: "Onderdrukking zonder effect", en: "Unused suppression"),
        finds: Localized(nl: "Een commentaar <!-- pnote-disable … --> dat niets onderdrukt, of een regel noemt die niet bestaat.",
                         en: "A <!-- pnote-disable … --> comment that suppresses nothing, or names a rule that does not exist."),
        why: Localized(nl: "Een vergeten onderdrukking verbergt later een echte fout op die plek.",
                       en: "A forgotten suppression later hides a real problem in that place."),
        triggering: ["⟦<!-- pnote-disable PN006 -->⟧\n## Doelgroep: Mantelzorgers\n",
                     "⟦<!-- pnote-disable-file geen-regel -->⟧\n"],
        nonTriggering: ["## Doelgroep: Mantelzorgers\n\n<!-- pnote-disable PN006 -->\n## Doelgroep: Mantelzorgers\n"])

    public static func check(_ context: RuleContext) -> [Finding] { [] }

    static func findings(for scopes: [SuppressionScope], in note: Note) -> [Finding] {
        var out: [Finding] = []
        for scope in scopes {
            if !scope.unknownNames.isEmpty {
                let names = scope.unknownNames.joined(separator: ", ")
                out.append(Finding(range: scope.comment.range,
                                   message: Localized(nl: "onbekende regel in de onderdrukking: \(names)",
                                                      en: "unknown rule in the suppression: \(names)"),
                                   help: Localized(nl: "gebruik een code (PN201) of naam (missing-budget); 'pnote rules' toont ze",
                                                   en: "use a code (PN201) or slug (missing-budget); 'pnote rules' lists them")))
            } else if !scope.used {
                out.append(Finding(range: scope.comment.range,
                                   message: Localized(nl: "deze onderdrukking onderdrukt niets", en: "this suppression suppresses nothing"),
                                   help: Localized(nl: "verwijder het commentaar", en: "remove the comment"),
                                   fix: Fix(title: Localized(nl: "Verwijder de onderdrukking", en: "Remove the suppression"),
                                            edits: [TextEdit(range: removalRange(scope.comment, note), newText: "")], isSafe: true)))
            }
        }
        return out
    }

    /// The comment's whole lines, when it stands alone; else only the comment.
    static func removalRange(_ comment: CommentNode, _ note: Note) -> TextRange {
        guard comment.standsAlone else { return comment.range }
        return TextRange(note.source.lineStarts[comment.firstLine], note.source.fullLineRange(comment.lastLine).end)
    }
}
