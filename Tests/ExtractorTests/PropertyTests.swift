import Extractor
import Foundation
import Segmenter
import Testing
import TestSupport

/// Thousands of random policy-like documents through the whole pipeline, in
/// every format: no crash, and every promise of ``ResultInvariants`` and
/// ``PipelineCheck`` holds (spans inside the text, each item's text its
/// original slice, min ≤ max, placeholders without values, unique measure
/// numbers, the same output on a second run, JSON that reads back).
///
/// Seeded, so a failure names the seed and case that replay it, and shrunk,
/// so it shows a small input.
@Suite("Properties of random policy text")
struct PropertyTests {
    /// Cases per seed; the seeds run in parallel. `ZHENGCE_PROPERTY_CASES`
    /// and `ZHENGCE_PROPERTY_SEED` (the first of eight) run more, or others,
    /// when hunting: `ZHENGCE_PROPERTY_CASES=20000 swift test --filter PropertyTests`.
    static let casesPerSeed = ProcessInfo.processInfo.environment["ZHENGCE_PROPERTY_CASES"].flatMap { Int($0) } ?? 400
    static let seeds: [UInt64] = {
        let first = ProcessInfo.processInfo.environment["ZHENGCE_PROPERTY_SEED"].flatMap { UInt64($0) } ?? 1
        return (first..<first + 8).map { $0 }
    }()

    @Test("every promise holds on random documents", arguments: seeds)
    func randomDocuments(seed: UInt64) throws {
        let check = try PipelineCheck()
        var random = SeededGenerator(seed: seed)
        for index in 0..<Self.casesPerSeed {
            let pieces = PolicyTextGenerator.pieces(using: &random)
            let problems = check.problems(bytes: Array(pieces.joined()))
            guard !problems.isEmpty else { continue }
            let small = Self.shrink(pieces, check: check)
            Issue.record(
                """
                seed \(seed), case \(index): \(problems.count) broken promise(s), first: \(problems[0])
                smallest failing input: \(Self.describe(small))
                with: \(check.problems(bytes: small).prefix(3).joined(separator: "\n"))
                """)
            return
        }
    }

    @Test("a generated document is the same for the same seed")
    func generatorIsDeterministic() {
        var first = SeededGenerator(seed: 42), second = SeededGenerator(seed: 42)
        for _ in 0..<20 {
            #expect(PolicyTextGenerator.pieces(using: &first) == PolicyTextGenerator.pieces(using: &second))
        }
    }

    @Test("the checker catches a broken promise")
    func checkerCanFail() throws {
        // A hand-broken result: a span past the end, a text that is not the
        // slice, min above max, a redacted value, a measure number used twice.
        let document = TextDocument(text: "给予50万元奖补")
        var result = ExtractionResult(
            source: Source(
                path: "x", sha256: String(repeating: "0", count: 64), encoding: "UTF-8",
                format: "plain", characters: document.original.count))
        #expect(ResultInvariants.violations(of: result, document: document).isEmpty)
        result.amounts = [
            Amount(text: "50万元", span: Span(start: 2, end: 6), min: 500_000, max: 500_000, rule: "test"),
            Amount(text: "50万元", span: Span(start: 2, end: 60), min: 500_000, max: 500_000, rule: "test"),
            Amount(text: "50万", span: Span(start: 2, end: 6), min: 500_000, max: 500_000, rule: "test"),
            Amount(text: "50万元", span: Span(start: 2, end: 6), min: 600_000, max: 500_000, rule: "test"),
            Amount(text: "50万元", span: Span(start: 2, end: 6), min: 500_000, max: nil, redacted: true, rule: "test"),
        ]
        result.measures = [
            Measure(number: "1", title: "a", span: Span(start: 0, end: 8), rule: "test"),
            Measure(number: "1", title: "b", span: Span(start: 0, end: 8), rule: "test"),
        ]
        let problems = ResultInvariants.violations(of: result, document: document)
        #expect(problems.count == 5, "\(problems)")
    }

    /// Drops pieces while the input still fails, to show a small case.
    static func shrink(_ pieces: [[UInt8]], check: PipelineCheck) -> [UInt8] {
        var pieces = pieces
        var index = 0
        while index < pieces.count {
            var smaller = pieces
            smaller.remove(at: index)
            if !smaller.isEmpty, !check.problems(bytes: Array(smaller.joined())).isEmpty {
                pieces = smaller
            } else {
                index += 1
            }
        }
        return Array(pieces.joined())
    }

    /// Bytes as readable text when they are UTF-8, else as hex.
    static func describe(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text.debugDescription }
        return bytes.map { String(format: "%02x", $0) }.joined(separator: " ")
    }
}
