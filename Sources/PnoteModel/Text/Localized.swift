/// The language of messages and of number notation (front matter `taal` / `language`).
public enum Language: String, Sendable, CaseIterable, Codable {
    case nl, en
}

/// A text in both languages. Every message, title and explanation is one of these.
public struct Localized: Sendable, Hashable {
    public var nl: String
    public var en: String

    public init(nl: String, en: String) {
        self.nl = nl
        self.en = en
    }

    public func text(_ language: Language) -> String { language == .nl ? nl : en }
}

extension String {
    /// The pieces one after the other, copied once into a string of their total size.
    /// Interpolation grows and checks its buffer piece by piece: for a rule that reports
    /// every measure of a folder (PN210), building its messages that way was a third of it.
    public init(joining pieces: String...) {
        var total = 0
        for piece in pieces { total += piece.utf8.count }
        self.init(unsafeUninitializedCapacity: total) { out in
            var n = 0
            for var piece in pieces {
                piece.withUTF8 { bytes in
                    guard let base = bytes.baseAddress else { return }
                    UnsafeMutableRawPointer(out.baseAddress! + n).copyMemory(from: base, byteCount: bytes.count)
                    n += bytes.count
                }
            }
            return n
        }
    }
}
