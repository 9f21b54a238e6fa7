import PnoteModel

/// Which findings the suppression comments silence, and which comments silence anything,
/// without trying every comment on every finding: 5,000 comments took five seconds that
/// way, 20,000 over a minute. Findings are sorted by start per rule code; a comment's
/// range is then two binary searches per code, and the silenced findings are counted
/// with a difference array, however much the ranges overlap.
enum SuppressionMatching {
    /// Sets `diagnostics[i].suppressed` where some scope covers the finding, and
    /// `scopes[s].used` where a scope covers some finding. A scope covers a finding that
    /// starts in its range (any, for a file-wide one) and has one of its codes (any, when
    /// it names none), except a PN010 report about the scope's own comment.
    static func apply(_ scopes: inout [SuppressionScope], to diagnostics: inout [Diagnostic]) {
        guard !scopes.isEmpty, !diagnostics.isEmpty else { return }
        var byCode: [String: [Int]] = [:]
        for i in diagnostics.indices { byCode[diagnostics[i].code, default: []].append(i) }
        var groups: [String: Group] = [:]
        for (code, indices) in byCode { groups[code] = Group(indices.sorted { diagnostics[$0].range.start < diagnostics[$1].range.start }, diagnostics) }
        let allCodes = Array(groups.keys)
        let ownCode = UnusedSuppression.meta.code
        for s in scopes.indices {
            let scope = scopes[s]
            for code in scope.codes.isEmpty ? allCodes : Array(scope.codes) {
                guard var group = groups[code] else { continue }
                let (lo, hi) = scope.range.map { (group.firstIndex(startingAtOrAfter: $0.start), group.firstIndex(startingAtOrAfter: $0.end)) }
                    ?? (0, group.indices.count)
                guard lo < hi else { continue }
                group.cover[lo] += 1
                group.cover[hi] -= 1
                var own = 0
                if code == ownCode {
                    // Reports about this comment stand at its range; it does not cover them.
                    var k = max(lo, group.firstIndex(startingAtOrAfter: scope.comment.range.start))
                    while k < hi && group.starts[k] == scope.comment.range.start {
                        if diagnostics[group.indices[k]].range == scope.comment.range { group.selfCovered[k] += 1; own += 1 }
                        k += 1
                    }
                }
                if hi - lo > own { scopes[s].used = true }
                groups[code] = group
            }
        }
        for group in groups.values {
            var covering = 0
            for k in group.indices.indices {
                covering += group.cover[k]
                if covering - group.selfCovered[k] > 0 { diagnostics[group.indices[k]].suppressed = true }
            }
        }
    }

    /// The findings of one code, by start.
    struct Group {
        var indices: [Int]
        var starts: [Int]
        /// +1 where a scope's findings begin, −1 after they end.
        var cover: [Int]
        /// Scopes that would cover a finding but are the comment it reports on.
        var selfCovered: [Int]

        init(_ indices: [Int], _ diagnostics: [Diagnostic]) {
            self.indices = indices
            starts = indices.map { diagnostics[$0].range.start }
            cover = Array(repeating: 0, count: indices.count + 1)
            selfCovered = Array(repeating: 0, count: indices.count)
        }

        func firstIndex(startingAtOrAfter offset: Int) -> Int {
            var lo = 0, hi = starts.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if starts[mid] < offset { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
    }
}
