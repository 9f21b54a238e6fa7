import PnoteJSON
import PnoteModel
import PnoteRules
import PnoteSyntax

/// Folding ranges, inlay hints (the level a measure's target groups imply; amounts per
/// year) and code lenses (an envelope's sum against its total).
enum Decorations {
    static func foldingRanges(_ s: DocumentSnapshot) -> JSON {
        var out: [JSON] = []
        let source = s.source
        if let fm = s.note.tree.frontMatter, let close = fm.closingLine, close > fm.openingLine {
            out.append(.object([("startLine", .int(fm.openingLine)), ("endLine", .int(close)), ("kind", .string("region"))]))
        }
        for block in s.note.blocks {
            let first = block.syntax.heading.lineIndex
            var last = source.lineIndex(of: max(block.syntax.range.start, block.syntax.range.end - 1))
            while last > first && s.note.tree.lineKinds[last] == .blank { last -= 1 }
            if last > first { out.append(.object([("startLine", .int(first)), ("endLine", .int(last)), ("kind", .string("region"))])) }
        }
        return .array(out)
    }

    static func inlayHints(_ s: DocumentSnapshot, _ range: LSPRange) -> JSON {
        let limit = s.source.textRange(range, s.encoding)
        let lang = s.language
        let context = s.ruleContext
        let system = s.note.settings.classification
        var out: [JSON] = []
        func hint(at offset: Int, _ label: String) {
            guard offset >= limit.start && offset <= limit.end else { return }
            out.append(.object([("position", s.source.position(of: offset, s.encoding).json), ("label", .string(label)),
                                ("paddingLeft", .bool(true))]))
        }
        for block in s.note.blocks where block.kind == .measure || block.kind == .budget {
            for field in block.fields {
                switch field.value {
                case .references(let refs) where field.key == .targetGroup:
                    for ref in refs {
                        guard let target = ref.target, let c = context.classification(of: target) else { continue }
                        hint(at: ref.range.end, "→ " + c.groupClass.fittingLevels(system).spokenList.text(lang))
                    }
                case .budget(.amount(let money)):
                    var period: YearSpan? = s.note.settings.period
                    if block.kind == .budget, case .period(let p)? = block.value(.period) { period = p }
                    let annual = MoneyText.format(cents: money.annualCents(notePeriod: period)).text(lang)
                    hint(at: field.syntax.fullValueRange.end, "= " + annual + (lang == .nl ? "/jaar" : "/year"))
                default: break
                }
            }
        }
        return .array(out)
    }

    static func codeLenses(_ s: DocumentSnapshot) -> JSON {
        let lang = s.language
        let context = s.ruleContext
        let byEnvelope = EnvelopeExceeded.membersByEnvelope(in: s.workspace, envelopeNote: s.noteIndex)
        return .array(s.note.blocks.filter { $0.kind == .budget }.map { envelope in
            let members = byEnvelope[context.address(envelope)] ?? []
            let sum = MoneyText.format(cents: members.map(\.annual).cappedSum()).text(lang)
            let total = EnvelopeExceeded.annualTotal(of: envelope, in: context).map { MoneyText.format(cents: $0).text(lang) } ?? "?"
            let title = lang == .nl ? "\(sum) van \(total) per jaar toegewezen aan \(members.count) maatregelen"
                                    : "\(sum) of \(total) per year assigned to \(members.count) measures"
            return .object([("range", s.lspRange(envelope.syntax.heading.range).json),
                            ("command", .object([("title", .string(title)), ("command", .string(""))]))])
        })
    }
}
