/// Reads `metadata.region` (spec §5): the administrative division of the
/// issuing body, from the issuers' names, the title and the 文号's prefix,
/// against the bundled GB/T 2260 table.
///
/// A name is read from its start as a chain of divisions, each inside the one
/// before (`上海市` `奉贤区` → 奉贤区); the deepest is the region. A central
/// body (`国务院办公厅`, `教育部`) is the nation. A division name shared by
/// several divisions (朝阳区 of 北京市 and of 长春市) is told apart by a
/// province or city named nearby: in another issuer, the title, the 文号's
/// province abbreviation, or else the text; when none tells, the region is
/// null and a diagnostic says why.
struct RegionReader: Sendable {
    let table: DivisionTable
    let vocabulary: FieldsVocabulary

    /// What a name says about its body's division.
    enum Reading: Equatable {
        /// A central body.
        case national
        /// The divisions the name may mean (more than one when ambiguous).
        case divisions([Int])
    }

    /// The region and, when a name could not be resolved, a diagnostic.
    func read(_ metadata: Metadata, text: [Unicode.Scalar]) -> (region: Region?, diagnostic: Diagnostic?) {
        var sources: [(reading: Reading, rule: String)] = []
        for issuer in metadata.issuers {
            if let reading = readName(issuer) { sources.append((reading, "region.issuer")) }
        }
        if let title = metadata.title {
            let scalars = Array(title.unicodeScalars)
            // The organ that opens a title (`上海市人民政府办公厅关于…`).
            let organEnd = Self.find(Array("关于".unicodeScalars), in: scalars) ?? 0
            if organEnd > 0, let reading = readName(String(String.UnicodeScalarView(scalars[..<organEnd]))) {
                sources.append((reading, "region.title-organ"))
            } else if vocabulary.nationalBodies.contains(where: { scalars.starts(with: $0) }), chain(at: 0, in: scalars) == nil {
                // A central title (`中华人民共和国…条例`, `国务院关于…`).
                sources.append((.national, "region.title-organ"))
            }
            if let reading = firstDivision(in: scalars) { sources.append((reading, "region.title")) }
        }
        if let number = metadata.documentNumber, let reading = readDocumentNumber(number) {
            sources.append((reading, "region.document-number"))
        }
        guard let first = sources.first else { return (nil, nil) }
        switch first.reading {
        case .national:
            var region = Region.national
            region.rule = first.rule + ".national"
            return (region, nil)
        case .divisions(let candidates):
            if candidates.count == 1 { return (table.region(candidates[0], rule: first.rule), nil) }
            // Nearby names first: every other source's divisions.
            let context = sources.dropFirst().flatMap { source -> [Int] in
                if case .divisions(let found) = source.reading, found.count == 1 { return found }
                return []
            }
            if let chosen = choose(candidates, inside: context) {
                return (table.region(chosen, rule: first.rule + "+nearby"), nil)
            }
            if let chosen = choose(candidates, mentionedIn: text) {
                return (table.region(chosen, rule: first.rule + "+text"), nil)
            }
            let name = table.divisions[candidates[0]].name
            let options = candidates.map { index -> String in
                let division = table.divisions[index]
                let parent = division.parent.map { table.divisions[$0].name } ?? ""
                return "\(division.code) \(parent)\(division.name)"
            }.joined(separator: ", ")
            let message =
                "the issuer's division \(name) is ambiguous (\(options)) and no province or city named nearby tells which: region left null"
            return (nil, Diagnostic(severity: .note, message: message, span: nil, rule: "region.ambiguous"))
        }
    }

    /// The candidate that lies inside one of `context`'s divisions (or contains one), if exactly one does.
    private func choose(_ candidates: [Int], inside context: [Int]) -> Int? {
        let fitting = candidates.filter { candidate in
            context.contains { table.contains($0, candidate) || table.contains(candidate, $0) }
        }
        return fitting.count == 1 ? fitting[0] : nil
    }

    /// The candidate whose province or city is named in the text, if exactly one's is.
    private func choose(_ candidates: [Int], mentionedIn text: [Unicode.Scalar]) -> Int? {
        let fitting = candidates.filter { candidate in
            var current = table.divisions[candidate].parent
            while let at = current {
                if Self.find(Array(table.divisions[at].name.unicodeScalars), in: text) != nil { return true }
                current = table.divisions[at].parent
            }
            return false
        }
        return fitting.count == 1 ? fitting[0] : nil
    }

    /// What the name of a body says: the chain of divisions it opens with,
    /// or the nation for a central body; nil when it names no division.
    func readName(_ name: String) -> Reading? {
        var scalars = Array(name.unicodeScalars.filter { !ScalarClass.isSpace($0) })
        for prefix in vocabulary.partyPrefixes where scalars.starts(with: prefix) {
            scalars.removeFirst(prefix.count)
            break
        }
        if let chain = chain(at: 0, in: scalars) { return .divisions(chain) }
        if vocabulary.nationalBodies.contains(where: { scalars.starts(with: $0) }) {
            // A central body's local office (`国家税务总局上海市税务局`) is of its division.
            if let inner = firstDivision(in: scalars) { return inner }
            return .national
        }
        let levels = vocabulary.levelCharacters
        if vocabulary.nationalEndings.contains(where: { scalars.reversed().starts(with: $0.reversed()) }),
            !scalars.contains(where: levels.contains)
        {
            return .national
        }
        return nil
    }

    /// The chain of divisions named from `start`, as the candidates for its deepest division.
    private func chain(at start: Int, in scalars: [Unicode.Scalar]) -> [Int]? {
        var position = start
        var current: [Int]? = nil
        while position < scalars.count {
            let found = table.names(at: position, in: scalars)
            var advanced = false
            for (length, divisions) in found {
                let inside =
                    current.map { outer in
                        divisions.filter { candidate in outer.contains { table.contains($0, candidate) && $0 != candidate } }
                    } ?? divisions
                if !inside.isEmpty {
                    current = inside
                    position += length
                    advanced = true
                    break
                }
            }
            if !advanced { break }
        }
        return current
    }

    /// The first chain of divisions anywhere in `scalars` that opens with a
    /// province or a city (a county's name alone, such as 城区 or 郊区, is
    /// too often a common word inside a phrase).
    private func firstDivision(in scalars: [Unicode.Scalar]) -> Reading? {
        for start in scalars.indices {
            let opens = table.names(at: start, in: scalars).contains { found in
                found.divisions.contains { table.divisions[$0].level != "county" }
            }
            if opens, let chain = chain(at: start, in: scalars) { return .divisions(chain) }
        }
        return nil
    }

    /// The 文号's prefix: `国办发` is central; a province abbreviation
    /// (`沪`, `粤`) gives the province.
    private func readDocumentNumber(_ number: String) -> Reading? {
        let scalars = Array(number.unicodeScalars)
        guard let first = scalars.first else { return nil }
        // The prefix is what stands before 〔year〕 (even when a title ran into it: `…的通知国发〔2007〕37号`).
        let prefix = scalars[..<(scalars.firstIndex { $0 == "〔" || $0 == "[" || $0 == "（" || $0 == "(" } ?? scalars.endIndex)]
        if vocabulary.centralNumberPrefixes.contains(where: { prefix.count >= $0.count && prefix.suffix($0.count).elementsEqual($0) }) {
            return .national
        }
        if let code = vocabulary.provinceAbbreviations[first], let index = table.index(code: code) {
            return .divisions([index])
        }
        return nil
    }

    /// The offset of the first occurrence of `needle` in `haystack`.
    static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        var index = 0
        while index + needle.count <= haystack.count {
            if haystack[index] == needle[0], haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
