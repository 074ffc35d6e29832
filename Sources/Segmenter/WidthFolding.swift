import CICU

/// Folds full-width forms to their ASCII twins (`１２万元` → `12万元`,
/// `（一）` → `(一)`, U+3000 → space) while keeping the Chinese punctuation that
/// carries meaning in these documents (`，；：！？`).
///
/// The table comes from ICU's NFKC data for the Halfwidth and Fullwidth Forms
/// block, built once; folding is then a lookup per character.
enum WidthFolding {
    /// Full-width characters kept as they are: the sentence punctuation of Chinese.
    private static let kept: Set<UInt32> = [0xFF0C, 0xFF1B, 0xFF1A, 0xFF01, 0xFF1F]

    /// Folded forms of U+FF01…U+FF5E, indexed from U+FF00.
    private static let table: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 0x60)
        for value in UInt32(0xFF01)...0xFF5E {
            var status: Int32 = 0
            let folded = zc_nfkc_single(value, &status)
            table[Int(value - 0xFF00)] = (status <= 0 && folded < 0x80 && !kept.contains(value)) ? folded : value
        }
        return table
    }()

    /// The folded form of `scalar`.
    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        if value < 0x3000 { return scalar }
        if value == 0x3000 { return " " }
        if value > 0xFF00, value < 0xFF60 { return Unicode.Scalar(table[Int(value - 0xFF00)])! }
        return scalar
    }
}
