import Foundation
import Testing

/// Every crash the fuzzers found is kept as a file in `Tests/Fuzz/regressions` and replayed
/// by the fuzz target itself (built without the fuzzer it runs each file once, through the
/// parser, the model, every rule and the safe fixes): a crash fails this test, not the run.
@Suite struct FuzzRegressionTests {
    @Test func everyFoundCrashStaysFixed() throws {
        let folder = Binary.packageRoot.appendingPathComponent("Tests/Fuzz/regressions")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .map { folder.appendingPathComponent($0).path }
        #expect(!files.isEmpty)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.locate("pnote-fuzz-note"))
        process.arguments = files
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "\(stdout)")
        #expect(stdout.split(separator: "\n").map(String.init) == files.map { "ok \($0)" })
    }
}
