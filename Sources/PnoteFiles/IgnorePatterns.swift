/// gitignore-style patterns, for `.pnoteignore` files and `--exclude`:
/// blank lines and `#` comments are skipped; `!` negates; a trailing `/` matches folders
/// only; a pattern with a `/` (other than a trailing one) is anchored to the folder of
/// the file that holds it, else it matches a name at any depth; `*` and `?` do not cross
/// `/`, `**` does; `[abc]` matches one of the listed characters. The last match wins.
public struct IgnorePatterns: Sendable {
    struct Rule: Sendable {
        var negated: Bool
        var directoryOnly: Bool
        var anchored: Bool
        var parts: [String]
        /// The folder (relative to the walk's root) the rule came from.
        var base: String
    }

    private var rules: [Rule] = []

    public init() {}

    public mutating func add(_ text: String, base: String) {
        for raw in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            var line = String(raw)
            while line.hasSuffix(" ") && !line.hasSuffix("\\ ") { line.removeLast() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            var rule = Rule(negated: false, directoryOnly: false, anchored: false, parts: [], base: base)
            if line.hasPrefix("!") { rule.negated = true; line.removeFirst() }
            if line.hasSuffix("/") { rule.directoryOnly = true; line.removeLast() }
            if line.hasPrefix("/") { line.removeFirst(); rule.anchored = true }
            if line.contains("/") { rule.anchored = true }
            rule.parts = line.split(separator: "/").map(String.init)
            if !rule.parts.isEmpty { rules.append(rule) }
        }
    }

    /// Whether `path` (relative to the walk's root, `/`-separated) is ignored.
    public func isIgnored(_ path: String, isDirectory: Bool) -> Bool {
        var ignored = false
        for rule in rules {
            if rule.directoryOnly && !isDirectory { continue }
            guard let relative = IgnorePatterns.relative(path, to: rule.base) else { continue }
            let components = relative.split(separator: "/").map(String.init)
            let matched = rule.anchored ? IgnorePatterns.match(rule.parts, components[...])
                                        : components.last.map { IgnorePatterns.glob(Array(rule.parts[0].unicodeScalars), Array($0.unicodeScalars)) } ?? false
            if matched { ignored = !rule.negated }
        }
        return ignored
    }

    static func relative(_ path: String, to base: String) -> String? {
        if base.isEmpty { return path }
        return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : nil
    }

    /// Whether the pattern's components match the path's; `**` takes any number of them.
    /// A table of (pattern part, path component) suffixes, filled from the end: trying
    /// every split for every `**` took exponential time, and ten of them in an
    /// `--exclude` hung the walk.
    static func match(_ pattern: [String], _ path: ArraySlice<String>) -> Bool {
        let parts = pattern.map { Array($0.unicodeScalars) }
        let components = path.map { Array($0.unicodeScalars) }
        let n = components.count
        // matches[j]: pattern[i...] matches components[j...], for the row i being filled.
        var next = [Bool](repeating: false, count: n + 1)
        next[n] = true  // the empty pattern matches the empty rest
        for i in stride(from: parts.count - 1, through: 0, by: -1) {
            var row = [Bool](repeating: false, count: n + 1)
            let anyDepth = pattern[i] == "**"
            for j in stride(from: n, through: 0, by: -1) {
                row[j] = anyDepth ? next[j] || (j < n && row[j + 1])
                                  : j < n && next[j + 1] && glob(parts[i], components[j])
            }
            next = row
        }
        return next[0]
    }

    /// `*`, `?` and `[…]` within one path component.
    static func glob(_ p: [Unicode.Scalar], _ s: [Unicode.Scalar]) -> Bool {
        var pi = 0, si = 0, star = -1, mark = 0
        while si < s.count {
            if pi < p.count, p[pi] == "[", let close = p[(pi + 1)...].firstIndex(of: "]") {
                let set = p[(pi + 1)..<close]
                let negate = set.first == "!" || set.first == "^"
                let members = negate ? set.dropFirst() : set
                if members.contains(s[si]) != negate { pi = close + 1; si += 1; continue }
            } else if pi < p.count, p[pi] == "?" || (p[pi] != "*" && p[pi] == s[si]) || (p[pi] == "\\" && pi + 1 < p.count && p[pi + 1] == s[si]) {
                pi += p[pi] == "\\" ? 2 : 1
                si += 1
                continue
            } else if pi < p.count, p[pi] == "*" {
                star = pi
                mark = si
                pi += 1
                continue
            }
            guard star >= 0 else { return false }
            pi = star + 1
            mark += 1
            si = mark
        }
        while pi < p.count && p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
