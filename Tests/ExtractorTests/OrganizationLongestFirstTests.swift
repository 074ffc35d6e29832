import Testing
import TestSupport
@testable import Extractor

/// Overlapping names resolved in linear time keep the names, and the order,
/// that ranking every name by length then start keeps.
struct OrganizationLongestFirstTests {
    /// The ranking by sort: the longer name wins, then the earlier.
    static func reference(_ candidates: [OrganizationCandidate]) -> [OrganizationCandidate] {
        let ranked = candidates.sorted {
            $0.range.count != $1.range.count ? $0.range.count > $1.range.count : $0.range.lowerBound < $1.range.lowerBound
        }
        let end = candidates.map(\.range.upperBound).max() ?? 0
        var taken = [Bool](repeating: false, count: end)
        var kept: [OrganizationCandidate] = []
        for candidate in ranked where !candidate.range.contains(where: { taken[$0] }) {
            for index in candidate.range { taken[index] = true }
            kept.append(candidate)
        }
        return kept.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Random names, many overlapping, some repeated, in order of their ends
    /// (as the scan finds them) when `inEndOrder`, else shuffled.
    static func candidates(seed: UInt64, inEndOrder: Bool) -> [OrganizationCandidate] {
        var generator = SeededGenerator(seed: seed)
        var candidates: [OrganizationCandidate] = []
        for index in 0..<Int.random(in: 0...80, using: &generator) {
            let start = Int.random(in: 0...60, using: &generator)
            let length = Int.random(in: (seed % 7 == 0 ? 0 : 1)...9, using: &generator)
            candidates.append(OrganizationCandidate(range: start..<(start + length), kind: .government, rule: "test.\(index)"))
            if Bool.random(using: &generator), let last = candidates.last {
                candidates.append(OrganizationCandidate(range: last.range, kind: .party, rule: "test.repeat\(index)"))
            }
        }
        if inEndOrder {
            // Stable: repeats stay in the order found.
            candidates = candidates.enumerated().sorted {
                ($0.element.range.upperBound, $0.offset) < ($1.element.range.upperBound, $1.offset)
            }.map(\.element)
        } else {
            candidates.shuffle(using: &generator)
        }
        return candidates
    }

    @Test(arguments: 0..<200)
    func agreesWithTheSort(seed: Int) {
        for inEndOrder in [true, false] {
            let candidates = Self.candidates(seed: UInt64(seed), inEndOrder: inEndOrder)
            #expect(OrganizationMatcher.longestFirst(candidates) == Self.reference(candidates))
        }
    }

    @Test func keepsTheLongerThenTheEarlierName() {
        let names = [0..<2, 1..<4, 3..<5, 4..<6, 5..<7].map { OrganizationCandidate(range: $0, kind: .government, rule: "t") }
        #expect(OrganizationMatcher.longestFirst(names).map(\.range) == [1..<4, 4..<6])
    }
}

/// Names and note units merged in order of their starts as the stable sort
/// of them all orders them.
struct OrganizationMergeTests {
    @Test(arguments: 0..<100)
    func agreesWithTheStableSort(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed) &+ 77)
        func random(_ rule: String) -> [OrganizationCandidate] {
            (0..<Int.random(in: 0...30, using: &generator)).map { index in
                let start = Int.random(in: 0...20, using: &generator)
                return OrganizationCandidate(range: start..<(start + 2), kind: .government, rule: "\(rule)\(index)")
            }
        }
        var names = random("name")
        if seed % 5 != 0 {
            names = names.enumerated().sorted { ($0.element.range.lowerBound, $0.offset) < ($1.element.range.lowerBound, $1.offset) }.map(
                \.element)
        }
        let units = random("unit")
        let sorted = (names + units).sorted { $0.range.lowerBound < $1.range.lowerBound }
        #expect(OrganizationMatcher.merging(names, units) == sorted)
    }
}
