import Foundation
import Testing
import TestSupport
@testable import Segmenter
import TextTools

/// The offset map holds on every corpus document: every character of the
/// normalised text comes from its original slice, and any span of the
/// normalised text maps to an original slice that holds exactly what was
/// normalised plus what normalisation drops (spaces, breaks, page numbers, markup).
@Suite("Offset round trip")
struct OffsetRoundTripTests {
    static let documents: [URL] = Repository.corpus

    @Test(arguments: documents)
    func everyCharacterComesFromItsOriginalSlice(_ url: URL) throws {
        let document = try TextDocument(bytes: Repository.bytes(url), path: url.path)
        let text = document.text
        var previousEnd: Int32 = 0
        for index in 0..<text.count {
            let start = text.starts[index], end = text.ends[index]
            #expect(start <= end && start >= 0 && Int(end) <= document.original.count)
            #expect(start >= previousEnd || text[index] == "\n", "mapping goes backwards at \(index)")
            previousEnd = Swift.max(previousEnd, end)
            let scalar = text[index]
            if scalar == "\n" || scalar == " " { continue }
            let slice = document.original[Int(start)..<Int(end)]
            if slice.count == 1 {
                #expect(WidthFolding.fold(slice.first!) == scalar, "\(scalar) at \(index) from \(String(String.UnicodeScalarView(slice)))")
            } else {
                #expect(slice.first == "&", "only an HTML entity spans several characters")
            }
        }
    }

    @Test(arguments: documents)
    func randomSpansMapToWhatWasNormalised(_ url: URL) throws {
        let document = try TextDocument(bytes: Repository.bytes(url), path: url.path)
        let text = document.text
        var covered = [Bool](repeating: false, count: document.original.count)
        for index in 0..<text.count where text[index] != "\n" && text[index] != " " {
            for offset in Int(text.starts[index])..<Int(text.ends[index]) { covered[offset] = true }
        }
        let dropped = droppedMaterial(document)
        var generator = SeededGenerator(seed: UInt64(document.original.count))
        for _ in 0..<2_000 {
            let start = Int(generator.next() % UInt64(text.count))
            let length = 1 + Int(generator.next() % 60)
            let range = start..<Swift.min(text.count, start + length)
            let original = document.originalRange(of: range)
            // What the original slice holds besides the normalised characters is only dropped material.
            let kept = original.filter { covered[$0] }.map { WidthFolding.fold(document.original[$0]) }
            for offset in original where !covered[offset] {
                #expect(
                    dropped[offset],
                    "\(url.lastPathComponent): original \(offset) \(document.original[offset]) is neither normalised nor droppable")
            }
            // And the normalised characters appear in the same order.
            let normalised = text.scalars[range].filter { $0 != "\n" && $0 != " " }
            if document.format == .plain {
                #expect(Array(kept) == Array(normalised), "\(url.lastPathComponent) span \(range)")
            }
        }
    }

    /// Original characters that normalisation may leave out.
    private func droppedMaterial(_ document: TextDocument) -> [Bool] {
        var dropped = document.original.map { $0.properties.isWhitespace || $0 == "\u{FEFF}" }
        switch document.format {
        case .plain:
            // Page-number lines.
            for line in document.originalLines {
                let content = document.original[line].filter { !$0.properties.isWhitespace }
                if content.count >= 3, content.count <= 8, "-—–".unicodeScalars.contains(content.first!),
                    content.dropFirst().dropLast().allSatisfy({ ("0"..."9").contains($0) || $0 == " " })
                {
                    for offset in line { dropped[offset] = true }
                }
            }
        case .markdown, .html:
            // Markup: everything a markup reader may strip (checked per character above).
            for offset in dropped.indices { dropped[offset] = true }
        }
        return dropped
    }
}
