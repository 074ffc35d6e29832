/// Words stored flat and bucketed by their first and by their last scalar,
/// longest first within a bucket: the engine under ``WordList`` and
/// ``ScalarWordList``.
///
/// Every matcher asks it at nearly every character whether a word starts or
/// ends there, so a lookup must cost a few instructions and touch no
/// reference count: a scalar's bucket is found through a bitmap with rank
/// counts (no hashing), and the words are one flat array of scalars (no
/// array per word to retain). The vocabularies that hold these are shared by
/// every thread; reads that retain nothing keep their cache lines shared.
struct WordIndex: Sendable {
    /// The scalars of every word, one after another.
    private let storage: [Unicode.Scalar]
    /// Word `i` is `storage[bounds[i]..<bounds[i + 1]]`.
    private let bounds: [Int32]
    private let byFirst: Buckets
    private let byLast: Buckets

    /// `words` must be distinct and non-empty; a word's id is its index here.
    init(_ words: [[Unicode.Scalar]]) {
        var storage: [Unicode.Scalar] = []
        var bounds: [Int32] = [0]
        for word in words {
            precondition(!word.isEmpty, "empty word")
            storage += word
            bounds.append(Int32(storage.count))
        }
        self.storage = storage
        self.bounds = bounds
        byFirst = Buckets(words.indices.map { (words[$0][0], $0, words[$0].count) })
        byLast = Buckets(words.indices.map { (words[$0][words[$0].count - 1], $0, words[$0].count) })
    }

    /// The number of scalars of word `id`.
    @inline(__always)
    func length(_ id: Int) -> Int { Int(bounds[id + 1] &- bounds[id]) }

    /// The id of the longest word that starts at `start` and ends by `limit`.
    @inline(__always)
    func longest(in text: [Unicode.Scalar], from start: Int, limit: Int) -> Int? {
        guard start >= 0, start < limit, let bucket = byFirst.bucket(of: text[start]) else { return nil }
        for slot in bucket {
            let id = byFirst.member(slot)
            let lower = Int(bounds[id]), upper = Int(bounds[id + 1])
            guard start + (upper - lower) <= limit else { continue }
            var offset = 1
            while lower + offset < upper, text[start + offset] == storage[lower + offset] { offset += 1 }
            if lower + offset == upper { return id }
        }
        return nil
    }

    /// Calls `body` with the id of each word that ends just before `end` and
    /// starts at or after `floor`, longest first, until it returns false.
    @inline(__always)
    func forEach(in text: [Unicode.Scalar], endingAt end: Int, floor: Int, _ body: (Int) -> Bool) {
        guard end > floor, end <= text.count, let bucket = byLast.bucket(of: text[end - 1]) else { return }
        for slot in bucket {
            let id = byLast.member(slot)
            let lower = Int(bounds[id]), upper = Int(bounds[id + 1])
            let start = end - (upper - lower)
            guard start >= floor else { continue }
            var offset = 0
            while lower + offset < upper - 1, text[start + offset] == storage[lower + offset] { offset += 1 }
            if lower + offset == upper - 1, !body(id) { return }
        }
    }

    /// The id of the longest word that ends just before `end` and starts at or after `floor`.
    @inline(__always)
    func longest(in text: [Unicode.Scalar], endingAt end: Int, floor: Int) -> Int? {
        var found: Int?
        forEach(in: text, endingAt: end, floor: floor) { id in
            found = id
            return false
        }
        return found
    }

    /// Word ids grouped by one end scalar: a bitmap over the Basic
    /// Multilingual Plane says whether a scalar has a bucket, and the number
    /// of set bits before it says which (a rank: a minimal perfect hash).
    /// Scalars beyond the plane, rare in these lists, go through a dictionary.
    private struct Buckets: Sendable {
        private var bits = [UInt64](repeating: 0, count: 1024)
        /// Set bits in the words before each word of `bits`.
        private var ranks = [UInt32](repeating: 0, count: 1024)
        private var beyond: [UInt32: Int] = [:]
        /// Bucket `b` holds `members[starts[b]..<starts[b + 1]]`.
        private var starts: [Int32] = []
        private var members: [Int32] = []

        init(_ entries: [(scalar: Unicode.Scalar, id: Int, length: Int)]) {
            for entry in entries where entry.scalar.value < 0x10000 {
                bits[Int(entry.scalar.value >> 6)] |= 1 << UInt64(entry.scalar.value & 63)
            }
            var total: UInt32 = 0
            for word in 0..<1024 {
                ranks[word] = total
                total += UInt32(bits[word].nonzeroBitCount)
            }
            var beyondCount = 0
            for entry in entries where entry.scalar.value >= 0x10000 && beyond[entry.scalar.value] == nil {
                beyond[entry.scalar.value] = Int(total) + beyondCount
                beyondCount += 1
            }
            var grouped = [[(id: Int, length: Int)]](repeating: [], count: Int(total) + beyondCount)
            for entry in entries {
                let value = entry.scalar.value
                let bucket = value < 0x10000 ? Self.rank(value, bits: bits, ranks: ranks) : beyond[value]!
                grouped[bucket].append((entry.id, entry.length))
            }
            starts = [0]
            for group in grouped {
                // Longest first; equal lengths in id order.
                for member in group.sorted(by: { $0.length != $1.length ? $0.length > $1.length : $0.id < $1.id }) {
                    members.append(Int32(member.id))
                }
                starts.append(Int32(members.count))
            }
        }

        @inline(__always)
        private static func rank(_ value: UInt32, bits: [UInt64], ranks: [UInt32]) -> Int {
            let word = Int(value >> 6)
            let below = bits[word] & ((1 << UInt64(value & 63)) &- 1)
            return Int(ranks[word]) + below.nonzeroBitCount
        }

        /// The slots of `scalar`'s bucket in ``member(_:)``, or nil when no word has it at this end.
        @inline(__always)
        func bucket(of scalar: Unicode.Scalar) -> Range<Int>? {
            let value = scalar.value
            let bucket: Int
            if value < 0x10000 {
                let word = Int(value >> 6), bit = UInt64(value & 63)
                let set = bits[word]
                guard set & (1 << bit) != 0 else { return nil }
                bucket = Int(ranks[word]) + (set & ((1 << bit) &- 1)).nonzeroBitCount
            } else {
                guard let found = beyond[value] else { return nil }
                bucket = found
            }
            return Int(starts[bucket])..<Int(starts[bucket + 1])
        }

        @inline(__always)
        func member(_ slot: Int) -> Int { Int(members[slot]) }
    }
}
