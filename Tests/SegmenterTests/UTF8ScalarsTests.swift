import Testing
@testable import Segmenter

/// The direct UTF-8 path must read exactly what the general decoder reads as
/// UTF-8, and decline everything else.
@Suite("UTF-8 straight to scalars")
struct UTF8ScalarsTests {
    /// What `TextDecoder` makes of `bytes` when it reads them as UTF-8; nil otherwise.
    private func expected(_ bytes: [UInt8]) -> [Unicode.Scalar]? {
        // A cut-off last character is the slow path's to forgive: the fast one declines.
        guard let decoded = try? TextDecoder.decode(bytes), decoded.encoding == "UTF-8", decoded.droppedTail == 0 else { return nil }
        return Array(decoded.text.unicodeScalars)
    }

    static let cases: [[UInt8]] = [
        [], [0xEF, 0xBB, 0xBF], Array("给予２０万元补助。".utf8), [0xEF, 0xBB, 0xBF] + Array("市人社局".utf8),
        Array("a\u{0}b".utf8), [0xEF, 0xBB, 0xBF, 0x61, 0x00, 0x62],
        [0xC0, 0x80], [0xC1, 0xBF], [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0x9F, 0x80], [0xE0, 0xA0, 0x80],
        [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF],
        [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
        [0xE4, 0xB8], [0xE4], [0x80], [0xFF, 0xFE, 0x61, 0x00], [0xFE, 0xFF, 0x00, 0x61],
        Array(repeating: 0x01, count: 30) + Array("正文".utf8), Array(repeating: 0x01, count: 1) + Array(repeating: 0x41, count: 30),
        Array("\t\n\r\u{0C}表".utf8), Array("𠀀😀".utf8),
    ]

    @Test(arguments: cases)
    func agreesWithTheDecoder(_ bytes: [UInt8]) {
        #expect(UTF8Scalars.decode(bytes) == expected(bytes))
    }

    /// Random byte strings built from pieces of valid and broken UTF-8.
    @Test func agreesOnRandomBytes() {
        let pieces: [[UInt8]] = [
            Array("市".utf8), Array("a".utf8), Array("𠀀".utf8), [0x00], [0x01], [0x0A], [0xE4, 0xB8], [0x80], [0xC3],
            [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xEF, 0xBB, 0xBF], [0xC2, 0xA0],
        ]
        var state: UInt64 = 42
        for _ in 0..<2000 {
            var bytes: [UInt8] = []
            state = state &* 6_364_136_223_846_793_005 &+ 1
            for _ in 0..<Int(state >> 60) {
                state = state &* 6_364_136_223_846_793_005 &+ 1
                bytes += pieces[Int((state >> 33) % UInt64(pieces.count))]
            }
            #expect(UTF8Scalars.decode(bytes) == expected(bytes), "bytes \(bytes)")
        }
    }
}
