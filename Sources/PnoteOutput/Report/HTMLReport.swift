import PnoteModel
import PnoteRules

/// The advisory council's report as one self-contained HTML file: inline CSS and SVG, no
/// scripts, no external fetches, printable on A4 with a page break before each note.
/// Every text that comes from a note is escaped.
public enum HTMLReport {
    public static func render(_ data: ReportData) -> String {
        let nl = data.language == .nl
        var h = """
        <!DOCTYPE html>
        <html lang="\(data.language.rawValue)">
        <head>
        <meta charset="utf-8">
        <title>\(nl ? "Preventienotities: rapport" : "Prevention notes: report")</title>
        <style>
        @page { size: A4; margin: 18mm 15mm; }
        body { font-family: "Segoe UI", Arial, sans-serif; font-size: 10.5pt; color: #1d2a33; line-height: 1.4; margin: 0 auto; max-width: 190mm; }
        h1 { font-size: 18pt; margin: 0 0 4mm; } h2 { font-size: 14pt; margin: 6mm 0 2mm; border-bottom: 2px solid #2b6f8e; }
        h3 { font-size: 11.5pt; margin: 5mm 0 2mm; color: #2b6f8e; }
        table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; page-break-inside: auto; }
        th, td { border: 1px solid #b9c7cf; padding: 1.5mm 2mm; vertical-align: top; text-align: left; }
        th { background: #e8f0f4; font-weight: 600; }
        td.band { background: #f5f8fa; font-weight: 600; }
        .measure { display: block; margin-bottom: 1mm; }
        .measure.flagged { color: #9b2c1f; }
        .flag { font-size: 8pt; background: #fbe3df; border-radius: 2px; padding: 0 1mm; margin-left: 1mm; white-space: nowrap; }
        .amount { color: #4a5a64; font-size: 8.5pt; white-space: nowrap; }
        table.matrix { table-layout: fixed; font-size: 8.5pt; }
        table.matrix th, table.matrix td { padding: 1mm 1.2mm; overflow-wrap: anywhere; hyphens: auto; }
        table.matrix col.band { width: 17mm; } table.matrix col.group { width: 30mm; }
        .facts td:first-child { width: 35mm; font-weight: 600; }
        .ok { color: #22724a; } .missing { color: #9b2c1f; }
        section.note { page-break-before: always; }
        section.note:first-of-type { page-break-before: auto; }
        svg text { font-family: inherit; font-size: 9px; fill: #1d2a33; }
        .legend { font-size: 9pt; color: #4a5a64; }
        @media print { a { color: inherit; text-decoration: none; } }
        </style>
        </head>
        <body>
        <h1>\(nl ? "Preventienotities: rapport voor de adviesraad" : "Prevention notes: report for the advisory council")</h1>

        """
        h += overview(data)
        if !data.crossNote.isEmpty {
            h += "<h2>\(nl ? "Tussen notities" : "Across notes")</h2>\n<ul>\n"
            for c in data.crossNote { h += "<li><strong>\(e(c.path))</strong> \(e(c.code)): \(e(c.message))</li>\n" }
            h += "</ul>\n"
        }
        for note in data.notes { h += section(note, nl) }
        h += "</body>\n</html>\n"
        return h
    }

