import PnoteJSON
import PnoteServer

/// Checks every frame the server sends, whatever it was sent: one framed JSON-RPC 2.0
/// message, and every position and range in it one an editor can use (LSP positions are
/// unsigned; a range starts at or before its end).
enum OutgoingOracle {
    static func check(_ frame: [UInt8]) {
        var framer = MessageFramer()
        framer.append(frame)
        guard case .message(let body)? = framer.next(), framer.next() == nil else {
            preconditionFailure("the server sent something other than one framed message")
        }
        let message: JSON
        do {
            message = try JSONParser.parse(bytes: body)
        } catch {
            preconditionFailure("the server sent a body that is not JSON: \(error.message)")
        }
        guard case .string("2.0")? = message["jsonrpc"] else { preconditionFailure("a message without \"jsonrpc\": \"2.0\"") }
        let isResponse = message["id"] != nil && (message["result"] != nil || message["error"] != nil)
        let isRequestOrNotification = message["method"] != nil
        precondition(isResponse != isRequestOrNotification, "neither a response nor a request or notification")
        checkPositions(message)
    }

    static func checkPositions(_ value: JSON) {
        switch value {
        case .array(let items):
            items.forEach(checkPositions)
        case .object(let pairs):
            if let (line, character) = position(value) {
                precondition(line >= 0 && character >= 0, "a negative position")
            }
            if let start = value["start"].flatMap(position), let end = value["end"].flatMap(position) {
                precondition(start.line < end.line || (start.line == end.line && start.character <= end.character),
                             "a range that ends before it starts")
            }
            for (_, item) in pairs { checkPositions(item) }
        default:
            break
        }
    }

    static func position(_ value: JSON) -> (line: Int, character: Int)? {
        guard case .int(let line)? = value["line"], case .int(let character)? = value["character"] else { return nil }
        return (line, character)
    }
}
