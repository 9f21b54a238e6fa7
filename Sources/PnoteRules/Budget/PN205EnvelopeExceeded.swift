import PnoteModel
import PnoteSyntax

public enum EnvelopeExceeded: Rule {
    /// Measures of other notes may draw on the envelope.
    public static let scope = RuleScope.notesReferringHere

    public static let meta = RuleMeta(
        code: "PN205", slug: "envelope-exceeded", severity: .error,
        title: Localized(nl: "Begroting overschreden", en: "Budget envelope exceeded"),
        finds: Localized(nl: "De maatregelen van een begroting kosten samen per jaar meer dan het totaal van die begroting.",
                         en: "The measures of an envelope cost more per year together than the envelope's total."),
        why: Localized(nl: "Deelbudgetten die optellen tot meer dan het geheel zijn niet uit te voeren; de raad stelt een bedrag vast dat niet klopt.",
                       en: "Sub-budgets that add up to more than the whole cannot be carried out; the council adopts an amount that does not add up."),
        triggering: ["## Begroting: Preventie jeugd {#jeugd}\n- totaal: ⟦€ 500.000 per jaar⟧\n\n## Maatregel: A\n- begroting: #jeugd\n- budget: € 300.000 per jaar\n\n## Maatregel: B\n- begroting: #jeugd\n- budget: € 250.000 per jaar\n"],
        nonTriggering: ["# Domein: Jeugd\n## Begroting: Preventie jeugd\n- totaal: € 500.000 per jaar\n## Maatregel: A\n- budget: € 300.000 per jaar\n## Maatregel: B\n- budget: € 200.000 per jaar\n"])

    /// The measures of the workspace that belong to `envelope`, with their annual amounts.
    public typealias Member = (note: Int, block: Block, annual: Int64)

    /// The measures of the workspace per envelope of note `envelopeNote` (of every note
    /// when nil), in one pass. Only that note and notes with references to other notes can
    /// assign measures to its envelopes, so the others are not looked at: checking a folder
    /// of many notes stays linear.
    public static func membersByEnvelope(in workspace: Workspace, envelopeNote: Int? = nil) -> [BlockAddress: [Member]] {
        // By index: a note copied per note of the folder made checking it quadratic.
        let indices = envelopeNote.map(workspace.notesReferring(to:)) ?? Array(workspace.notes.indices)
        return membersByEnvelope(of: indices.map { ($0, workspace.notes[$0]) }, envelopeNote: envelopeNote)
    }

    /// `membersByEnvelope(in:envelopeNote:)` over `notes` only, each with its index.
    static func membersByEnvelope(of notes: [(index: Int, note: Note)], envelopeNote: Int?) -> [BlockAddress: [Member]] {
        var out: [BlockAddress: [Member]] = [:]
        for (n, note) in notes {
            for (measure, target) in note.measureEnvelope where envelopeNote == nil || target.note == envelopeNote {
                let block = note.blocks[measure]
                guard case .amount(let money)? = block.budget else { continue }
                out[target, default: []].append((n, block, money.annualCents(notePeriod: note.settings.period)))
            }
        }
        return out.mapValues { $0.sorted { ($0.note, $0.block.index) < ($1.note, $1.block.index) } }
    }

    public static func annualTotal(of envelope: Block, in context: RuleContext) -> Int64? {
        var period: YearSpan?
        if case .period(let p)? = envelope.value(.period) { period = p }
        return context.annualAmount(envelope, .total, period: period)
    }

    public static func check(_ context: RuleContext) -> [Finding] {
        let envelopes = context.note.blocks(of: .budget)
        guard !envelopes.isEmpty else { return [] }
        let byEnvelope = membersByEnvelope(of: context.indexedNotesReferringHere, envelopeNote: context.noteIndex)
        return envelopes.compactMap { envelope in
            guard let total = annualTotal(of: envelope, in: context), let field = envelope.field(.total) else { return nil }
            let members = byEnvelope[context.address(envelope)] ?? []
            let sum = members.map(\.annual).cappedSum()
            guard sum > total else { return nil }
            let s = MoneyText.format(cents: sum), t = MoneyText.format(cents: total)
            let list = members.map { "'\($0.block.title)' \(MoneyText.format(cents: $0.annual).nl)" }.joined(separator: ", ")
            let listEN = members.map { "'\($0.block.title)' \(MoneyText.format(cents: $0.annual).en)" }.joined(separator: ", ")
            return Finding(range: field.syntax.fullValueRange,
                           message: Localized(nl: "de maatregelen van '\(envelope.title)' kosten samen \(s.nl) per jaar, meer dan het totaal van \(t.nl): \(list)",
                                              en: "the measures of '\(envelope.title)' cost \(s.en) per year together, more than the total of \(t.en): \(listEN)"),
                           help: Localized(nl: "verlaag de budgetten of verhoog het totaal", en: "lower the budgets or raise the total"),
                           related: members.map { note, block, _ in
                               RelatedLocation(note: note, range: block.field(.budget)!.syntax.fullValueRange,
                                               message: Localized(nl: "budget van '\(block.title)'", en: "budget of '\(block.title)'"))
                           })
        }
    }
}
