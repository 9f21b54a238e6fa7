import PnoteJSON
import PnoteModel
import PnoteOutput
import PnoteRules
import PnoteSyntax

/// `textDocument/hover`: what a keyword, field, level, reference, amount, task field or
/// official indicator means, and the explanation of any finding at the cursor.
enum Hover {
    static func hover(_ s: DocumentSnapshot, _ position: Position) -> JSON {
        let offset = s.offset(position)
        let lang = s.language
        var parts: [String] = []
        var range: TextRange?
        switch SyntaxTarget.at(offset, in: s.note) {
        case .keyword(let block):
            parts.append("**\(block.kind.keyword(lang))** — " + Glossary.block(block.kind).text(lang))
            range = block.syntax.heading.keywordRange
        case .id(let block, _), .title(let block):
            parts.append(summary(block, noteIndex: s.noteIndex, s))
            range = block.syntax.heading.range
        case .fieldKey(_, let field):
            if let key = field.key { parts.append("**\(key.name(lang))** — " + Glossary.field(key).text(lang)) }
            range = field.syntax.keyRange
        case .reference(_, _, let ref):
            if let target = ref.target { parts.append(summary(s.workspace.block(target), noteIndex: target.note, s)) }
            range = ref.range
        case .fieldValue(let block, let field):
            parts += value(block, field, s)
            range = field.syntax.fullValueRange
        case .frontMatterKey(let setting):
            if let key = setting.key { parts.append("**\(lang == .nl ? key.spellings.nl : key.spellings.en)** — " + Glossary.frontMatter(key).text(lang)) }
            range = setting.syntax.keyRange
        case .frontMatterValue(let setting):
            if setting.key == .focus, let l = s.note.settings.focus { parts.append("**\(l.name.text(lang))** — " + Glossary.level(l).text(lang)) }
            range = setting.syntax.valueRange
        case .nothing: break
        }
        for d in s.diagnostics() where d.range.start <= offset && offset <= d.range.end {
            guard let rule = RuleRegistry.rule(named: d.code) else { continue }
            let m = rule.meta
            parts.append("**\(m.code) \(m.slug)** — \(m.title.text(lang))\n\n\(m.finds.text(lang))\n\n_\(m.why.text(lang))_")
            range = range ?? d.range
        }
        guard !parts.isEmpty else { return .null }
        var pairs: [(String, JSON)] = [("contents", .object([("kind", .string("markdown")), ("value", .string(parts.joined(separator: "\n\n---\n\n")))]))]
        if let range { pairs.append(("range", s.lspRange(range).json)) }
        return .object(pairs)
    }

    /// A block in a few lines: kind, title, where, and its fields.
    static func summary(_ block: Block, noteIndex: Int, _ s: DocumentSnapshot) -> String {
        let lang = s.language
        var text = "**\(block.kind.keyword(lang)): \(block.title)** `#\(block.id)`"
        if noteIndex != s.noteIndex { text += " — \(s.workspace.notes[noteIndex].path)" }
        if block.kind == .targetGroup, let c = s.ruleContext.classification(of: BlockAddress(note: noteIndex, block: block.index)) {
            let fitting = c.groupClass.fittingLevels(s.workspace.notes[noteIndex].settings.classification)
            text += "\n\n" + (lang == .nl ? "Bepaald door \(c.groupClass.name.nl); past: \(fitting.spokenList.nl)."
                                          : "Defined by \(c.groupClass.name.en); fits: \(fitting.spokenList.en).")
        }
        let fields = block.fields.prefix(6).map { "- \(s.workspace.notes[noteIndex].tree.text($0.syntax.keyRange)): \($0.rawValue)" }
        if !fields.isEmpty { text += "\n\n" + fields.joined(separator: "\n") }
        return text
    }

    static func value(_ block: Block, _ field: Field, _ s: DocumentSnapshot) -> [String] {
        let lang = s.language
        switch field.value {
        case .level(let l):
            return ["**\(l.name.text(lang))** — " + Glossary.level(l).text(lang)]
        case .budget(.amount(let money)):
            let annual = MoneyText.format(cents: money.annualCents(notePeriod: s.note.settings.period)).text(lang)
            let amount = MoneyText.format(cents: money.cents).text(lang)
            var text = lang == .nl ? "\(amount) → \(annual) per jaar" : "\(amount) → \(annual) per year"
            if let y = money.years ?? s.note.settings.period { text += " (\(y.first)–\(y.last))" }
            return [text]
        case .budget(.existingBudget):
            return [lang == .nl ? "Binnen bestaande middelen: noem de bron in 'financiering'." : "Within the existing budget: name the source in 'funding'."]
        case .taskField(let code):
            let table = TaskFieldTable.standard
            let version = table.version(for: s.note.settings.referenceYear)
            let name = table.name(of: code, year: s.note.settings.referenceYear) ?? ""
            let valid = version.codes[code] != nil
            return ["**\(code) \(name)** — BBV \(version.name)" + (valid ? "" : (lang == .nl ? " (geldt niet in dit jaar)" : " (not valid in this year)"))]
        case .text(let text) where field.key == .indicator:
            guard let official = OfficialIndicators.standard.named(in: text) else { return [] }
            return ["**\(official.name)** (\(official.unitText)) — \(official.definition)"]
        case .text where field.key == .criterion:
            guard let c = s.ruleContext.classification(of: s.ruleContext.address(block)) else { return [] }
            let fitting = c.groupClass.fittingLevels(s.note.settings.classification)
            return [lang == .nl ? "Bepaald door \(c.groupClass.name.nl) ('\(c.evidence)'); past: \(fitting.spokenList.nl)."
                                : "Defined by \(c.groupClass.name.en) ('\(c.evidence)'); fits: \(fitting.spokenList.en)."]
        default:
            return []
        }
    }
}
