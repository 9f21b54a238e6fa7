import PnoteModel
import PnoteRules
import PnoteSyntax

/// What an advisory council reads, computed once from the checked notes; the HTML and
/// Markdown renderers only lay it out.
public struct ReportData: Sendable {
    public struct MatrixCell: Sendable {
        public var measure: String
        public var annualCents: Int64?
        /// Codes of the findings on the measure (its heading and fields).
        public var findings: [String]
    }

    public struct MatrixRow: Sendable {
        public var band: String
        public var group: String
        public var groupClass: String?
        /// Per column (the levels of the note's system, then "other").
        public var cells: [[MatrixCell]]
    }

    public struct GoalStatus: Sendable {
        public var title: String
        public var missing: [String]
    }

    public struct FindingGroup: Sendable {
        public var family: String
        public var items: [(code: String, message: String, line: Int)]
    }

    public struct NoteSection: Sendable {
        public var path: String
        public var title: String
        public var facts: [(String, String)]
        public var columns: [String]
        public var matrix: [MatrixRow]
        public var budgetPerLevel: [(String, Int64)]
        public var budgetPerDomain: [(domain: String, assigned: Int64, envelope: Int64?)]
        public var goals: [GoalStatus]
        public var findings: [FindingGroup]
        public var counts: (errors: Int, warnings: Int, infos: Int)
        public var annualTotal: Int64
        public var measureCount: Int
    }

    public var language: Language
    public var notes: [NoteSection]
    /// PN108 and PN210 across the folder.
    public var crossNote: [(path: String, code: String, message: String)]

    public init(result: CheckResult) {
        language = result.language
        let lang = result.language
        notes = result.files.map { ReportData.section($0, lang) }
        crossNote = result.files.flatMap { file in
            file.diagnostics.filter { $0.code == "PN108" || $0.code == "PN210" }.map { (file.displayPath, $0.code, $0.message.text(lang)) }
        }
    }

    static func band(_ group: Block, _ lang: Language) -> String {
        if case .age(let age)? = group.value(.age) {
            if let max = age.max, max <= 18 { return lang == .nl ? "Jeugd (0–18)" : "Youth (0–18)" }
            if age.min >= 65 { return lang == .nl ? "Ouderen (67+)" : "Older people (67+)" }
            return lang == .nl ? "Volwassenen (18–67)" : "Adults (18–67)"
        }
        return group.domain.map { (lang == .nl ? "Domein: " : "Domain: ") + $0.key } ?? (lang == .nl ? "Zonder domein" : "No domain")
    }

