import Foundation

/// Rule examples that need more than one note (PN108, PN210) separate the notes with a
/// line `==> other.pnote <==`. The first part is the note the example is about
/// (`note.pnote`); markers belong in it.
public enum ExampleWorkspace {
    public static let firstPath = "note.pnote"

    public static func split(_ text: String) -> [(path: String, text: String)] {
        var parts: [(String, String)] = [(firstPath, "")]
        // Split on the byte 0x0A: in Swift "\r\n" is one Character, so a Character
        // search for "\n" would miss CRLF line ends.
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            let end = (bytes[start...].firstIndex(of: 0x0A)).map { $0 + 1 } ?? bytes.count
            let line = String(decoding: bytes[start..<end], as: UTF8.self)
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.hasPrefix("==> "), trimmed.hasSuffix(" <==") {
                parts.append((String(trimmed.dropFirst(4).dropLast(4)), ""))
            } else {
                parts[parts.count - 1].1 += line
            }
            start = end
        }
        return parts
    }
}
