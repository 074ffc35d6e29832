/// Where a text holds a 委 and where a Party committee (党委, 市委) ends, as
/// counts before every offset: whether a name holds either is two lookups,
/// not a read of the name (names can be as long as a run of places).
struct CommitteeMarks {
    /// The number of 委 before each offset.
    private let committees: [Int32]
    /// The number of Party committees ending at or before each offset.
    private let partyCommittees: [Int32]

    init(_ text: [Unicode.Scalar], vocabulary: OrganizationVocabulary) {
        var committees = [Int32](repeating: 0, count: text.count + 1)
        var partyCommittees = committees
        var committeeCount: Int32 = 0, partyCount: Int32 = 0
        for index in text.indices {
            if text[index] == "委" {
                committeeCount += 1
                if vocabulary.isPartyCommittee(text, endingAt: index + 1) { partyCount += 1 }
            }
            committees[index + 1] = committeeCount
            partyCommittees[index + 1] = partyCount
        }
        self.committees = committees
        self.partyCommittees = partyCommittees
    }

    /// Whether `range` holds a 委.
    func holdsCommittee(_ range: Range<Int>) -> Bool {
        !range.isEmpty && committees[range.upperBound] > committees[range.lowerBound]
    }

    /// Whether a Party committee ends inside `range`, after its first character
    /// (the committee's own first character is inside too).
    func holdsPartyCommittee(_ range: Range<Int>) -> Bool {
        range.count >= 2 && partyCommittees[range.upperBound] > partyCommittees[range.lowerBound + 1]
    }
}
