import PnoteSyntax

/// Applies fixes to a note's bytes. Pure: the caller decides where the result goes.
public enum FixApplication {
    /// The bytes with every safe fix of `diagnostics` applied, and how many were applied.
    /// Fixes whose edits overlap an earlier one are left for a later run. Edits never touch
    /// the BOM, and line endings come only from the fixes' own text, so the file keeps its
    /// BOM, its line endings and its final newline.
    public static func applySafeFixes(to source: SourceText, _ diagnostics: [Diagnostic]) -> (bytes: [UInt8], applied: Int) {
        var chosen: [TextEdit] = []
        var applied = 0
        for fix in diagnostics.filter({ !$0.suppressed }).compactMap(\.fix) where fix.isSafe {
            let overlaps = fix.edits.contains { e in
                chosen.contains { c in e.range.start < c.range.end && c.range.start < e.range.end || e.range == c.range }
            }
            guard !overlaps, fix.edits.allSatisfy({ $0.range.start >= source.bomLength && $0.range.end <= source.bytes.count }) else { continue }
            chosen += fix.edits
            applied += 1
        }
        return (apply(chosen, to: source.bytes), applied)
    }

    /// Applies non-overlapping edits (any order) to `bytes`.
    public static func apply(_ edits: [TextEdit], to bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        for edit in edits.sorted(by: { $0.range.start > $1.range.start }) {
            out.replaceSubrange(edit.range.start..<edit.range.end, with: Array(edit.newText.utf8))
        }
        return out
    }
}
