import PnoteFiles
import Testing

@Suite struct IgnorePatternTests {
    func ignored(_ patterns: String, _ path: String, directory: Bool = false) -> Bool {
        var rules = IgnorePatterns()
        rules.add(patterns, base: "")
        return rules.isIgnored(path, isDirectory: directory)
    }

    @Test func anchoredPatternsAndAnyDepth() {
        #expect(ignored("archief/**/oud-*.pnote", "archief/2020/q1/oud-1.pnote"))
        #expect(ignored("archief/**/oud-*.pnote", "archief/oud-1.pnote"), "** takes no folder too")
        #expect(!ignored("archief/**/oud-*.pnote", "nieuw/archief/oud-1.pnote"), "anchored to the root")
        #expect(ignored("**/concept/*.pnote", "a/b/concept/x.pnote") && ignored("**/concept/*.pnote", "concept/x.pnote"))
        #expect(!ignored("**/concept/*.pnote", "a/concept/b/x.pnote"), "* does not cross /")
        #expect(ignored("a/**", "a/b/c.pnote") && !ignored("a/**/b", "a/c"))
        #expect(ignored("tmp-?.pnote\n!tmp-1.pnote", "x/tmp-2.pnote") && !ignored("tmp-?.pnote\n!tmp-1.pnote", "x/tmp-1.pnote"))
    }

    // The limit is generous: on a loaded CI machine a test can wait minutes for a thread;
    // the old code took far longer (or for ever).
    @Test(.timeLimit(.minutes(5))) func manyAnyDepthPartsOnADeepPathStayFast() {
        // Forty folders deep and ten `**`: every split tried took minutes; the table takes
        // microseconds. Both answers are checked, so a wrong table fails too.
        let deep = Array(repeating: "d", count: 40).joined(separator: "/")
        let pattern = Array(repeating: "**", count: 10).joined(separator: "/")
        #expect(!ignored(pattern + "/x", deep + "/n.pnote"))
        #expect(ignored(pattern + "/d/**/n.pnote", deep + "/n.pnote"))
        #expect(!ignored(pattern + "/e/**/n.pnote", deep + "/n.pnote"))
    }
}
