import TextTools

/// Equal strings grouped in order of first mention: the organisations and the
/// forms of a title are counted this way.
///
/// Swift compares strings up to canonical equivalence, and hashing a
/// non-ASCII string normalises it first: a dictionary keyed by Chinese names
/// spends over a thousand instructions a lookup. When every character of
/// every string stands alone (``ScalarClass/standsAlone(_:)``: no
/// decomposition, no combining), equal strings are equal bytes, and the
/// strings are grouped by their UTF-8 bytes instead; otherwise by the strings.
struct FirstMentions {
    /// For each string, the number of its group; groups are numbered in
    /// order of first mention.
    let groups: [Int]
    /// The number of strings in each group.
    let sizes: [Int]

    init(_ strings: [String]) {
        if strings.allSatisfy({ $0.unicodeScalars.allSatisfy(ScalarClass.standsAlone) }) {
            (groups, sizes) = Self.grouped(strings.map { Array($0.utf8) })
        } else {
            (groups, sizes) = Self.grouped(strings)
        }
    }

    /// For each string, the number of strings equal to it.
    var counts: [Int] { groups.map { sizes[$0] } }

    private static func grouped<Key: Hashable>(_ keys: [Key]) -> (groups: [Int], sizes: [Int]) {
        var numbers: [Key: Int] = [:]
        var groups: [Int] = []
        var sizes: [Int] = []
        groups.reserveCapacity(keys.count)
        for key in keys {
            if let number = numbers[key] {
                groups.append(number)
                sizes[number] += 1
            } else {
                numbers[key] = sizes.count
                groups.append(sizes.count)
                sizes.append(1)
            }
        }
        return (groups, sizes)
    }
}
