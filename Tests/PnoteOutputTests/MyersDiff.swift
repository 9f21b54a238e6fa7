@testable import PnoteOutput

/// The diff pnote used before edit-based diffs, kept as the reference for tests: a
/// unified diff by the Myers algorithm over lines (quadratic in the number of changes).
enum MyersDiff {
    static func render(old: [UInt8], new: [UInt8], path: String, context: Int = 3) -> String {
        let a = lines(old), b = lines(new)
        let script = edits(a, b)
        guard script.contains(where: { $0 != .same }) else { return "" }
        var out = "--- a/\(path)\n+++ b/\(path)\n"
        // Walk the script, grouping changes with their context into hunks.
        var ops: [(op: Op, ai: Int, bi: Int)] = []
        var ai = 0, bi = 0
        for op in script {
            ops.append((op, ai, bi))
            switch op {
            case .same: ai += 1; bi += 1
            case .delete: ai += 1
            case .insert: bi += 1
            }
        }
        var i = 0
        while i < ops.count {
            guard ops[i].op != .same else { i += 1; continue }
            var start = i
            var back = 0
            while start > 0 && back < context && ops[start - 1].op == .same { start -= 1; back += 1 }
            // Extend over changes that are at most 2 × context unchanged lines apart.
            var end = i
            var sameRun = 0
            while end < ops.count {
                if ops[end].op == .same {
                    sameRun += 1
                    if sameRun > 2 * context { break }
                } else {
                    sameRun = 0
                }
                end += 1
            }
            var trailing = 0
            while trailing < end - i && ops[end - 1 - trailing].op == .same { trailing += 1 }
            end -= max(0, trailing - context)
            let slice = ops[start..<end]
            let oldCount = slice.filter { $0.op != .insert }.count, newCount = slice.filter { $0.op != .delete }.count
            let oldStart = (slice.first { $0.op != .insert }?.ai ?? slice.first!.ai) + (oldCount == 0 ? 0 : 1)
            let newStart = (slice.first { $0.op != .delete }?.bi ?? slice.first!.bi) + (newCount == 0 ? 0 : 1)
            out += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for item in slice {
                switch item.op {
                case .same: out += " " + a[item.ai]
                case .delete: out += "-" + a[item.ai]
                case .insert: out += "+" + b[item.bi]
                }
            }
            i = end
        }
        return out
    }

    enum Op: Equatable { case same, delete, insert }

    /// Lines with their terminator (`\n` added to a last line without one, as diff does
    /// with its "no newline" marker, which is left out here).
    static func lines(_ bytes: [UInt8]) -> [String] {
        var out: [String] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            out.append(String(decoding: bytes[start...i], as: UTF8.self))
            start = i + 1
        }
        if start < bytes.count { out.append(String(decoding: bytes[start...], as: UTF8.self) + "\n") }
        return out
    }

    /// The shortest edit script (Myers 1986), as a list of operations.
    static func edits(_ a: [String], _ b: [String]) -> [Op] {
        let n = a.count, m = b.count, max = n + m
        var v = [Int](repeating: 0, count: 2 * max + 2)
        var trace: [[Int]] = []
        outer: for d in 0...max {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && v[max + k - 1] < v[max + k + 1])) ? v[max + k + 1] : v[max + k - 1] + 1
                var y = x - k
                while x < n && y < m && a[x] == b[y] { x += 1; y += 1 }
                v[max + k] = x
                if x >= n && y >= m { break outer }
            }
        }
        var ops: [Op] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let prevK = (k == -d || (k != d && v[max + k - 1] < v[max + k + 1])) ? k + 1 : k - 1
            let prevX = v[max + prevK], prevY = prevX - prevK
            while x > prevX && y > prevY { ops.append(.same); x -= 1; y -= 1 }
            if d > 0 { ops.append(x == prevX ? .insert : .delete) }
            x = prevX
            y = prevY
        }
        return ops.reversed()
    }
}