    /// Escapes text for HTML element content and attribute values.
    public static func e(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    static func money(_ cents: Int64, _ nl: Bool) -> String { MoneyText.format(cents: cents).text(nl ? .nl : .en) }

    static func overview(_ data: ReportData) -> String {
        let nl = data.language == .nl
        var h = "<h2>\(nl ? "Overzicht" : "Overview")</h2>\n<table class=\"overview\">\n<tr><th>\(nl ? "Notitie" : "Note")</th><th>\(nl ? "Maatregelen" : "Measures")</th><th>\(nl ? "Budget per jaar" : "Budget per year")</th><th>\(nl ? "Meetbare doelen" : "Measurable goals")</th><th>\(nl ? "Fouten / waarschuwingen / info" : "Errors / warnings / info")</th></tr>\n"
        for n in data.notes {
            let measurable = n.goals.filter { $0.missing.isEmpty }.count
            h += "<tr><td>\(e(n.title))<br><span class=\"legend\">\(e(n.path))</span></td><td>\(n.measureCount)</td><td>\(money(n.annualTotal, nl))</td><td>\(measurable) / \(n.goals.count)</td><td>\(n.counts.errors) / \(n.counts.warnings) / \(n.counts.infos)</td></tr>\n"
        }
        return h + "</table>\n"
    }

    static func section(_ n: ReportData.NoteSection, _ nl: Bool) -> String {
        var h = "<section class=\"note\">\n<h2>\(e(n.title))</h2>\n<table class=\"facts\">\n"
        h += "<tr><td>\(nl ? "Bestand" : "File")</td><td>\(e(n.path))</td></tr>\n"
        for (k, v) in n.facts { h += "<tr><td>\(e(k))</td><td>\(e(v))</td></tr>\n" }
        h += "</table>\n"
        // Prevention matrix
        h += "<h3>\(nl ? "Preventiematrix" : "Prevention matrix")</h3>\n<table class=\"matrix\">\n<colgroup><col class=\"band\"><col class=\"group\">" + String(repeating: "<col>", count: n.columns.count) + "</colgroup>\n<tr><th>\(nl ? "Groep" : "Band")</th><th>\(nl ? "Doelgroep" : "Target group")</th>"
        for c in n.columns { h += "<th>\(e(c))</th>" }
        h += "</tr>\n"
        for row in n.matrix {
            h += "<tr><td class=\"band\">\(e(row.band))</td><td>\(e(row.group))"
            if let cls = row.groupClass { h += "<br><span class=\"legend\">\(e(cls))</span>" }
            h += "</td>"
            for cell in row.cells {
                h += "<td>"
                for m in cell {
                    h += "<span class=\"measure\(m.findings.isEmpty ? "" : " flagged")\">\(e(m.measure))"
                    if let a = m.annualCents { h += " <span class=\"amount\">\(money(a, nl))/\(nl ? "jr" : "yr")</span>" }
                    for code in Set(m.findings).sorted() { h += "<span class=\"flag\" title=\"\(e(code))\">\(e(code))</span>" }
                    h += "</span>"
                }
                h += "</td>"
            }
            h += "</tr>\n"
        }
        h += "</table>\n<p class=\"legend\">\(nl ? "Rood gemarkeerd: een bevinding op de maatregel (code erbij)." : "Marked red: a finding on the measure (code shown).")</p>\n"
        // Budgets
        h += "<h3>\(nl ? "Budget per niveau" : "Budget per level")</h3>\n" + bars(n.budgetPerLevel.map { ($0.0, $0.1, nil) }, nl, id: "levels")
        h += "<h3>\(nl ? "Budget per domein, tegen de begroting" : "Budget per domain, against the envelope")</h3>\n"
        h += bars(n.budgetPerDomain.map { ($0.domain, $0.assigned, $0.envelope) }, nl, id: "domains")
        // Measurability
        let measurable = n.goals.filter { $0.missing.isEmpty }.count
        let share = n.goals.isEmpty ? 0 : Int((Double(measurable) / Double(n.goals.count) * 100).rounded())
        h += "<h3>\(nl ? "Meetbaarheid" : "Measurability")</h3>\n<p>\(nl ? "\(measurable) van \(n.goals.count) doelen (\(share)%) hebben een indicator met nulmeting, streefwaarde, deadline en bron." : "\(measurable) of \(n.goals.count) goals (\(share)%) have an indicator with baseline, target, deadline and source.")</p>\n"
        let open = n.goals.filter { !$0.missing.isEmpty }
        if !open.isEmpty {
            h += "<ul class=\"goals\">\n"
            for g in open { h += "<li><span class=\"missing\">\(e(g.title))</span>: \(nl ? "mist" : "lacks") \(e(g.missing.joined(separator: ", ")))</li>\n" }
            h += "</ul>\n"
        }
        // Findings
        h += "<h3>\(nl ? "Bevindingen" : "Findings")</h3>\n"
        if n.findings.isEmpty { h += "<p class=\"ok\">\(nl ? "Geen bevindingen." : "No findings.")</p>\n" }
        for group in n.findings {
            h += "<h4>\(e(group.family))</h4>\n<ul class=\"findings\">\n"
            for item in group.items { h += "<li>\(nl ? "regel" : "line") \(item.line) (\(e(item.code))): \(e(item.message))</li>\n" }
            h += "</ul>\n"
        }
        return h + "</section>\n"
    }

    /// A horizontal bar chart as inline SVG; a dashed line marks the envelope.
    static func bars(_ rows: [(String, Int64, Int64?)], _ nl: Bool, id: String) -> String {
        guard !rows.isEmpty else { return "<p class=\"legend\">\(nl ? "Geen bedragen." : "No amounts.")</p>\n" }
        let maxValue = max(1, rows.map { max($0.1, $0.2 ?? 0) }.max() ?? 1)
        let rowHeight = 22, labelWidth = 150, barWidth = 380
        var svg = "<svg class=\"chart\" id=\"chart-\(id)\" xmlns=\"http://www.w3.org/2000/svg\" width=\"680\" height=\"\(rows.count * rowHeight + 10)\" role=\"img\">\n"
        for (i, (label, value, envelope)) in rows.enumerated() {
            let y = i * rowHeight + 5
            let w = Int(Double(value) / Double(maxValue) * Double(barWidth))
            let over = envelope.map { value > $0 } ?? false
            svg += "<text x=\"0\" y=\"\(y + 14)\">\(e(label))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(max(w, 1))\" height=\"14\" fill=\"\(over ? "#c0392b" : "#2b6f8e")\"><title>\(e(label)): \(money(value, nl))</title></rect>"
            if let env = envelope {
                let x = labelWidth + Int(Double(env) / Double(maxValue) * Double(barWidth))
                svg += "<line x1=\"\(x)\" y1=\"\(y)\" x2=\"\(x)\" y2=\"\(y + 20)\" stroke=\"#1d2a33\" stroke-dasharray=\"3,2\"/>"
            }
            let text = money(value, nl) + (envelope.map { " / " + money($0, nl) } ?? "")
            svg += "<text x=\"\(labelWidth + barWidth + 8)\" y=\"\(y + 14)\">\(e(text))</text>\n"
        }
        return svg + "</svg>\n"
    }
}
