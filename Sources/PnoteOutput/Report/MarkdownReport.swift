import PnoteModel
import PnoteRules

/// The same report as Markdown tables, for a wiki or a pull request.
public enum MarkdownReport {
    static func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
    static func money(_ cents: Int64, _ nl: Bool) -> String { MoneyText.format(cents: cents).text(nl ? .nl : .en) }

    public static func render(_ data: ReportData) -> String {
        let nl = data.language == .nl
        var m = "# \(nl ? "Preventienotities: rapport voor de adviesraad" : "Prevention notes: report for the advisory council")\n\n"
        m += "| \(nl ? "Notitie" : "Note") | \(nl ? "Maatregelen" : "Measures") | \(nl ? "Budget per jaar" : "Budget per year") | \(nl ? "Meetbare doelen" : "Measurable goals") | \(nl ? "Fouten / waarschuwingen / info" : "Errors / warnings / info") |\n|---|---|---|---|---|\n"
        for n in data.notes {
            m += "| \(cell(n.title)) (`\(cell(n.path))`) | \(n.measureCount) | \(money(n.annualTotal, nl)) | \(n.goals.filter { $0.missing.isEmpty }.count) / \(n.goals.count) | \(n.counts.errors) / \(n.counts.warnings) / \(n.counts.infos) |\n"
        }
        if !data.crossNote.isEmpty {
            m += "\n## \(nl ? "Tussen notities" : "Across notes")\n\n"
            for c in data.crossNote { m += "- **\(cell(c.path))** \(c.code): \(cell(c.message))\n" }
        }
        for n in data.notes {
            m += "\n## \(cell(n.title))\n\n"
            for (k, v) in n.facts { m += "- **\(k)**: \(cell(v))\n" }
            m += "\n### \(nl ? "Preventiematrix" : "Prevention matrix")\n\n| \(nl ? "Groep" : "Band") | \(nl ? "Doelgroep" : "Target group") | " + n.columns.map(cell).joined(separator: " | ") + " |\n"
            m += "|" + String(repeating: "---|", count: n.columns.count + 2) + "\n"
            for row in n.matrix {
                let cells = row.cells.map { list in
                    list.map { c in cell(c.measure) + (c.annualCents.map { " (\(money($0, nl))/\(nl ? "jr" : "yr"))" } ?? "")
                        + (c.findings.isEmpty ? "" : " ⚠ " + Set(c.findings).sorted().joined(separator: ", ")) }.joined(separator: "<br>")
                }
                m += "| \(cell(row.band)) | \(cell(row.group))\(row.groupClass.map { " (\($0))" } ?? "") | " + cells.joined(separator: " | ") + " |\n"
            }
            m += "\n### \(nl ? "Budget per niveau" : "Budget per level")\n\n| \(nl ? "Niveau" : "Level") | \(nl ? "Per jaar" : "Per year") |\n|---|---|\n"
            for (level, cents) in n.budgetPerLevel { m += "| \(cell(level)) | \(money(cents, nl)) |\n" }
            m += "\n### \(nl ? "Budget per domein" : "Budget per domain")\n\n| \(nl ? "Domein" : "Domain") | \(nl ? "Toegewezen" : "Assigned") | \(nl ? "Begroting" : "Envelope") |\n|---|---|---|\n"
            for d in n.budgetPerDomain { m += "| \(cell(d.domain)) | \(money(d.assigned, nl)) | \(d.envelope.map { money($0, nl) } ?? "—") |\n" }
            let measurable = n.goals.filter { $0.missing.isEmpty }.count
            m += "\n### \(nl ? "Meetbaarheid" : "Measurability")\n\n\(measurable) / \(n.goals.count)\n\n"
            for g in n.goals where !g.missing.isEmpty { m += "- \(cell(g.title)): \(nl ? "mist" : "lacks") \(g.missing.joined(separator: ", "))\n" }
            m += "\n### \(nl ? "Bevindingen" : "Findings")\n\n"
            if n.findings.isEmpty { m += nl ? "Geen bevindingen.\n" : "No findings.\n" }
            for group in n.findings {
                m += "\n**\(group.family)**\n\n"
                for item in group.items { m += "- \(nl ? "regel" : "line") \(item.line) (\(item.code)): \(cell(item.message))\n" }
            }
        }
        return m
    }
}
