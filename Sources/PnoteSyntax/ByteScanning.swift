/// Small byte-level helpers shared by the parsers. Bytes ≥ 0x80 (UTF-8 multibyte
/// sequences) count as letters, so `geïndiceerd` and `€` stay inside words.
enum Byte {
    static let space: UInt8 = 0x20, tab: UInt8 = 0x09, hash: UInt8 = 0x23, colon: UInt8 = 0x3A
    static let dash: UInt8 = 0x2D, star: UInt8 = 0x2A, backtick: UInt8 = 0x60, tilde: UInt8 = 0x7E
    static let lt: UInt8 = 0x3C, openBrace: UInt8 = 0x7B, closeBrace: UInt8 = 0x7D

    static func isSpace(_ b: UInt8) -> Bool { b == space || b == tab }
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    static func isWordByte(_ b: UInt8) -> Bool {
        isASCIILetter(b) || isDigit(b) || b >= 0x80 || b == 0x5F || b == dash || b == 0x27
    }
    static func lower(_ b: UInt8) -> UInt8 { isASCIILetter(b) ? b | 0x20 : b }
}

extension String {
    /// The UTF-8 bytes, in place. `withUTF8` needs a mutable copy of the string (a retain
    /// and a release, and a check that the storage is native); the strings the model
    /// makes are native, and hand out their storage as they are.
    @inlinable package func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return copy.withUTF8(body)
    }
}

extension SourceText {
    /// `range` with leading and trailing spaces and tabs removed. Inlined: the parser asks
    /// for it several times per line, and the call cost as much as the trimming.
    @inline(__always)
    public func trimmed(_ range: TextRange) -> TextRange {
        var s = range.start, e = range.end
        while s < e && Byte.isSpace(bytes[s]) { s += 1 }
        while e > s && Byte.isSpace(bytes[e - 1]) { e -= 1 }
        return TextRange(s, e)
    }

    func isBlank(_ range: TextRange) -> Bool { trimmed(range).isEmpty }

    /// Number of leading spaces (a tab counts as four).
    func indentation(_ range: TextRange) -> Int {
        var n = 0, i = range.start
        while i < range.end && Byte.isSpace(bytes[i]) { n += bytes[i] == Byte.tab ? 4 : 1; i += 1 }
        return n
    }

    /// Whether `range` starts with the ASCII string `prefix`.
    func hasPrefix(_ range: TextRange, _ prefix: String) -> Bool {
        // Walks the prefix's bytes in place: called for every line, it must not allocate.
        var i = range.start
        for b in prefix.utf8 {
            guard i < range.end, bytes[i] == b else { return false }
            i += 1
        }
        return true
    }

    /// The first occurrence of the ASCII string `needle` in `range`.
    func find(_ needle: String, in range: TextRange) -> Int? {
        needle.withUTF8Bytes { n in
            guard let first = n.first, range.length >= n.count else { return nil }
            var i = range.start
            let last = range.end - n.count
            outer: while i <= last {
                if bytes[i] == first {
                    for k in 1..<n.count where bytes[i + k] != n[k] { i += 1; continue outer }
                    return i
                }
                i += 1
            }
            return nil
        }
    }

    /// Matches `word` (ASCII, lowercase; a space matches one or more spaces) at `offset`,
    /// case-insensitively. Returns the offset after the match.
    func matchWord(_ word: UnsafeBufferPointer<UInt8>, at offset: Int, limit: Int) -> Int? {
        var i = offset
        for c in word {
            if c == Byte.space {
                guard i < limit, Byte.isSpace(bytes[i]) else { return nil }
                while i < limit && Byte.isSpace(bytes[i]) { i += 1 }
            } else {
                guard i < limit, Byte.lower(bytes[i]) == c else { return nil }
                i += 1
            }
        }
        return i
    }
}

extension SourceText {
    /// Whether `range` may contain the ASCII letters `needle` (lowercase) once folded
    /// (case and accents, `Folding.fold`): false only when the range is plain ASCII, where
    /// folding just lowercases, and has no case-insensitive match. Rules use it to skip
    /// folding text that cannot match, with exactly the result of folding it.
    public func mayContainFolded(_ needle: String, in range: TextRange) -> Bool {
        needle.withUTF8Bytes { n in  // in place: called for every paragraph
            guard let first = n.first else { return true }
            return bytes.withUnsafeBufferPointer { all in
                let end = min(range.end, all.count)
                guard let base = all.baseAddress, range.start < end else { return false }
                // Eight bytes at a time past words with neither a non-ASCII byte nor the
                // needle's first letter in either case: most prose is such words.
                let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
                let firstLetter = UInt64(first | 0x20) &* ones
                var i = range.start
                while i < end {
                    while i + 8 <= end {
                        let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                        // A zero byte in `x` is a byte that is the letter once lowercased.
                        let x = (word | (0x20 &* ones)) ^ firstLetter
                        if word & highs != 0 || (x &- ones) & ~x & highs != 0 { break }
                        i += 8
                    }
                    let stop = min(i + 8, end)
                    while i < stop {
                        let b = base[i]
                        if b >= 0x80 { return true }
                        if Byte.lower(b) == first, i + n.count <= end {
                            var k = 1
                            while k < n.count && Byte.lower(base[i + k]) == n[k] { k += 1 }
                            if k == n.count { return true }
                        }
                        i += 1
                    }
                }
                return false
            }
        }
    }
}
