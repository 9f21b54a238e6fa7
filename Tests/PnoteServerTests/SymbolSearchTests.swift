import Testing
@testable import PnoteServer

@Suite struct SymbolSearchTests {
    @Test func findsWhatStringContainsFinds() {
        // Every pair of short words over two letters: where borders repeat, KMP goes wrong
        // first.
        var words = [""]
        for _ in 0..<6 { words += words.flatMap { [$0 + "a", $0 + "b"] } }
        words = Array(Set(words)).sorted()
        var wrong: [String] = []
        for text in words where text.count >= 4 {
            for part in words where !part.isEmpty && part.count <= 4 && Symbols.contains(text, part) != text.contains(part) {
                wrong.append("\(text) / \(part)")
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
        #expect(Symbols.contains("jeugd en gezin", "gezin") && !Symbols.contains("jeugd", "jeugdzorg"))
    }

    // The limit is generous: on a loaded CI machine a test can wait minutes for a thread;
    // the old code took far longer (or for ever).
    @Test(.timeLimit(.minutes(5))) func aLongQueryAgainstAHugeHeadingStaysLinear() {
        // Compared at every start, this is 40 billion byte comparisons.
        let heading = String(repeating: "a", count: 2_000_000)
        #expect(!Symbols.contains(heading, String(repeating: "a", count: 20_000) + "b"))
        #expect(Symbols.contains(heading + "b", String(repeating: "a", count: 20_000) + "b"))
    }
}
