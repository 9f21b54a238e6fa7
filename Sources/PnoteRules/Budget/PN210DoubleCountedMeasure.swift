import PnoteModel
import PnoteSyntax

public enum DoubleCountedMeasure: Rule {
    /// It compares measures with those of other notes.
    public static let scope = RuleScope.workspace

    public static let meta = RuleMeta(
        code: "PN210", slug: "double-counted-measure", severity: .warning,
        title: Localized(nl: "Maatregel dubbel begroot", en: "Measure budgeted twice"),
        finds: Localized(nl: "Dezelfde maatregel (zelfde id of titel) heeft in twee notities van de map een budget.",
                         en: "The same measure (same id or title) carries a budget in two notes of the folder."),
        why: Localized(nl: "Wijkkracht staat in Hengelo 2019 zowel bij jeugd als bij Wmo voor € 300.000; opgeteld lijkt er twee keer zoveel geld te zijn als er is.",
                       en: "A measure funded in two notes is counted twice when the notes are added up: there seems to be twice the money there is."),
        triggering: ["⟦## Maatregel: Wijkkracht algemeen⟧\n- budget: € 300.000 per jaar\n==> wmo.pnote <==\n## Maatregel: Wijkkracht algemeen\n- budget: € 300.000 per jaar\n"],
        nonTriggering: ["## Maatregel: Wijkkracht algemeen\n- budget: € 150.000 per jaar\n==> wmo.pnote <==\n## Maatregel: Wijkkracht algemeen\n- budget: zie jeugd.pnote\n",
                        "## Maatregel: Wijkkracht algemeen\n- budget: € 150.000 per jaar\n==> wmo.pnote <==\n## Maatregel: Wijkkracht voor ouderen\n- budget: € 150.000 per jaar\n",
                        "---\ngemeente: Hengelo\n---\n## Maatregel: Respijtzorg\n- budget: € 300.000 per jaar\n==> elders.pnote <==\n---\ngemeente: Voorbeeldstad\n---\n## Maatregel: Respijtzorg\n- budget: € 200.000 per jaar\n"])

    /// A template, filled when the message is read: this rule may report every measure of
    /// a folder, and a finding then keeps two strings it already has, not two new ones.
    static let message = MessageTemplate(nl: "maatregel '{0}' heeft ook in {1} een budget; samen wordt hij dubbel geteld",
                                         en: "measure '{0}' also has a budget in {1}; together it is counted twice")

    public static func check(_ context: RuleContext) -> [Finding] {
        var out: [Finding] = []
        // The measures as the name index keeps them: `pnote check` may have let the blocks go.
        let indexed = context.workspace.indexedBlocks(ofNote: context.noteIndex)
        // By place: only the measures with a budget are copied out (three strings each).
        for i in indexed.indices where indexed[i].kind == .measure && indexed[i].hasBudget {
            let measure = indexed[i]
            // Other notes of the same municipality (or of none declared) only.
            guard let (address, twin) = context.workspace.firstSameNamed(measure, inNote: context.noteIndex,
                                                                         where: { $0.hasReadableBudget })
            else { continue }
            // The path only: a copy of the whole note is a retain per table it holds.
            let n = address.note, otherPath = context.workspace.notes[n].path
            out.append(Finding(range: measure.headingRange, message: Localized(message, measure.title, otherPath),
                               help: Localized(nl: "begroot hem in één notitie en verwijs er in de andere naar",
                                               en: "budget it in one note and refer to it from the other"),
                               related: [RelatedLocation(note: n, range: twin.headingRange,
                                                         message: Localized(nl: "hetzelfde budget", en: "the same budget"))]))
        }
        return out
    }
}
