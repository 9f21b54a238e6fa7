import PnoteSyntax

/// The language of messages and of number notation (front matter `taal` / `language`).
public enum Language: String, Sendable, CaseIterable, Codable {
    case nl, en
}

/// A text in both languages. Every message, title and explanation is one of these.
///
/// Most are two texts. A message a rule may give for every block of a folder can instead
/// be a `MessageTemplate` with its arguments: put together only when it is read, in the
/// language it is read in, and written out piece by piece where the output allows
/// (`forEachPiece`). Joining both languages for each of the 74,592 findings of the 50 MB
/// benchmark folder took 6-7% of its check and half the memory its findings kept. Two
/// `Localized` are equal when their texts are, however they are kept.
public struct Localized: Sendable, Hashable {
    private enum Storage: Sendable {
        case texts(nl: String, en: String)
        case filled(MessageTemplate, [String])
    }

    private var storage: Storage

    public init(nl: String, en: String) {
        storage = .texts(nl: nl, en: en)
    }

    /// `template` with `arguments` for its `{0}`, `{1}`, …: joined when read.
    public init(_ template: MessageTemplate, _ arguments: String...) {
        storage = .filled(template, arguments)
    }

    public var nl: String {
        get { text(.nl) }
        set { storage = .texts(nl: newValue, en: en) }
    }

    public var en: String {
        get { text(.en) }
        set { storage = .texts(nl: nl, en: newValue) }
    }

    public func text(_ language: Language) -> String {
        switch storage {
        case .texts(let nl, let en): return language == .nl ? nl : en
        case .filled(let template, let arguments): return template.text(language, arguments)
        }
    }

    /// Hands `body` the text in `language` in pieces, as UTF-8, one after the other: for
    /// output that writes them out as they come, without joining them first.
    public func forEachPiece(_ language: Language, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        switch storage {
        case .texts(let nl, let en): (language == .nl ? nl : en).withUTF8Bytes(body)
        case .filled(let template, let arguments): template.texts.forEachPiece(language, arguments, body)
        }
    }

    public static func == (a: Localized, b: Localized) -> Bool { a.nl == b.nl && a.en == b.en }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(nl)
        hasher.combine(en)
    }
}

/// A message in both languages with places for arguments, `{0}`, `{1}`, …, read once (a
/// rule keeps its templates as constants). A place without an argument stays as written.
public struct MessageTemplate: Sendable {
    enum Piece: Sendable, Equatable {
        case text(String)
        case argument(Int)
    }

    /// Both languages' pieces and bytes in one object of constants. A rule's template is read
    /// for each of its findings on every core; its lists and strings read out one by one were
    /// a retain and a release each on objects the cores shared (about a dozen per finding).
    final class Texts: Sendable {
        /// A piece as kept: bytes `start..<end` of its language's text, or, for `end < 0`,
        /// the argument numbered `start`.
        struct Part: Sendable {
            let start: Int32
            let end: Int32
        }

        let nlBytes: [UInt8], enBytes: [UInt8]
        let nlParts: [Part], enParts: [Part]

        init(nl: [Piece], en: [Piece]) {
            (nlBytes, nlParts) = Texts.flattened(nl)
            (enBytes, enParts) = Texts.flattened(en)
        }

        private static func flattened(_ pieces: [Piece]) -> ([UInt8], [Part]) {
            var bytes: [UInt8] = [], parts: [Part] = []
            for piece in pieces {
                switch piece {
                case .text(let text):
                    parts.append(Part(start: Int32(bytes.count), end: Int32(bytes.count + text.utf8.count)))
                    bytes += text.utf8
                case .argument(let i):
                    parts.append(Part(start: Int32(clamping: i), end: -1))
                }
            }
            return (bytes, parts)
        }

        func forEachPiece(_ language: Language, _ arguments: [String], _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
            // Each list read in place (a choice between two lists made a copy of one).
            if language == .nl {
                nlBytes.withUnsafeBufferPointer { bytes in nlParts.withUnsafeBufferPointer { forEach($0, bytes, arguments, body) } }
            } else {
                enBytes.withUnsafeBufferPointer { bytes in enParts.withUnsafeBufferPointer { forEach($0, bytes, arguments, body) } }
            }
        }

        private func forEach(_ parts: UnsafeBufferPointer<Part>, _ bytes: UnsafeBufferPointer<UInt8>, _ arguments: [String],
                             _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
            for part in parts {
                if part.end >= 0 {
                    body(UnsafeBufferPointer(rebasing: bytes[Int(part.start)..<Int(part.end)]))
                } else if Int(part.start) < arguments.count {
                    arguments.withUnsafeBufferPointer { $0[Int(part.start)].withUTF8Bytes(body) }
                } else {
                    "{\(part.start)}".withUTF8Bytes(body)
                }
            }
        }
    }

    let texts: Texts

    public init(nl: String, en: String) {
        texts = Texts(nl: MessageTemplate.pieces(of: nl), en: MessageTemplate.pieces(of: en))
    }

    static func pieces(of text: String) -> [Piece] {
        var pieces: [Piece] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            let digits = rest[rest.index(after: open)...].prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.endIndex < rest.endIndex, rest[digits.endIndex] == "}",
                  let index = Int(digits) else {
                // Not a place: the brace is text.
                let after = rest.index(after: open)
                pieces.append(.text(String(rest[..<after])))
                rest = rest[after...]
                continue
            }
            if open > rest.startIndex { pieces.append(.text(String(rest[..<open]))) }
            pieces.append(.argument(index))
            rest = rest[rest.index(after: digits.endIndex)...]
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        // Neighbouring texts as one (a brace that opened no place leaves two).
        return pieces.reduce(into: []) { out, piece in
            if case .text(let next) = piece, case .text(let last)? = out.last {
                out[out.count - 1] = .text(last + next)
            } else {
                out.append(piece)
            }
        }
    }

    /// The pieces copied once into a string of their total size (appending grows and
    /// checks the string piece by piece; interpolation was slower still).
    func text(_ language: Language, _ arguments: [String]) -> String {
        var total = 0
        texts.forEachPiece(language, arguments) { total += $0.count }
        return String(unsafeUninitializedCapacity: total) { out in
            var n = 0
            texts.forEachPiece(language, arguments) { piece in
                guard let base = piece.baseAddress else { return }
                UnsafeMutableRawPointer(out.baseAddress! + n).copyMemory(from: base, byteCount: piece.count)
                n += piece.count
            }
            return n
        }
    }
}
