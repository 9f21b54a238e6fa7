import PnoteRules

/// A unified diff (`diff -u` style, three lines of context) of the edits a run of
/// `pnote check --fix --diff` would make. Built from the edits themselves, in one pass
/// over the lines they touch: a general diff (Myers) of the whole file costs time and
/// memory in proportion to the number of changed lines times the file's length, and
/// 40,000 fixes ran out of memory.
public enum UnifiedDiff {
    /// `edits`: non-overlapping, as `FixApplication.safeFixEdits` chooses them.
    public static func render(old: [UInt8], edits: [TextEdit], path: String, context: Int = 3) -> String {
        let lineStarts = starts(of: old)
        let changes = regions(old, lineStarts, edits)
        guard !changes.isEmpty else { return "" }
        let oldLines = lines(old, lineStarts)
        var out = "--- a/\(path)\n+++ b/\(path)\n"
        var delta = 0  // new line number minus old line number, before the hunk
        var i = 0
        while i < changes.count {
            // A hunk: changes at most 2 × context unchanged lines apart, with context around.
            var j = i
            while j + 1 < changes.count && changes[j + 1].old.lowerBound - changes[j].old.upperBound <= 2 * context { j += 1 }
            let from = max(0, changes[i].old.lowerBound - context), to = min(oldLines.count, changes[j].old.upperBound + context)
            var body = "", oldCount = 0, newCount = 0, line = from
            var c = i
            while c <= j {
                // Changes that touch make one block, its old lines first, as diff shows them.
                var last = c
                while last < j && changes[last + 1].old.lowerBound == changes[last].old.upperBound { last += 1 }
                for l in line..<changes[c].old.lowerBound { body += " " + oldLines[l]; oldCount += 1; newCount += 1 }
                for l in changes[c].old.lowerBound..<changes[last].old.upperBound { body += "-" + oldLines[l]; oldCount += 1 }
                for change in changes[c...last] {
                    for text in change.new { body += "+" + text; newCount += 1 }
                }
                line = changes[last].old.upperBound
                c = last + 1
            }
            for l in line..<to { body += " " + oldLines[l]; oldCount += 1; newCount += 1 }
            let newFrom = from + delta
            out += "@@ -\(from + (oldCount == 0 ? 0 : 1)),\(oldCount) +\(newFrom + (newCount == 0 ? 0 : 1)),\(newCount) @@\n" + body
            delta += newCount - oldCount
            i = j + 1
        }
        return out
    }

    /// Old lines `old` replaced by the lines `new`.
    struct Region {
        var old: Range<Int>
        var new: [String]
    }

    /// The changed lines, in order: each edit widened to the whole lines it touches, and
    /// edits that share a line taken together.
    static func regions(_ bytes: [UInt8], _ lineStarts: [Int], _ edits: [TextEdit]) -> [Region] {
        let sorted = edits.sorted { ($0.range.start, $0.range.end) < ($1.range.start, $1.range.end) }
        func lineOf(_ offset: Int) -> Int {
            var lo = 0, hi = lineStarts.count  // the last line holding offset
            while lo < hi {
                let mid = (lo + hi) / 2
                if lineStarts[mid] <= offset { lo = mid + 1 } else { hi = mid }
            }
            return lo - 1
        }
        func start(ofLine l: Int) -> Int { l < lineStarts.count ? lineStarts[l] : bytes.count }
        var regions: [Region] = []
        var k = 0
        while k < sorted.count {
            // The old lines the edit touches: a pure insertion of whole lines at a line's
            // start touches none.
            func span(_ e: TextEdit) -> Range<Int> {
                let first = e.range.start >= bytes.count ? lineStarts.count : lineOf(e.range.start)
                if e.range.isEmpty && e.range.start == start(ofLine: first) && (e.newText.hasSuffix("\n") || e.newText.isEmpty) {
                    return first..<first
                }
                return first..<max(first + 1, lineOf(max(e.range.end - 1, e.range.start)) + 1)
            }
            var lines = span(sorted[k])
            var group = [sorted[k]]
            while k + 1 < sorted.count {
                let next = span(sorted[k + 1])
                guard next.lowerBound < lines.upperBound else { break }  // no line in common
                lines = lines.lowerBound..<max(lines.upperBound, next.upperBound)
                group.append(sorted[k + 1])
                k += 1
            }
            k += 1
            var new: [UInt8] = []
            var at = start(ofLine: lines.lowerBound)
            for e in group where e.range.start >= at && e.range.end <= bytes.count {  // as FixApplication.apply
                new += bytes[at..<e.range.start]
                new += e.newText.utf8
                at = e.range.end
            }
            new += bytes[at..<start(ofLine: lines.upperBound)]
            let old = Array(bytes[start(ofLine: lines.lowerBound)..<start(ofLine: lines.upperBound)])
            let newLines = UnifiedDiff.lines(new, starts(of: new)), oldLines = UnifiedDiff.lines(old, starts(of: old))
            if newLines != oldLines { regions.append(Region(old: lines, new: newLines)) }
        }
        return regions
    }

    static func starts(of bytes: [UInt8]) -> [Int] {
        var out = bytes.isEmpty ? [] : [0]
        for (i, b) in bytes.enumerated() where b == 0x0A && i + 1 < bytes.count { out.append(i + 1) }
        return out
    }

    /// Lines with their terminator (`\n` added to a last line without one, as diff does
    /// with its "no newline" marker, which is left out here).
    static func lines(_ bytes: [UInt8], _ starts: [Int]) -> [String] {
        starts.indices.map { i in
            let end = i + 1 < starts.count ? starts[i + 1] : bytes.count
            let text = String(decoding: bytes[starts[i]..<end], as: UTF8.self)
            return text.hasSuffix("\n") ? text : text + "\n"
        }
    }
}
