import Testing
@testable import Extractor

/// Grouping by bytes must give the groups that grouping by strings gives.
@Suite("First mentions")
struct FirstMentionsTests {
    @Test func groupsInOrderOfFirstMention() {
        let mentions = FirstMentions(["市人社局", "市财政局", "市人社局", "《办法》", "市财政局", "市人社局"])
        #expect(mentions.groups == [0, 1, 0, 2, 1, 0])
        #expect(mentions.sizes == [3, 2, 1])
        #expect(mentions.counts == [3, 2, 3, 1, 2, 3])
    }

    @Test func canonicallyEquivalentStringsShareAGroup() {
        // Precomposed and decomposed é, and a compatibility ideograph with its unified twin.
        let mentions = FirstMentions(["caf\u{E9}局", "cafe\u{301}局", "\u{F900}局", "\u{8C48}局", "市委"])
        #expect(mentions.groups == [0, 0, 1, 1, 2])
    }

    @Test func agreesWithStringGroupingOnTheCorpusNames() {
        let names = ["石嘴山市人民政府", "市委组织部", "石嘴山市人民政府", "中卫市人社局", "市委组织部", "团县委"]
        var expected: [String: Int] = [:]
        let groups = names.map { name in
            if let group = expected[name] { return group }
            expected[name] = expected.count
            return expected.count - 1
        }
        #expect(FirstMentions(names).groups == groups)
    }
}
