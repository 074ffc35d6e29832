/// The 文种 of a document and of the policy it carries (spec §5 `docType`,
/// `policyType`), read from the title.
struct DocumentKind: Sendable {
    let vocabulary: FieldsVocabulary

    /// `docType` and `policyType` of a document titled `title`; both nil for
    /// a news report. A document without a list of measures (genre `report`)
    /// is still a 公文 when it has a 文号 or its title is one (`…关于…的通知`).
    func read(title: String?, genre: String, documentNumber: String?) -> (docType: String?, policyType: String?) {
        guard let title else { return (nil, nil) }
        let scalars = Array(title.unicodeScalars.filter { !ScalarClass.isSpace($0) })
        if genre == "report", documentNumber == nil, RegionReader.find(Array("关于".unicodeScalars), in: scalars) == nil {
            return (nil, nil)
        }
        guard let docType = ending(of: scalars[...]) else { return (nil, nil) }
        return (docType, carried(in: scalars) ?? docType)
    }

    /// The 文种 that ends `text`, past closing brackets, quotes and a bracketed
    /// remark (`（试行）`, `（2024-2026年）`, `（征求意见稿）`).
    func ending(of text: ArraySlice<Unicode.Scalar>) -> String? {
        var text = text
        while let last = text.last {
            if last == "》" || last == "”" || last == "\"" || last == "」" || last == "。" {
                text.removeLast()
            } else if last == "）" || last == ")" {
                // A bracketed remark at the end: drop it whole.
                guard let open = text.lastIndex(where: { $0 == "（" || $0 == "(" }) else { return nil }
                text = text[..<open]
            } else {
                break
            }
        }
        for word in vocabulary.docTypes where text.count >= word.count && text.suffix(word.count).elementsEqual(word) {
            return String(String.UnicodeScalarView(word))
        }
        return nil
    }

    /// The 文种 of the policy a notice carries: `关于印发《…实施意见》的通知` →
    /// `意见`; `关于印发上海市…实施方案的通知` → `方案`. Nil when the title
    /// issues nothing.
    private func carried(in title: [Unicode.Scalar]) -> String? {
        for verb in vocabulary.issueVerbs {
            guard let at = RegionReader.find(verb, in: title) else { continue }
            var rest = title[(at + verb.count)...]
            if rest.first == "《" {
                guard let close = rest.firstIndex(of: "》") else { return nil }
                return ending(of: title[(rest.startIndex + 1)..<close])
            }
            // No brackets: the policy runs to the last 的 before the title's own
            // 文种. A carried title of its own (`转发市财政局关于…的通知`) shares
            // that 文种 with the title: the policy is a notice too.
            guard let of = rest.lastIndex(of: "的") else { return nil }
            rest = title[rest.startIndex..<of]
            if RegionReader.find(Array("关于".unicodeScalars), in: Array(rest)) != nil { return nil }
            return ending(of: rest)
        }
        return nil
    }
}
