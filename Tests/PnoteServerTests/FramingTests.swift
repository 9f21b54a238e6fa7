import Testing
@testable import PnoteServer

@Suite struct FramingTests {
    let a = MessageFramer.frame(Array("{\"a\":1}".utf8)), b = MessageFramer.frame(Array("{\"b\":22}".utf8))

    func drain(_ f: inout MessageFramer) -> [MessageFramer.Frame] {
        var out: [MessageFramer.Frame] = []
        while let x = f.next() { out.append(x) }
        return out
    }

    @Test func concatenatedBuffers() {
        var f = MessageFramer()
        f.append(a + b)
        #expect(drain(&f) == [.message(Array("{\"a\":1}".utf8)), .message(Array("{\"b\":22}".utf8))])
    }

    @Test func everySplitGivesTheSameMessages() {
        let all = a + b
        for cut in 0...all.count {
            var f = MessageFramer()
            var got: [MessageFramer.Frame] = []
            f.append(Array(all[..<cut])); got += drain(&f)
            f.append(Array(all[cut...])); got += drain(&f)
            #expect(got.count == 2, "cut at \(cut)")
        }
        var f = MessageFramer()
        var got: [MessageFramer.Frame] = []
        for byte in all { f.append([byte]); got += drain(&f) }
        #expect(got.count == 2, "one byte at a time")
    }

    @Test func otherHeadersAreAllowed() {
        var f = MessageFramer()
        f.append(Array("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: 2\r\n\r\n{}".utf8))
        #expect(drain(&f) == [.message(Array("{}".utf8))])
    }

    @Test func badHeadersAreDroppedAndTheNextMessageStillArrives() {
        for header in ["Content-Length: -5\r\n\r\n", "Content-Length: abc\r\n\r\n", "X-Nothing: 1\r\n\r\n"] {
            var f = MessageFramer()
            f.append(Array(header.utf8) + a)
            let frames = drain(&f)
            #expect(frames.count == 2, "\(header)")
            #expect(frames.last == .message(Array("{\"a\":1}".utf8)))
        }
    }

    @Test func hugeMessagesAreSkippedWithoutBuffering() {
        var f = MessageFramer()
        let n = MessageFramer.maximumMessageSize + 10
        f.append(Array("Content-Length: \(n)\r\n\r\n".utf8))
        #expect(drain(&f) == [.error(.tooLarge(n))])
        for _ in 0..<((n / 1_000_000) + 1) { f.append([UInt8](repeating: 0x20, count: 1_000_000)); _ = drain(&f) }
        f.append(a)
        #expect(drain(&f).last == .message(Array("{\"a\":1}".utf8)))
    }

    @Test func garbageWithoutHeaderEndIsBounded() {
        var f = MessageFramer()
        f.append([UInt8](repeating: 0x41, count: MessageFramer.maximumHeaderSize + 100))
        #expect(drain(&f) == [.error(.headerTooLong)])
        f.append(a)
        #expect(drain(&f).last == .message(Array("{\"a\":1}".utf8)))
    }

    @Test func randomGarbageAlwaysTerminatesAndTheNextMessageArrives() {
        var seed: UInt64 = 7
        func random() -> UInt64 { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return seed >> 33 }
        let alphabet = Array("Content-Length: 12\r\n{}abc-".utf8)
        for _ in 0..<300 {
            var f = MessageFramer()
            let garbage = (0..<Int(random() % 200)).map { _ in alphabet[Int(random()) % alphabet.count] }
            f.append(garbage)
            var steps = 0
            while f.next() != nil { steps += 1; #expect(steps < 1000, "no progress on \(garbage)"); if steps >= 1000 { return } }
            f.append([0x0D, 0x0A, 0x0D, 0x0A] + a)
            var got: [MessageFramer.Frame] = []
            steps = 0
            while let x = f.next() { got.append(x); steps += 1; if steps >= 1000 { break } }
            #expect(steps < 1000)
        }
    }

    @Test func bodyShorterThanContentLengthWaits() {
        var f = MessageFramer()
        f.append(Array("Content-Length: 10\r\n\r\n{}".utf8))
        #expect(drain(&f).isEmpty)
    }
}
