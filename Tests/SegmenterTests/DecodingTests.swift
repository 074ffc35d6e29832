import Foundation
import Testing
@testable import Segmenter
import TestSupport

/// Bytes in every encoding the tool promises, decoded to the same text.
@Suite("Decoding")
struct DecodingTests {
    let sample = "关于印发《石嘴山市人才住房保障实施办法》的通知：给予２０万元补助。"

    @Test func utf8WithoutBOM() throws {
        let decoded = try TextDecoder.decode(Array(sample.utf8))
        #expect(decoded.text == sample)
        #expect(decoded.encoding == "UTF-8")
    }

    @Test func utf8WithBOM() throws {
        let decoded = try TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array(sample.utf8))
        #expect(decoded.text == sample)
        #expect(decoded.encoding == "UTF-8")
    }

    @Test(arguments: [false, true])
    func utf16WithBOM(bigEndian: Bool) throws {
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in sample.utf16 {
            let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
            bytes += bigEndian ? [high, low] : [low, high]
        }
        let decoded = try TextDecoder.decode(bytes)
        #expect(decoded.text == sample)
        #expect(decoded.encoding == (bigEndian ? "UTF-16BE" : "UTF-16LE"))
    }

    /// GB18030 bytes made by the system's iconv, not by the code under test.
    @Test func gb18030MadeWithIconv() throws {
        let bytes = try iconv(sample, to: "GB18030")
        #expect(String(validating: bytes, as: UTF8.self) == nil, "the sample must not be valid UTF-8")
        let decoded = try TextDecoder.decode(bytes)
        #expect(decoded.text == sample)
        #expect(decoded.encoding == "GB18030")
    }

    @Test func gb18030CorpusDocument() throws {
        let original = try String(contentsOf: Repository.corpus[1], encoding: .utf8)
        let decoded = try TextDecoder.decode(try iconv(original, to: "GB18030"))
        #expect(decoded.text == original)
    }

    @Test func emptyFileIsAnError() {
        #expect(throws: DecodingError.empty) { try TextDecoder.decode([]) }
    }

    @Test func binaryIsAnError() {
        // The start of a PNG file: NUL bytes and control characters.
        let png: [UInt8] = [
            0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52,
            0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0, 0x5C, 0x72, 0xA8, 0x66,
        ]
        #expect {
            try TextDecoder.decode(png)
        } throws: { error in
            guard case .binary = error as? DecodingError else { return false }
            return true
        }
    }

    @Test func controlCharactersAreBinary() {
        let bytes = [UInt8](repeating: 0x01, count: 200) + Array("人才".utf8)
        #expect {
            try TextDecoder.decode(bytes)
        } throws: { error in
            guard case .binary = error as? DecodingError else { return false }
            return true
        }
    }

    @Test func invalidBytesNameTheProblem() throws {
        // Valid neither as UTF-8 nor as GB18030: 0xFF never starts a GB18030 sequence.
        let bytes = Array("人才".utf8) + [0xFF, 0xFF, 0xFF] + Array("政策".utf8)
        #expect {
            try TextDecoder.decode(bytes)
        } throws: { error in
            guard case .undecodable(let reason) = error as? DecodingError else { return false }
            return reason.contains("UTF-8") && reason.contains("GB18030")
        }
    }

    @Test func aUTF8FileCutOffInItsLastCharacterIsReadWithoutIt() throws {
        let utf8 = Array("给予50万元补助".utf8)
        for dropped in 1...2 {
            let cut = try TextDecoder.decode(Array(utf8.dropLast(dropped)))
            #expect(cut.text == "给予50万元补" && cut.encoding == "UTF-8" && cut.droppedTail == 3 - dropped)
        }
        let astral = Array("人才𠀀".utf8)
        let cutAstral = try TextDecoder.decode(Array(astral.dropLast()))
        #expect(cutAstral.text == "人才" && cutAstral.droppedTail == 3)
        #expect(try TextDecoder.decode(utf8).droppedTail == 0)
    }

    @Test func aCutCharacterAnywhereButTheEndOfUTF8IsStillAnError() throws {
        let gb = try iconv("人才工作", to: "GB18030")
        #expect(throws: DecodingError.self) { try TextDecoder.decode(Array(gb.dropLast())) }
        var middle = gb
        middle.remove(at: 3)  // 才 loses its second byte
        #expect(throws: DecodingError.self) { try TextDecoder.decode(middle) }
        // Bytes at the end that start no character are not a cut character.
        #expect(throws: DecodingError.self) { try TextDecoder.decode(Array("人才".utf8) + [0x80]) }
        #expect(throws: DecodingError.self) { try TextDecoder.decode(Array("人才".utf8) + [0xFF]) }
    }

    @Test(
        arguments: [
            ([0xE4], true), ([0xE4, 0xBA], true), ([0xE4, 0xBA, 0xBA], false), ([0xF0, 0x90, 0x80], true),
            ([0xC2], true), ([0xC1], false), ([0x80], false), ([0xE4, 0x41], false),
        ] as [([UInt8], Bool)])
    func cutUTF8Sequences(tail: [UInt8], cut: Bool) {
        #expect(TextDecoder.isCutUTF8(tail) == cut)
    }

    private func iconv(_ text: String, to encoding: String) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", encoding]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Array(data)
    }
}