    static func section(_ file: CheckedFile, _ lang: Language) -> NoteSection {
        let note = file.note
        let context = RuleContext(workspace: file.workspace, noteIndex: file.noteIndex)
        let system = note.settings.classification
        let levels = system.levels
        let other = lang == .nl ? "ander of geen niveau" : "other or no level"
        let measures = note.blocks(of: .measure)
        func findings(on block: Block) -> [String] {
            file.diagnostics.filter { block.syntax.range.contains($0.range.start) }.map(\.code)
        }
        func cell(_ m: Block) -> MatrixCell {
            MatrixCell(measure: m.title, annualCents: context.annualBudget(m), findings: findings(on: m))
        }
        func column(_ m: Block) -> Int { m.level.flatMap { levels.firstIndex(of: $0) } ?? levels.count }

        var rows: [MatrixRow] = []
        var placed: Set<Int> = []
        for group in note.blocks(of: .targetGroup) {
            var cells = Array(repeating: [MatrixCell](), count: levels.count + 1)
            for m in measures where (note.measureTargets[m.index] ?? []).contains(BlockAddress(note: file.noteIndex, block: group.index)) {
                cells[column(m)].append(cell(m))
                placed.insert(m.index)
            }
            let cls = context.classification(of: context.address(group))?.groupClass.name.text(lang)
            rows.append(MatrixRow(band: band(group, lang), group: group.title, groupClass: cls, cells: cells))
        }
        let unplaced = measures.filter { !placed.contains($0.index) }
        if !unplaced.isEmpty {
            var cells = Array(repeating: [MatrixCell](), count: levels.count + 1)
            for m in unplaced { cells[column(m)].append(cell(m)) }
            rows.append(MatrixRow(band: lang == .nl ? "Zonder doelgroep" : "No target group", group: "—", groupClass: nil, cells: cells))
        }
        // Age bands in life order, then domains; the note's order within a band.
        let order = [lang == .nl ? "Jeugd (0–18)" : "Youth (0–18)", lang == .nl ? "Volwassenen (18–67)" : "Adults (18–67)",
                     lang == .nl ? "Ouderen (67+)" : "Older people (67+)"]
        let rank = { (band: String) in order.firstIndex(of: band) ?? order.count }
        rows = rows.enumerated().sorted { a, b in
            (rank(a.element.band), a.element.band, a.offset) < (rank(b.element.band), b.element.band, b.offset)
        }.map(\.element)

        var perLevel: [String: Int64] = [:]
        var perDomain: [String: Int64] = [:]
        var total: Int64 = 0
        for m in measures {
            guard let annual = context.annualBudget(m) else { continue }
            perLevel.addCapped(annual, to: m.level?.name.text(lang) ?? other)
            perDomain.addCapped(annual, to: m.domain?.key ?? "—")
            total = total.addingCapped(annual)
        }
        var envelopes: [String: Int64] = [:]
        for e in note.blocks(of: .budget) {
            if let t = EnvelopeExceeded.annualTotal(of: e, in: context) { envelopes.addCapped(t, to: e.domain?.key ?? "—") }
        }
        let levelOrder = levels.map { $0.name.text(lang) } + PreventionLevel.allCases.filter { $0.system != system }.map { $0.name.text(lang) } + [other]
        let budgetPerLevel = levelOrder.compactMap { name in perLevel[name].map { (name, $0) } }
        let domains = Set(perDomain.keys).union(envelopes.keys).sorted()
        let budgetPerDomain = domains.map { (domain: $0, assigned: perDomain[$0] ?? 0, envelope: envelopes[$0]) }

        let units = IndicatorUnit.all(in: note)
        let goals = note.blocks(of: .goal).map { goal -> GoalStatus in
            let mine = units.filter { $0.goal?.index == goal.index }
            guard !mine.isEmpty else { return GoalStatus(title: goal.title, missing: [lang == .nl ? "indicator" : "indicator"]) }
            var missing: [String] = []
            if mine.contains(where: { $0.baselineValue == nil }) { missing.append(lang == .nl ? "nulmeting" : "baseline") }
            if mine.contains(where: { $0.targetValue == nil }) { missing.append(lang == .nl ? "streefwaarde" : "target") }
            if mine.contains(where: { $0.targetValue != nil && $0.targetValue?.year == nil }) { missing.append(lang == .nl ? "deadline" : "deadline") }
            if mine.contains(where: { $0.source == nil }) { missing.append(lang == .nl ? "bron" : "source") }
            return GoalStatus(title: goal.title, missing: missing)
        }

        let families: [(String, Localized)] = [
            ("PN1", Localized(nl: "Preventieniveaus", en: "Prevention levels")), ("PN2", Localized(nl: "Begroting", en: "Budget")),
            ("PN3", Localized(nl: "Doelen en meetbaarheid", en: "Goals and measurability")), ("PN4", Localized(nl: "Onderbouwing", en: "Evidence")),
            ("PN0", Localized(nl: "Opbouw van de notitie", en: "Structure of the note")),
        ]
        let findingGroups = families.compactMap { prefix, name -> FindingGroup? in
            let items = file.diagnostics.filter { $0.code.hasPrefix(prefix) }.map {
                ($0.code, $0.message.text(lang), note.source.location(of: $0.range.start).line)
            }
            return items.isEmpty ? nil : FindingGroup(family: name.text(lang), items: items)
        }
        var facts: [(String, String)] = []
        let s = note.settings
        if let m = s.municipality { facts.append((lang == .nl ? "Gemeente" : "Municipality", m)) }
        if let st = s.status { facts.append(("Status", st == .draft ? (lang == .nl ? "concept" : "draft") : (lang == .nl ? "definitief" : "final"))) }
        if let d = s.date { facts.append((lang == .nl ? "Datum" : "Date", "\(d.year)-\(d.month < 10 ? "0" : "")\(d.month)-\(d.day < 10 ? "0" : "")\(d.day)")) }
        if let p = s.period { facts.append((lang == .nl ? "Periode" : "Period", "\(p.first)–\(p.last)")) }
        facts.append((lang == .nl ? "Indeling" : "Classification", system.name.text(lang)))
        if let f = s.focus { facts.append(("Focus", f.name.text(lang))) }
        let counts = (file.diagnostics.filter { $0.severity == .error }.count, file.diagnostics.filter { $0.severity == .warning }.count,
                      file.diagnostics.filter { $0.severity == .info || $0.severity == .hint }.count)
        return NoteSection(path: file.displayPath, title: s.title ?? file.displayPath, facts: facts,
                           columns: levels.map { $0.name.text(lang) } + [other], matrix: rows,
                           budgetPerLevel: budgetPerLevel, budgetPerDomain: budgetPerDomain, goals: goals,
                           findings: findingGroups, counts: counts, annualTotal: total, measureCount: measures.count)
    }
}
