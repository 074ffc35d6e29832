import TextTools

/// Reads a 发文字号 (`石党办发〔2020〕32号`) and writes it with its year in 〔〕,
/// whatever brackets it came in: `[2020]`, `（2020）`, `〔2020〕第32号`.
enum DocumentNumber {
    // The brackets a year is written in, as switches: tested at every
    // character, where a set would hash each.
    @inline(__always)
    private static func isOpening(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "〔", "[", "［", "(", "（", "【", "〈", "﹝": true
        default: false
        }
    }

    @inline(__always)
    private static func isClosing(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "〕", "]", "］", ")", "）", "】", "〉", "﹞": true
        default: false
        }
    }

    /// The first document number in `line`, normalised, with the range of the
    /// scalars it was read from.
    static func find(in line: [Unicode.Scalar]) -> (number: String, range: Range<Int>)? {
        var index = 0
        while index < line.count {
            defer { index += 1 }
            guard isOpening(line[index]) else { continue }
            var cursor = index + 1
            while cursor < line.count, line[cursor] == " " { cursor += 1 }
            let yearStart = cursor
            while cursor < line.count, ScalarClass.isDigit(line[cursor]) || isFullWidthDigit(line[cursor]) { cursor += 1 }
            guard cursor - yearStart == 4 else { continue }
            let year = line[yearStart..<cursor].map(folded)
            while cursor < line.count, line[cursor] == " " { cursor += 1 }
            guard cursor < line.count, isClosing(line[cursor]) else { continue }
            cursor += 1
            while cursor < line.count, line[cursor] == " " { cursor += 1 }
            if cursor < line.count, line[cursor] == "第" { cursor += 1 }
            let serialStart = cursor
            while cursor < line.count, ScalarClass.isDigit(line[cursor]) || isFullWidthDigit(line[cursor]) { cursor += 1 }
            guard cursor > serialStart, cursor - serialStart <= 5 else { continue }
            let serial = line[serialStart..<cursor].map(folded)
            while cursor < line.count, line[cursor] == " " { cursor += 1 }
            guard cursor < line.count, line[cursor] == "号" else { continue }
            // The issuer's code: the characters right before the bracket.
            var prefixStart = index
            while prefixStart > 0, ScalarClass.isIdeograph(line[prefixStart - 1]) || ScalarClass.isLatinLetter(line[prefixStart - 1]),
                index - prefixStart < 12
            {
                prefixStart -= 1
            }
            prefixStart = codeStart(in: line, from: prefixStart, to: index)
            guard prefixStart < index else { continue }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: line[prefixStart..<index])
            view.append("〔")
            view.append(contentsOf: year)
            view.append("〕")
            view.append(contentsOf: serial.drop { $0 == "0" && serial.count > 1 })
            view.append("号")
            return (String(view), prefixStart..<(cursor + 1))
        }
        return nil
    }

    /// Where the issuer's code begins in the run `line[start..<bracket]`: an
    /// abbreviation (`国办发`, `沪规划资源`) never holds `的`, so a title run
    /// into the number (`…规划的通知国发〔2007〕37号`) ends at its genre word
    /// after the last `的`, or at that `的`; the code keeps one character at
    /// least. A run without `的` is all code.
    static func codeStart(in line: [Unicode.Scalar], from start: Int, to bracket: Int) -> Int {
        guard let de = line[start..<bracket].lastIndex(of: "的"), de + 1 < bracket else { return start }
        let genreWords = HeaderVocabulary.shared.documentGenres
        for end in (de + 2)..<bracket {
            if genreWords.matchLengthEnding(line, before: end, floor: de + 1) >= 2 { return end }
        }
        return de + 1
    }

    private static func isFullWidthDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0xFF10 && scalar.value <= 0xFF19 }

    private static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        isFullWidthDigit(scalar) ? Unicode.Scalar(scalar.value - 0xFF10 + 0x30)! : scalar
    }
}
