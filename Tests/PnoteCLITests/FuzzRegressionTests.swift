import Foundation
import Testing

/// Every crash the fuzzers found is kept as a file in `Tests/Fuzz/regressions` and replayed
/// by the fuzz target itself (built without the fuzzer it runs each file once, through the
/// parser, the model, every rule, the safe fixes and every output format read back): a
/// crash fails this test, not the run. The hand-written seeds of `Tests/Fuzz/note-seeds`
/// (escapes, control characters, invalid UTF-8, two notes) go the same way, and the
/// protocol target replays its seeds, checking every message the server sends.
@Suite struct FuzzRegressionTests {
    @Test(arguments: [("pnote-fuzz-note", "Tests/Fuzz/regressions"), ("pnote-fuzz-note", "Tests/Fuzz/note-seeds"),
                      ("pnote-fuzz-protocol", "Tests/Fuzz/protocol-seeds")])
    func everyFileGoesThroughItsTarget(_ target: String, _ path: String) throws {
        let folder = Binary.packageRoot.appendingPathComponent(path)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .map { folder.appendingPathComponent($0).path }
        #expect(!files.isEmpty)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.locate(target))
        process.arguments = files
        process.environment = ["SWIFT_BACKTRACE": "enable=no"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "\(stdout)\(stderr)")
        #expect(stdout.split(separator: "\n").map(String.init) == files.map { "ok \($0)" })
    }
}
