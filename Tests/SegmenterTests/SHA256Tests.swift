import Testing
import Segmenter
import TestSupport

/// SHA-256 against the FIPS 180-2 examples and digests around the padding
/// boundaries (from Python's hashlib), compressed by the CPU's SHA
/// instructions (where it has them) and by the Swift code alike.
@Suite("SHA-256")
struct SHA256Tests {
    static let vectors: [(text: String, digest: String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (String(repeating: "x", count: 55), "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072"),
        (String(repeating: "x", count: 56), "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e"),
        (String(repeating: "x", count: 63), "75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2"),
        (String(repeating: "x", count: 64), "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c"),
        (String(repeating: "x", count: 119), "000b48d4edf0fa7bee3c6236ecd2785baa5db4eeb8bb54341b029e0d9fa5fb0c"),
        (String(repeating: "x", count: 120), "13f05a0b594787f5ecd315edc96141bd3243203d1b7d4f0836f37308b276ba98"),
    ]

    @Test(arguments: vectors, SHA256.Compression.allCases)
    func digest(_ vector: (text: String, digest: String), compression: SHA256.Compression) {
        #expect(SHA256.hex(Array(vector.text.utf8), compression: compression) == vector.digest)
    }

    @Test(arguments: SHA256.Compression.allCases)
    func aMillionAs(compression: SHA256.Compression) {
        #expect(
            SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000), compression: compression)
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func bothCompressionsAgreeOnRandomMessagesOfEveryLengthAroundABlock() {
        var random = SeededGenerator(seed: 256)
        for length in Array(0...200) + [1_000, 4_095, 65_537] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            #expect(SHA256.hex(bytes) == SHA256.hex(bytes, compression: .swift), "length \(length)")
        }
    }

    @Test func aSliceHashesLikeItsBytes() {
        let bytes = Array("0123456789abcdef".utf8)
        #expect(SHA256.hex(bytes[3...]) == SHA256.hex(Array(bytes[3...])))
    }
}
