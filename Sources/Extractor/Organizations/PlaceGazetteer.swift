import TextTools

/// Place names a document itself vouches for: a run of two to four characters
/// that stands before a level word right after punctuation or at a line start
/// (`。中卫市人社局`, `，中阳县宁乡镇`). Elsewhere the same run may follow a
/// verb (`推进石嘴山市政府特聘专家计划`) and is still known as a place.
/// Provinces are learnt the same way before 省 and 自治区 (`南川省财政厅`),
/// apart from the other places, so that only they stand before those levels.
struct PlaceGazetteer: Sendable {
    private var names = Set<[Unicode.Scalar]>()
    private var provinces = Set<[Unicode.Scalar]>()

    /// The places of `text`, read before the level words that may end at
    /// `levelEnds` (``NameSites/levelEnds``).
    init(_ text: [Unicode.Scalar], levelEnds: [Int], vocabulary: OrganizationVocabulary = .shared) {
        var names = Set<[Unicode.Scalar]>(), provinces = Set<[Unicode.Scalar]>()
        for end in levelEnds {
            guard end < text.count, case let level = vocabulary.levels.matchLengthEnding(text, before: end), level > 0,
                end - level >= 2
            else { continue }
            let placeEnd = end - level
            let provincial = vocabulary.provincialLevels.matchLengthEnding(text, before: end) == level
            if provincial, !vocabulary.learnedProvincialLevels.contains(text[placeEnd..<end]) { continue }
            let placeable = vocabulary.placeableLengths(endingAt: placeEnd, in: text)
            for length in 2...4 where placeEnd - length >= 0 {
                let start = placeEnd - length
                guard placeable & (1 << length) != 0 else { continue }
                let opens = start == 0 || !ScalarClass.isNameCharacter(text[start - 1])
                let prefixed = vocabulary.prefixes.matchEnding(text, before: start) != nil
                guard (opens && length <= 3) || prefixed else { continue }
                if provincial { provinces.insert(Array(text[start..<placeEnd])) } else { names.insert(Array(text[start..<placeEnd])) }
            }
        }
        self.names = names
        self.provinces = provinces
    }

    /// Whether the document vouches for `chunk` as a place name.
    func contains(_ chunk: ArraySlice<Unicode.Scalar>) -> Bool { names.contains(Array(chunk)) }

    /// Whether the document vouches for `chunk` as a province's name.
    func containsProvince(_ chunk: ArraySlice<Unicode.Scalar>) -> Bool { provinces.contains(Array(chunk)) }

    /// The number of places known.
    var count: Int { names.count }
}
