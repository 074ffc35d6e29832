import Foundation
import Testing
import TestSupport
@testable import Extractor

/// The streaming JSON encoder writes exactly the bytes of the reference tree
/// encoder: on real documents, on random ones, and on every odd use of the
/// `Encoder` protocol.
@Suite("Streaming JSON")
struct StreamingJSONTests {
    /// Both encoders' bytes, compact and pretty.
    private static func expectSame<T: Encodable>(
        _ value: T, _ comment: @autoclosure () -> String = "",
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        for pretty in [false, true] {
            let reference = try OrderedJSONEncoder(pretty: pretty).encode(value)
            let streamed = try StreamingJSONEncoder(pretty: pretty).encode(value)
            #expect(
                streamed == reference,
                "\(comment()) pretty: \(pretty)\nstreamed:  \(String(decoding: streamed, as: UTF8.self).prefix(400))\nreference: \(String(decoding: reference, as: UTF8.self).prefix(400))",
                sourceLocation: sourceLocation)
        }
    }

    /// The registry-driven writer's bytes (``JSONWriter``, what batches
    /// write) and the reference encoder's, compact and pretty.
    private static func expectWriterSame<T: Encodable & JSONMembers>(
        _ value: T, _ comment: @autoclosure () -> String = "",
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        for pretty in [false, true] {
            let reference = try OrderedJSONEncoder(pretty: pretty).encode(value)
            let written = JSONWriter.bytes(value, pretty: pretty)
            #expect(
                written == reference,
                "\(comment()) pretty: \(pretty)\nwritten:   \(String(decoding: written ?? [], as: UTF8.self).prefix(400))\nreference: \(String(decoding: reference, as: UTF8.self).prefix(400))",
                sourceLocation: sourceLocation)
        }
    }

    /// The documents of a folder of the repository, sorted.
    private static func files(_ folder: String) -> [URL] {
        let url = Repository.root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { url.appendingPathComponent($0) }
    }

    /// The record of a document, as a batch writes it, and the same with
    /// pages (each item then gets a `page` after its own fields).
    private static func records(_ bytes: [UInt8], name: String, extractor: DocumentExtractor) -> [DocumentRecord] {
        guard var result = try? extractor.extract(bytes: bytes, path: name) else {
            let failure = DocumentFailure(path: name, sha256: nil, kind: .undecodable, reason: "not text")
            return [DocumentRecord(documentId: name, outcome: .failed(failure))]
        }
        var records = [DocumentRecord(documentId: name, outcome: .extracted(result))]
        let length = result.source.characters
        result.source.pageStarts = [0, length / 3, length / 2 + 1]
        records.append(DocumentRecord(documentId: name + "#paged", outcome: .extracted(result)))
        return records
    }

    @Test func recordsOfTheCorpusAndTheDevSet() throws {
        let extractor = try DocumentExtractor()
        let urls = Repository.corpus + Self.files("Fixtures/dev/corpus") + Self.files("Fixtures/heldout/docs")
        #expect(urls.count >= 10)
        for url in urls {
            for record in Self.records(Repository.bytes(url), name: url.lastPathComponent, extractor: extractor) {
                try Self.expectSame(record, record.documentId)
                try Self.expectSame(record.result, record.documentId + " (result)")
                try Self.expectWriterSame(record, record.documentId)
                if let result = record.result { try Self.expectWriterSame(result, record.documentId + " (result)") }
            }
        }
    }

    @Test func recordsOfRandomDocuments() throws {
        let extractor = try DocumentExtractor()
        var random = SeededGenerator(seed: 17)
        for index in 0..<300 {
            let bytes = PolicyTextGenerator.pieces(using: &random).flatMap { $0 }
            for record in Self.records(bytes, name: "random-\(index).txt", extractor: extractor) {
                try Self.expectSame(record, record.documentId)
                try Self.expectWriterSame(record, record.documentId)
            }
        }
    }

    /// Every field of every type filled, pages included: the writer's member
    /// lists must follow each model's `encode(to:)` (a field added to a model
    /// and not to ModelJSON.swift fails here).
    @Test func everyFieldFilled() throws {
        var result = FilledResult.value
        result.metadata?.docType = "通知"; result.metadata?.policyType = "办法"
        result.metadata?.effectiveDate = "2020-10-01"; result.metadata?.expiryDate = "2025-09-30"
        result.metadata?.region = Region(code: "640200", name: "石嘴山市", level: "city", rule: "region.issuer")
        result.measures[0].kind = .article
        result.measures[0].instruments = [
            InstrumentTag(
                type: "supply", tool: "资金投入", cue: "补贴", span: Span(start: 22, end: 24),
                rule: "instrument.cue")
        ]
        result.deadlines = [
            Deadline(
                text: "2025年底前", span: Span(start: 85, end: 92), date: "2025-12-31", measure: "3.1",
                rule: "deadline.year-end")
        ]
        result.amounts.append(
            Amount(
                text: "-0.05元", span: Span(start: 54, end: 58), min: Decimal(string: "-0.05"),
                max: Decimal(string: "1e30"), rule: "amount.test"))
        for pages in [nil, [0, 50, 100]] as [[Int]?] {
            result.source.pageStarts = pages
            try Self.expectWriterSame(result)
            try Self.expectWriterSame(DocumentRecord(documentId: "通知", outcome: .extracted(result)))
            var older = result
            older.schemaVersion = 1
            try Self.expectWriterSame(DocumentRecord(documentId: "old", outcome: .extracted(older)))
        }
        try Self.expectWriterSame(ExtractionResult(source: FilledResult.value.source))
    }

    @Test func failureRecords() throws {
        for kind in DocumentFailure.Kind.allCases {
            let failure = DocumentFailure(path: "a/\"b\"\n.txt", sha256: kind == .damaged ? nil : "00ff", kind: kind, reason: "原因\t")
            try Self.expectSame(DocumentRecord(documentId: "a/b.txt", outcome: .failed(failure)))
            try Self.expectWriterSame(DocumentRecord(documentId: "a/b.txt", outcome: .failed(failure)))
        }
    }

    // MARK: Odd uses of the Encoder protocol

    private enum Keys: String, CodingKey { case a, b, c, longerKeyName, 重复 }

    /// Writes a key twice, with values of other lengths, in the middle of other keys.
    private struct Rewrites: Encodable {
        var second: Int
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode("first", forKey: .a)
            try c.encode([1, 2, 3], forKey: .b)
            try c.encode(second, forKey: .a)
            try c.encode(Span(start: 1, end: 2), forKey: .c)
            var nested = c.nestedContainer(keyedBy: Keys.self, forKey: .b)
            try nested.encode(true, forKey: .重复)
            try c.encodeNil(forKey: .longerKeyName)
            try c.encode("x", forKey: .c)
            try c.encode(["再": "一次"], forKey: .longerKeyName)
        }
    }

    /// Writes its keys, then lets a wrapped value write into the same object, then writes more.
    private struct Wrapper<Inner: Encodable>: Encodable {
        var inner: Inner
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(1, forKey: .a)
            try inner.encode(to: encoder)
            var again = encoder.container(keyedBy: Keys.self)
            try again.encode(2, forKey: .longerKeyName)
            try again.encode(3, forKey: .a)
        }
    }

    /// Uses a nested container after its parent wrote again (does not stream).
    private struct LateNested: Encodable {
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            var nested = c.nestedUnkeyedContainer(forKey: .a)
            try c.encode(1, forKey: .b)
            try nested.encode("late")
            try c.encode(2, forKey: .c)
        }
    }

    private struct SuperUser: Encodable {
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(1, forKey: .a)
            try Span(start: 3, end: 4).encode(to: c.superEncoder(forKey: .b))
            try c.encode(2, forKey: .c)
        }
    }

    private struct TwoSingles: Encodable {
        func encode(to encoder: Encoder) throws {
            var single = encoder.singleValueContainer()
            try single.encode(1)
            try single.encode("two")
        }
    }

    private struct Silent: Encodable {
        func encode(to encoder: Encoder) throws {}
    }

    private struct EmptyContainers: Encodable {
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            _ = c.nestedContainer(keyedBy: Keys.self, forKey: .a)
            _ = c.nestedUnkeyedContainer(forKey: .b)
            try c.encode(Silent(), forKey: .c)
            try c.encode([Silent(), Silent()], forKey: .longerKeyName)
        }
    }

    private struct Numbers: Encodable {
        func encode(to encoder: Encoder) throws {
            var c = encoder.unkeyedContainer()
            try c.encode(Int.min); try c.encode(Int.max); try c.encode(0); try c.encode(-7); try c.encode(10)
            try c.encode(UInt8(255)); try c.encode(Int64(-3)); try c.encode(UInt64.max)
            try c.encode(1.5); try c.encode(2.0); try c.encode(Float(0.25)); try c.encode(1e300); try c.encode(-0.0)
            try c.encode(Decimal(string: "-123.4500")!); try c.encode(Decimal(string: "1e20")!)
            try c.encode(URL(string: "https://example.org/a?b=c")!)
            try c.encode(Int?.none); try c.encode(Int??.some(nil)); try c.encode(Bool?.some(false))
            try c.encode(Double?.some(3.25)); try c.encode(Span?.none); try c.encode(Span?.some(Span(start: 0, end: 9)))
            var nested = c.nestedContainer(keyedBy: Keys.self)
            try nested.encode(Int8(-8), forKey: .a)
            var list = c.nestedUnkeyedContainer()
            try list.encode("在")
        }
    }

    private final class Box: Encodable {
        let value = ["k": 1]
        func encode(to encoder: Encoder) throws {
            var single = encoder.singleValueContainer()
            try single.encode(value)
        }
    }

    private enum Shape: String, Encodable { case round, 方 }

    @Test func oddEncoders() throws {
        try Self.expectSame(Rewrites(second: 2))
        try Self.expectSame(Rewrites(second: 123_456_789))
        try Self.expectSame(Wrapper(inner: Rewrites(second: 5)))
        try Self.expectSame(Wrapper(inner: Span(start: 1, end: 2)))
        try Self.expectSame([Wrapper(inner: Wrapper(inner: Span(start: 1, end: 2)))])
        try Self.expectSame(LateNested())
        try Self.expectSame([LateNested(), LateNested()])
        try Self.expectSame(SuperUser())
        try Self.expectSame(TwoSingles())
        try Self.expectSame(Silent())
        try Self.expectSame([Silent()])
        try Self.expectSame(EmptyContainers())
        try Self.expectSame(Numbers())
        try Self.expectSame([Box(), Box()])
        try Self.expectSame([Shape.round, .方])
        try Self.expectSame(["b": [Shape.round], "a": []])
        try Self.expectSame("top \"level\"\n")
        try Self.expectSame(42)
        try Self.expectSame(Decimal(string: "0.1"))
        try Self.expectSame(String?.none)
        try Self.expectSame([[[Int]]]([[[1], []], []]))
    }

    @Test func errorsAreTheReferenceErrors() {
        #expect(throws: EncodingError.self) { try StreamingJSONEncoder().encode([Decimal.nan]) }
        #expect(throws: EncodingError.self) { try StreamingJSONEncoder().encode(["a": [Double.infinity]]) }
        #expect(throws: EncodingError.self) { try StreamingJSONEncoder().encode(Float.nan) }
    }

    @Test func stringsWithEveryEscape() throws {
        var random = SeededGenerator(seed: 4)
        let pieces = ["\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1}", "\u{1F}", "\u{7F}", "/", "é", "市", "😀", "a", "\u{2028}"]
        for _ in 0..<200 {
            let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            try Self.expectSame([text: [text]])
        }
    }

    @Test func wordTestFindsEveryByteToEscape() {
        var random = SeededGenerator(seed: 9)
        let interesting: [UInt8] = [0, 1, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0x9F, 0xA0, 0xE5, 0xFF]
        var wrong: [UInt64] = []
        for _ in 0..<200_000 {
            var word: UInt64 = 0, expected = false
            for position in 0..<8 {
                let byte =
                    Int.random(in: 0..<3, using: &random) == 0
                    ? UInt8.random(in: 0...255, using: &random)
                    : interesting.randomElement(using: &random)!
                word |= UInt64(byte) << (8 * position)
                expected = expected || byte < 0x20 || byte == 0x22 || byte == 0x5C
            }
            if JSONStream.needsEscape(word) != expected { wrong.append(word) }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5).map { String($0, radix: 16) })")
    }

    @Test func decimalsAreWrittenAsTheirDescription() throws {
        var random = SeededGenerator(seed: 11)
        var values: [Decimal] = [
            "0", "-0", "0.0", "2.50", "100", "1e3", "-1e-3", "0.000", "12345678901234567890", "123456789012345678901",
            "18446744073709551615", "18446744073709551616", "1e40", "1e41", "1e-40", "1e-41", "5e127", "-0.5",
        ]
        .compactMap { Decimal(string: $0) }
        for _ in 0..<20_000 {
            let digits = Int.random(in: 1...22, using: &random)
            let significand = String((0..<digits).map { _ in "0123456789".randomElement(using: &random)! })
            let exponent = Int.random(in: -50...50, using: &random)
            let sign = Bool.random(using: &random) ? "-" : ""
            if let value = Decimal(string: "\(sign)\(significand)e\(exponent)") { values.append(value) }
            if let value = Decimal(string: significand) {
                values.append(Decimal(sign: sign.isEmpty ? .plus : .minus, exponent: exponent, significand: value))
                values.append(value * Decimal(string: "0.0001")! + Decimal(Int.random(in: -9...9, using: &random)))
            }
        }
        var wrong: [String] = []
        for value in values where value.isFinite {
            var bytes = JSONBytes(capacity: 8)
            defer { bytes.deallocate() }
            guard DecimalDigits.write(value, to: &bytes) else { continue }
            let written = String(decoding: UnsafeBufferPointer(start: bytes.base, count: bytes.count), as: UTF8.self)
            if written != value.description { wrong.append("\(written) for \(value.description)") }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
        try Self.expectSame(values)
    }
}

@Suite("Integer digits")
struct IntegerDigitsTests {
    /// The digits written into both kinds of sink are `String(value)`'s, at the edges and at every length.
    @Test func digitsAreTheDescription() {
        var values: [Int] = [0, 1, 9, 10, 11, 99, 100, -1, -9, -10, -100, .max, .min, .max - 1, .min + 1]
        var power = 1
        for _ in 0..<18 {
            power *= 10
            values += [power - 1, power, power + 1, -power, -(power - 1)]
        }
        var wrong: [String] = []
        for value in values {
            var bytes = JSONBytes(capacity: 4)
            defer { bytes.deallocate() }
            IntegerDigits.write(value, to: &bytes)
            let fromBuffer = String(decoding: UnsafeBufferPointer(start: bytes.base, count: bytes.count), as: UTF8.self)
            var array: [UInt8] = [UInt8(ascii: ",")]
            IntegerDigits.write(value, to: &array)
            let fromArray = String(decoding: array.dropFirst(), as: UTF8.self)
            if fromBuffer != String(value) || fromArray != String(value) { wrong.append("\(fromBuffer) \(fromArray) for \(value)") }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }
}
