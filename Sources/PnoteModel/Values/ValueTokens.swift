/// A small tokenizer for field values. Values are short, so a hand-written scanner over
/// folded text is both faster and clearer than regular expressions here.
struct ValueToken: Equatable {
    enum Kind { case number, word, symbol }
    var kind: Kind
    var text: String
    /// Whether white space stood before this token.
    var spaced: Bool
}

enum ValueTokenizer {
    static func tokens(_ value: String) -> [ValueToken] {
        let scalars = Array(Folding.fold(value).unicodeScalars)
        var out: [ValueToken] = []
        var i = 0
        var spaced = false
        func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
        func isLetter(_ s: Unicode.Scalar) -> Bool {
            (s.value >= 0x61 && s.value <= 0x7A) || s.properties.isAlphabetic && s.value >= 0x80
        }
        while i < scalars.count {
            let s = scalars[i]
            if s == " " { spaced = true; i += 1; continue }
            var text = String.UnicodeScalarView()
            let kind: ValueToken.Kind
            if isDigit(s) {
                kind = .number
                while i < scalars.count {
                    let c = scalars[i]
                    if isDigit(c) || ((c == "." || c == ",") && i + 1 < scalars.count && isDigit(scalars[i + 1])) {
                        text.append(c); i += 1
                    } else { break }
                }
            } else if isLetter(s) {
                kind = .word
                while i < scalars.count {
                    let c = scalars[i]
                    // `t/m` is one word; so is `ggz-problematiek`.
                    if isLetter(c) || isDigit(c) && !text.isEmpty
                        || ((c == "/" || c == "-" || c == "'") && i + 1 < scalars.count && isLetter(scalars[i + 1])) {
                        text.append(c); i += 1
                    } else { break }
                }
            } else {
                kind = .symbol
                text.append(s); i += 1
            }
            out.append(ValueToken(kind: kind, text: String(text), spaced: spaced))
            spaced = false
        }
        return out
    }
}

/// Reading numbers in the note's notation (section 5.2): with `nl` a `.` followed by
/// exactly three digits separates thousands and `,` is the decimal mark; with `en` the
/// reverse. Anything else is ambiguous and not read.
public enum NumberNotation {
    public static func parse(_ text: String, language: Language) -> Double? {
        let thousands: Character = language == .nl ? "." : ","
        let decimal: Character = language == .nl ? "," : "."
        let parts = text.split(separator: decimal, omittingEmptySubsequences: false)
        guard parts.count <= 2, let integer = parts.first, !integer.isEmpty else { return nil }
        let groups = integer.split(separator: thousands, omittingEmptySubsequences: false)
        if groups.count > 1 {
            guard let head = groups.first, (1...3).contains(head.count),
                  groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        let digits = groups.joined()
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        var literal = digits
        if parts.count == 2 {
            let fraction = parts[1]
            guard !fraction.isEmpty, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            literal += "." + fraction
        }
        return Double(literal)
    }
}
