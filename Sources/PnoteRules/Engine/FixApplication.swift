import PnoteSyntax

/// Applies fixes to a note's bytes. Pure: the caller decides where the result goes.
public enum FixApplication {
    /// The bytes with every safe fix of `diagnostics` applied, and how many were applied.
    /// Fixes whose edits overlap an earlier one are left for a later run. Edits never touch
    /// the BOM, and line endings come only from the fixes' own text, so the file keeps its
    /// BOM, its line endings and its final newline.
    public static func applySafeFixes(to source: SourceText, _ diagnostics: [Diagnostic]) -> (bytes: [UInt8], applied: Int) {
        let (edits, applied) = safeFixEdits(for: source, diagnostics)
        return (apply(edits, to: source.bytes), applied)
    }

    /// The edits of the safe fixes `applySafeFixes` applies, and how many fixes they are.
    public static func safeFixEdits(for source: SourceText, _ diagnostics: [Diagnostic]) -> (edits: [TextEdit], applied: Int) {
        let fixes = diagnostics.filter { !$0.suppressed }.compactMap(\.fix).filter { fix in
            fix.isSafe && fix.edits.allSatisfy { $0.range.start >= source.bomLength && $0.range.end <= source.bytes.count }
        }
        let chosen = nonOverlapping(fixes)
        return (chosen.flatMap(\.edits), chosen.count)
    }

    /// The fixes, in order, leaving out each one with an edit that overlaps (or stands at
    /// the same empty range as) an edit of a fix taken before it. Conflicts are found by
    /// one sweep over the edits sorted by start, not by comparing every pair: 80,000
    /// fixes took 16 seconds that way.
    public static func nonOverlapping(_ fixes: [Fix]) -> [Fix] {
        var edits: [(range: TextRange, fix: Int)] = []
        for (i, fix) in fixes.enumerated() { for edit in fix.edits { edits.append((edit.range, i)) } }
        edits.sort { ($0.range.start, $0.range.end) < ($1.range.start, $1.range.end) }
        var conflicts: [Int: [Int]] = [:]  // fix → the fixes it overlaps
        for (i, c) in edits.enumerated() {
            var j = i + 1
            // Later edits start at or after c; they overlap while they start inside it,
            // and an empty one at c's start meets an empty c.
            while j < edits.count, edits[j].range.start < c.range.end || edits[j].range.start == c.range.start {
                let e = edits[j]
                let overlaps = (e.range.start < c.range.end && c.range.start < e.range.end) || e.range == c.range
                if overlaps && e.fix != c.fix {
                    conflicts[e.fix, default: []].append(c.fix)
                    conflicts[c.fix, default: []].append(e.fix)
                }
                j += 1
            }
        }
        var taken = [Bool](repeating: false, count: fixes.count)
        var out: [Fix] = []
        for i in fixes.indices where !(conflicts[i] ?? []).contains(where: { $0 < i && taken[$0] }) {
            taken[i] = true
            out.append(fixes[i])
        }
        return out
    }

    /// Applies non-overlapping edits (any order) to `bytes`, in one pass.
    public static func apply(_ edits: [TextEdit], to bytes: [UInt8]) -> [UInt8] {
        // By start, an insertion before a replacement at the same place, else in order.
        let sorted = edits.enumerated().sorted {
            ($0.element.range.start, $0.element.range.end, $0.offset) < ($1.element.range.start, $1.element.range.end, $1.offset)
        }.map(\.element)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + sorted.reduce(0) { $0 + $1.newText.utf8.count })
        var at = 0
        for edit in sorted where edit.range.start >= at && edit.range.end <= bytes.count {  // an overlapping edit is left out
            out += bytes[at..<edit.range.start]
            out += edit.newText.utf8
            at = edit.range.end
        }
        out += bytes[at...]
        return out
    }
}
