import Foundation
import PnoteSyntax

/// Typed field values already read, keyed by what decides them: block kind, language, the
/// key and the value as written. Notes repeat their values (`periode: 2024-2027`,
/// `taakveld: 6.1`), and in the editor every keystroke rebuilds a note whose fields are
/// nearly all unchanged; reading money and indicator values is the costly part of a build.
///
/// Values carry no positions, so a cached value is exact wherever the text stands.
/// References do carry positions and are never cached. The cache is bounded: when it is
/// full it starts again, and long values are not kept, so memory stays flat whatever is
/// checked.
public final class FieldReadCache: @unchecked Sendable {
    struct Key: Hashable, Sendable {
        var kind: BlockKind
        var language: Language
        var key: String
        var raw: String
    }

    struct Entry {
        var key: FieldKey?
        var value: FieldValue
        /// The stored text, so notes that share a value share its storage too.
        var raw: String
    }

    /// Longer fields are read every time: they rarely repeat, and the cache's memory stays
    /// bounded in bytes, not only in entries (about 20,000 × 256 bytes at most).
    public static let maximumTextBytes = 256

    /// One cache for the process: the CLI and the server both build through it.
    public static let shared = FieldReadCache(capacity: 20_000)

    private let entries: BoundedCache<Key, Entry>

    public init(capacity: Int) { entries = BoundedCache(capacity: capacity) }

    func entry(_ key: Key) -> Entry? { entries.value(for: key) }

    func store(_ entry: Entry, for key: Key) { entries.store(entry, for: key) }

    public var count: Int { entries.count }
}
