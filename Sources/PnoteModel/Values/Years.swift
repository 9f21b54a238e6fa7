/// An inclusive span of calendar years: `2020-2023`, `2020 t/m 2023`, `2021`.
public struct YearSpan: Sendable, Hashable, Codable {
    public var first: Int
    public var last: Int

    public init(first: Int, last: Int) {
        self.first = first
        self.last = last
    }

    public var count: Int { last - first + 1 }
    public func contains(_ year: Int) -> Bool { year >= first && year <= last }
    public func contains(_ span: YearSpan) -> Bool { span.first >= first && span.last <= last }

    static func isYear(_ token: ValueToken) -> Int? {
        guard token.kind == .number, token.text.count == 4, let y = Int(token.text), (1900...2199).contains(y)
        else { return nil }
        return y
    }

    /// Words that join two years into a span.
    static let rangeWords: [[String]] = [["t/m"], ["tot", "en", "met"], ["tm"], ["tot"], ["to"], ["through"], ["until"], ["till"]]
    static let dashes: Set<String> = ["-", "–", "—"]

    /// Looks for a span starting at token `i`; returns it and the index after it.
    static func span(in tokens: [ValueToken], at i: Int) -> (YearSpan, Int)? {
        guard i < tokens.count, let first = isYear(tokens[i]) else { return nil }
        var j = i + 1
        if j < tokens.count, dashes.contains(tokens[j].text) {
            j += 1
        } else if let after = rangeWords.lazy.compactMap({ words -> Int? in
            guard j + words.count <= tokens.count else { return nil }
            for (k, w) in words.enumerated() where tokens[j + k].text != w { return nil }
            return j + words.count
        }).first {
            j = after
        } else {
            return (YearSpan(first: first, last: first), i + 1)
        }
        guard j < tokens.count, let last = isYear(tokens[j]), last >= first else {
            return (YearSpan(first: first, last: first), i + 1)
        }
        return (YearSpan(first: first, last: last), j + 1)
    }

    /// A whole value that is a period: `2020-2023`, `2020–2023`, `2020 t/m 2023`, `2021`.
    public static func parsePeriod(_ value: String) -> Result<YearSpan, ValueError> {
        let tokens = ValueTokenizer.tokens(value).filter { $0.text != "(" && $0.text != ")" }
        if let (span, end) = span(in: tokens, at: 0), end == tokens.count {
            return .success(span)
        }
        if tokens.count >= 3, let a = isYear(tokens[0]), let b = isYear(tokens[tokens.count - 1]), b < a {
            return .failure(ValueError(nl: "het eindjaar \(b) ligt voor het beginjaar \(a)",
                                       en: "the last year \(b) is before the first year \(a)"))
        }
        return .failure(ValueError(nl: "'\(value)' is geen periode; schrijf bijvoorbeeld 2020-2023 of 2020 t/m 2023",
                                   en: "'\(value)' is not a period; write for example 2020-2023"))
    }
}

/// A calendar date (`2019-05-21`, `21 mei 2019`, `21 May 2019`).
public struct CalendarDate: Sendable, Hashable, Comparable {
    public var year: Int, month: Int, day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    static let monthNames: [String: Int] = {
        let nl = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                  "september", "oktober", "november", "december"]
        let en = ["january", "february", "march", "april", "may", "june", "july", "august",
                  "september", "october", "november", "december"]
        let short = ["jan": 1, "feb": 2, "mrt": 3, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
                     "sep": 9, "sept": 9, "okt": 10, "oct": 10, "nov": 11, "dec": 12]
        var table = short
        for (i, name) in nl.enumerated() { table[name] = i + 1 }
        for (i, name) in en.enumerated() { table[name] = i + 1 }
        return table
    }()

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func parse(_ value: String) -> Result<CalendarDate, ValueError> {
        let t = ValueTokenizer.tokens(value).filter { $0.text != "." }
        var y = 0, m = 0, d = 0
        if t.count == 5, let year = YearSpan.isYear(t[0]), t[1].text == "-", t[3].text == "-",
           t[2].text.count == 2, t[4].text.count == 2, let mm = Int(t[2].text), let dd = Int(t[4].text) {
            (y, m, d) = (year, mm, dd)
        } else if t.count == 3, t[0].kind == .number, let dd = Int(t[0].text),
                  let mm = monthNames[t[1].text], let year = YearSpan.isYear(t[2]) {
            (y, m, d) = (year, mm, dd)
        } else {
            return .failure(ValueError(nl: "'\(value)' is geen datum; schrijf 2019-05-21 of 21 mei 2019",
                                       en: "'\(value)' is not a date; write 2019-05-21 or 21 May 2019"))
        }
        guard (1...12).contains(m), (1...daysIn(month: m, year: y)).contains(d) else {
            return .failure(ValueError(nl: "'\(value)' bestaat niet als datum", en: "'\(value)' is not a real date"))
        }
        return .success(CalendarDate(year: y, month: m, day: d))
    }
}
