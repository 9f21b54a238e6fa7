@testable import PnoteModel
import PnoteTestSupport
import Testing

@Suite struct BlockTableTests {
    /// The link tables replaced dictionaries keyed by block index: after any sequence of
    /// writes they must read as such a dictionary does (value, count, pairs in key order).
    @Test func readsAsTheDictionaryItReplaces() {
        var random = SeededRandom(state: 11)
        for round in 0..<200 {
            var table = random.next(2) == 0 ? BlockTable<Int>() : BlockTable<Int>(blockCount: random.next(20))
            var dictionary: [Int: Int] = [:]
            for _ in 0..<random.next(60) {
                let block = random.next(40)
                let value: Int? = random.next(3) == 0 ? nil : random.next(1000)
                table[block] = value
                dictionary[block] = value
            }
            #expect(table.count == dictionary.count && table.isEmpty == dictionary.isEmpty, "round \(round)")
            for block in -2..<45 { #expect(table[block] == dictionary[block], "round \(round), block \(block)") }
            #expect(table.map(\.key) == dictionary.keys.sorted(), "round \(round)")
            #expect(table.map(\.value) == dictionary.sorted { $0.key < $1.key }.map(\.value))
            #expect(table.values == dictionary.sorted { $0.key < $1.key }.map(\.value))
        }
    }
}
