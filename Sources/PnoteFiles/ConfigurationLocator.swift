import Foundation
import PnoteRules

/// Finds the `pnote.json` that applies to a file: the nearest one in its folder or a
/// folder above it. Each configuration file is read and parsed once.
public final class ConfigurationLocator {
    private var byDirectory: [String: Result<Configuration, ConfigurationError>] = [:]
    /// The same, by the directory as it was asked for: standardizing a path through `URL`
    /// took longer than the rest of a file's way to its check (asked once per file).
    private var byDirectoryAsAsked: [String: Result<Configuration, ConfigurationError>] = [:]
    private let explicit: Result<Configuration, ConfigurationError>?
    public private(set) var errors: [ConfigurationError] = []

    public init(explicitPath: String?, currentDirectory: String) {
        explicit = explicitPath.map { ConfigurationLocator.load($0.hasPrefix("/") ? $0 : currentDirectory + "/" + $0, shown: $0) }
        if case .failure(let e)? = explicit { errors.append(e) }
    }

    public func configuration(forDirectory directory: String) -> Result<Configuration, ConfigurationError> {
        if let explicit { return explicit }
        if let known = byDirectoryAsAsked[directory] { return known }
        let result = configuration(forStandardDirectory: URL(fileURLWithPath: directory).standardizedFileURL.path)
        byDirectoryAsAsked[directory] = result
        return result
    }

    private func configuration(forStandardDirectory standard: String) -> Result<Configuration, ConfigurationError> {
        if let cached = byDirectory[standard] { return cached }
        let candidate = standard == "/" ? "/" + Configuration.fileName : standard + "/" + Configuration.fileName
        let result: Result<Configuration, ConfigurationError>
        if FileManager.default.fileExists(atPath: candidate) {
            result = ConfigurationLocator.load(candidate, shown: candidate)
            if case .failure(let e) = result { errors.append(e) }
        } else if standard == "/" || standard.isEmpty {
            result = .success(Configuration())
        } else {
            result = configuration(forDirectory: (standard as NSString).deletingLastPathComponent)
        }
        byDirectory[standard] = result
        return result
    }

    public static func load(_ path: String, shown: String) -> Result<Configuration, ConfigurationError> {
        let bytes: [UInt8]
        switch RegularFile.read(path) {
        case .bytes(let read): bytes = read
        case .notRegular:
            return .failure(ConfigurationError(path: shown, line: 1, column: 1, message: "the configuration file is not a regular file"))
        case .tooLarge, .unreadable:
            return .failure(ConfigurationError(path: shown, line: 1, column: 1, message: "cannot read the configuration file"))
        }
        let text = String(decoding: bytes, as: UTF8.self)
        do { return .success(try Configuration.parse(text, path: shown)) } catch { return .failure(error) }
    }
}
