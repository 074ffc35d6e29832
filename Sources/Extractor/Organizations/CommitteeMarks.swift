/// Where a text holds a 委 and where a Party committee (党委, 市委) ends:
/// whether a name holds either is a binary search in a short list, not a
/// read of the name (names can be as long as a run of places).
struct CommitteeMarks {
    /// The offsets of every 委, ascending.
    private var committees: [Int32] = []
    /// The offsets just past every Party committee, ascending.
    private var partyCommitteeEnds: [Int32] = []

    /// The marks of a short text (a name), read in full.
    init(_ text: [Unicode.Scalar], vocabulary: OrganizationVocabulary) {
        self.init(text, committees: text.indices.filter { text[$0] == "委" }, vocabulary: vocabulary)
    }

    /// The marks of `text` whose 委 stand at `committees`, ascending (``NameSites/committees``).
    init(_ text: [Unicode.Scalar], committees: [Int], vocabulary: OrganizationVocabulary) {
        for index in committees {
            self.committees.append(Int32(index))
            if vocabulary.isPartyCommittee(text, endingAt: index + 1) { partyCommitteeEnds.append(Int32(index + 1)) }
        }
    }

    /// Whether `range` holds a 委.
    func holdsCommittee(_ range: Range<Int>) -> Bool {
        Self.holds(committees, from: range.lowerBound, below: range.upperBound)
    }

    /// Whether a Party committee ends inside `range` after its first two
    /// characters (so the committee's own first character is inside too).
    func holdsPartyCommittee(_ range: Range<Int>) -> Bool {
        range.count >= 2 && Self.holds(partyCommitteeEnds, from: range.lowerBound + 2, below: range.upperBound + 1)
    }

    /// Whether an ascending list holds an offset in `lower..<upper`.
    private static func holds(_ offsets: [Int32], from lower: Int, below upper: Int) -> Bool {
        var low = 0, high = offsets.count  // the first offset ≥ lower
        while low < high {
            let middle = (low + high) / 2
            if Int(offsets[middle]) < lower { low = middle + 1 } else { high = middle }
        }
        return low < offsets.count && Int(offsets[low]) < upper
    }
}
