import Foundation

/// `file://` URIs and paths. Other schemes are kept as they are (an untitled buffer).
public enum DocumentURI {
    public static func path(of uri: String) -> String? {
        guard uri.hasPrefix("file://"), let url = URL(string: uri) else { return nil }
        return url.standardizedFileURL.path
    }

    public static func uri(ofPath path: String) -> String {
        URL(fileURLWithPath: path).absoluteString
    }
}
