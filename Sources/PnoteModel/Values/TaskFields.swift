import Foundation

/// The BBV task-field table of section 6.4, loaded from `Data/taskfields.json`.
public struct TaskFieldTable: Sendable, Decodable {
    public struct Version: Sendable, Decodable {
        public var name: String
        public var from: Int?
        public var until: Int?
        public var codes: [String: String]

        public func contains(year: Int) -> Bool { (from ?? Int.min) <= year && year <= (until ?? Int.max) }
    }

    public var versions: [Version]
    public var escalatedCare: Set<String>
    /// Old code → first year of a version (as text) → the codes that replace it there.
    public var successors: [String: [String: [String]]]

    public static let standard: TaskFieldTable = DataFiles.decode("taskfields.json")

    /// The version in force in `year`; the newest when the year is unknown.
    public func version(for year: Int?) -> Version {
        guard let year else { return versions[versions.count - 1] }
        return versions.first { $0.contains(year: year) } ?? (year < (versions[0].until ?? 0) ? versions[0] : versions[versions.count - 1])
    }

    /// The code as written (`6.72`, `6.72A`, `taakveld 6.72`), normalised; nil if it is no code.
    public static func normalise(_ value: String) -> String? {
        var text = Folding.fold(value)
        for prefix in ["taakveld ", "task field ", "tv "] where text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
        let code = text.prefix { !$0.isWhitespace }
        guard let first = code.first, first.isNumber, code.contains("."),
              code.allSatisfy({ $0.isNumber || $0 == "." || ("a"..."z").contains($0) }) else { return nil }
        return String(code)
    }

    /// Whether any version knows the code (else PN004).
    public func exists(_ code: String) -> Bool { versions.contains { $0.codes[code] != nil } }

    public func name(of code: String, year: Int?) -> String? {
        version(for: year).codes[code] ?? versions.reversed().lazy.compactMap { $0.codes[code] }.first
    }

    /// The codes that replace `code` in the version in force in `year`.
    public func replacements(for code: String, year: Int?) -> [String] {
        let target = version(for: year)
        guard let map = successors[code] else { return [] }
        let key = map.keys.compactMap(Int.init).filter { $0 <= (target.from ?? Int.min) || target.contains(year: $0) }.max()
        return key.flatMap { map[String($0)] }?.filter { target.codes[$0] != nil } ?? []
    }
}

/// Loads the JSON data files shipped as SwiftPM resources.
public enum DataFiles {
    public static func url(_ name: String) -> URL? {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Data")
    }

    static func decode<T: Decodable>(_ name: String) -> T {
        // The data files ship with the binary; a missing or broken one is a build defect.
        guard let url = url(name), let data = try? Data(contentsOf: url) else {
            fatalError("pnote: data file \(name) is missing from the installation")
        }
        do { return try JSONDecoder().decode(T.self, from: data) } catch {
            fatalError("pnote: data file \(name) is broken: \(error)")
        }
    }
}
