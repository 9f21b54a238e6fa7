import PnoteModel
import PnoteSyntax

extension RuleContext {
    /// The class of a target group block, with the lexicon of the options: made by the
    /// builder for the standard lexicon, here (once per check) for a configured one.
    public func classification(of address: BlockAddress) -> GroupClassification? {
        let block = self.block(address)
        guard block.kind == .targetGroup else { return nil }
        if options.lexicon.isStandard { return block.standardClassification }
        return memo.classification(of: address) {
            options.lexicon.classify(criterion: block.field(.criterion)?.rawValue, title: block.title)
        }
    }

    /// The note's indicators (goal rules), computed once per check.
    public var indicatorUnits: [IndicatorUnit] { memo.indicatorUnits { IndicatorUnit.all(in: note) } }

    /// The blocks of `kind` in this note that lack the field `key` (PN103, PN201, PN313, PN401).
    public func blocks(_ kind: BlockKind, without key: FieldKey) -> [Block] {
        note.blocks(of: kind).filter { !$0.hasField(key) }
    }

    public func address(_ block: Block) -> BlockAddress { BlockAddress(note: noteIndex, block: block.index) }

    /// A measure's budget per year in cents, when it has a readable amount.
    public func annualBudget(_ measure: Block) -> Int64? {
        guard case .amount(let money)? = measure.budget else { return nil }
        return money.annualCents(notePeriod: note.settings.period)
    }

    /// A money field (besparing, totaal) per year in cents.
    public func annualAmount(_ block: Block, _ key: FieldKey, period: YearSpan? = nil) -> Int64? {
        guard case .budget(.amount(let money))? = block.value(key) else { return nil }
        return money.annualCents(notePeriod: period ?? note.settings.period)
    }

    /// Where to report about a field's value, or the block heading when it has none.
    public func valueRange(_ block: Block, _ key: FieldKey) -> TextRange {
        block.field(key)?.syntax.fullValueRange ?? block.syntax.heading.range
    }

    public func language(_ l: Localized) -> String { l.text(note.language) }

    /// The notes whose references can point into this note: itself, and the notes that
    /// refer to other notes by path. Rules that ask "does anything refer to this block"
    /// look only at these, so checking a folder of many notes stays linear.
    /// Checked alone (`RuleScope.notesReferringHere`), the note itself only.
    public var notesReferringHere: [Note] { indexedNotesReferringHere.map(\.note) }

    /// Per block of this note, whether a link of the notes referring here points at it;
    /// `links` picks the link table (`measureTargets`, `measureGoals`). Flags by block, not
    /// a set of addresses: only this note's blocks are asked about, and hashing every
    /// address was most of PN311's and PN312's time.
    func blocksLinked(by links: (Note) -> BlockTable<[BlockAddress]>) -> [Bool] {
        var linked = [Bool](repeating: false, count: note.blocks.count)
        for other in notesReferringHere {
            for (_, addresses) in links(other) {
                for a in addresses where a.note == noteIndex && a.block < linked.count { linked[a.block] = true }
            }
        }
        return linked
    }

    /// `notesReferringHere`, each with its index in the workspace.
    public var indexedNotesReferringHere: [(index: Int, note: Note)] {
        isAlone ? [(noteIndex, note)] : workspace.notesReferring(to: noteIndex).map { ($0, workspace.notes[$0]) }
    }

}

/// Amounts for people: `€ 1.250.000` (nl) or `€1,250,000` (en).
public enum MoneyText {
    public static func format(cents: Int64) -> Localized {
        let euros = cents.addingCapped(50) / 100
        func grouped(_ separator: String) -> String {
            let digits = String(abs(euros))
            var out = ""
            for (i, c) in digits.enumerated() {
                if i > 0 && (digits.count - i) % 3 == 0 { out += separator }
                out.append(c)
            }
            return (euros < 0 ? "-" : "") + out
        }
        return Localized(nl: "€ " + grouped("."), en: "€" + grouped(","))
    }
}

extension Array where Element == PreventionLevel {
    /// `geïndiceerd of zorggerelateerd` / `indicated or care-related`.
    public var spokenList: Localized {
        Localized(nl: map(\.name.nl).joinedAsList(conjunction: "of"), en: map(\.name.en).joinedAsList(conjunction: "or"))
    }
}

extension Array where Element == String {
    public func joinedAsList(conjunction: String) -> String {
        guard count > 1 else { return first ?? "" }
        return dropLast().joined(separator: ", ") + " \(conjunction) " + last!
    }
}
