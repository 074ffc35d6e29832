/// Where in a document the organisation reader has anything to read, found
/// in one pass over the text: one bitmap test turns away the characters that
/// can neither end a level word or a body's name, nor be a 委, nor follow a
/// department acting as a subject (most of them), and the few left are sorted
/// into lists that the gazetteer, the committee marks and the scan walk.
///
/// Every list is a superset of the offsets its reader would accept: a reader
/// still runs its exact test at each.
struct NameSites {
    /// Offsets just past a character that may end a level word (市, 县, 镇), ascending.
    private(set) var levelEnds: [Int] = []
    /// Offsets of every 委, ascending.
    private(set) var committees: [Int] = []
    /// Offsets just past a character that may end an organ's ending or a national body, ascending.
    private(set) var bodyEnds: [Int] = []
    /// Offsets where a department stem may end and what follows may open its
    /// verb as a subject (`市财政|要统筹`), ascending.
    private(set) var abbreviationEnds: [Int] = []

    init(_ text: [Unicode.Scalar], vocabulary: OrganizationVocabulary) {
        var levelEnds: [Int] = [], committees: [Int] = [], bodyEnds: [Int] = [], abbreviationEnds: [Int] = []
        vocabulary.forEachPossibleSite(in: text) { index in
            let scalar = text[index]
            if vocabulary.mayEndLevel(scalar) { levelEnds.append(index + 1) }
            if scalar == "委" { committees.append(index) }
            if vocabulary.mayEndNamedBody(scalar) { bodyEnds.append(index + 1) }
            if index > 0, vocabulary.mayEndAbbreviation(text[index - 1], before: scalar) { abbreviationEnds.append(index) }
        }
        self.levelEnds = levelEnds
        self.committees = committees
        self.bodyEnds = bodyEnds
        self.abbreviationEnds = abbreviationEnds
    }
}
