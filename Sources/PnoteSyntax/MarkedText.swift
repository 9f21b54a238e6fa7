/// A text with `⟦` and `⟧` marking expected ranges, as used in rule examples and test
/// fixtures. `‸` marks a single position (an empty range).
public struct MarkedText: Sendable {
    public static let open = "⟦", close = "⟧", caret = "‸"

    /// The text without markers.
    public var text: String
    /// UTF-8 byte ranges in `text`, in marker order.
    public var ranges: [TextRange]

    public init(_ marked: String) {
        var out = [UInt8]()
        var ranges: [TextRange] = []
        var openStack: [Int] = []
        for scalar in marked.unicodeScalars {
            switch String(scalar) {
            case MarkedText.open: openStack.append(out.count)
            case MarkedText.close:
                let start = openStack.popLast() ?? out.count
                ranges.append(TextRange(start, out.count))
            case MarkedText.caret: ranges.append(TextRange(out.count, out.count))
            default: out.append(contentsOf: Array(String(scalar).utf8))
            }
        }
        text = String(decoding: out, as: UTF8.self)
        self.ranges = ranges.sorted()
    }
}
