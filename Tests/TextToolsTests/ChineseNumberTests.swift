import Testing
import TextTools

/// The one numeral reader: every way a heading, date or page number writes a number.
struct ChineseNumberTests {
    @Test(arguments: [
        ("一", 1), ("十", 10), ("十一", 11), ("二十五", 25), ("一百零五", 105), ("一百一十", 110),
        ("三千零二十", 3020), ("二〇二〇", 2020), ("二O二O", 2020), ("两千", 2000), ("三万五千", 35000),
        ("一亿三千万", 130_000_000), ("壹佰零伍", 105), ("105", 105),
    ])
    func readsAWholeNumeral(text: String, value: Int) {
        #expect(ChineseNumber.value(Array(text.unicodeScalars)) == value)
    }

    @Test(arguments: ["", "第一", "一a", "1十", "一.五"])
    func turnsDownWhatIsNoNumeral(text: String) {
        #expect(ChineseNumber.value(Array(text.unicodeScalars)) == nil)
    }

    @Test func aDigitStringTooLongForAnIntIsNoNumber() {
        #expect(ChineseNumber.value(Array(String(repeating: "9", count: 40).unicodeScalars)) == nil)
        #expect(ChineseNumber.value(Array(String(repeating: "亿", count: 5).unicodeScalars)) == nil)
    }

    @Test func looksAlikesOfZeroAreDigitsOnlyWhenAsked() {
        #expect(ChineseNumber.digit("O") == nil)
        #expect(ChineseNumber.digit("O", lookAlikes: true) == 0)
        #expect(ChineseNumber.digit("〇") == 0)
        #expect(ChineseNumber.unit("万") == 10_000)
        #expect(ChineseNumber.unit("一") == nil)
    }
}

/// One definition of a Chinese character for every reader.
struct ScalarClassTests {
    @Test(arguments: ["中", "㐀", "豈", "\u{20000}", "\u{2A6D6}", "\u{30000}"] as [Unicode.Scalar])
    func ideographs(scalar: Unicode.Scalar) { #expect(ScalarClass.isIdeograph(scalar)) }

    @Test(arguments: ["〇", "。", "a", "1", "ー", "\u{3000}"] as [Unicode.Scalar])
    func notIdeographs(scalar: Unicode.Scalar) { #expect(!ScalarClass.isIdeograph(scalar)) }
}

/// Words found forwards and backwards, longest first.
struct WordListTests {
    @Test func findsTheLongestWordAtEitherEnd() {
        let list = WordList(["会", "委员", "委员会", "", "委员"])
        let text = Array("市委员会议".unicodeScalars)
        #expect(list.matchLength(text, at: 1) == 3)
        #expect(list.match(text, at: 1).map(list.string) == "委员会")
        #expect(list.matchLength(text, at: 1, limit: 3) == 2)
        #expect(list.matchLengthEnding(text, before: 4) == 3)
        #expect(list.matchEnding(text, before: 4, floor: 2).map(list.string) == "会")
        #expect(list.matchLengthsEnding(text, before: 4) == [3, 1])
        #expect(list.match(text, at: 0) == nil)
        #expect(list.matchLength(text, at: 0) == 0)
        #expect(list.words.count == 3)
        #expect(list.maxLength == 3)
        #expect(list.contains(Array("委员".unicodeScalars)))
        #expect(!list.contains(Array("委".unicodeScalars)))
        #expect(!list.contains([]))
    }

    @Test func aTableKeepsEachWordsFirstValue() {
        let table = WordTable(lines: ["万元 10000", "元 1", "万元 7"], name: "test") { Int($0[0]) }
        let text = Array("补助5万元".unicodeScalars)
        let id = table.list.matchEnding(text, before: 5)
        #expect(id.map { table.values[$0] } == 10000)
        #expect(table.list.matchLengthEnding(text, before: 5) == 2)
    }
}
