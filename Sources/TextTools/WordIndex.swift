/// Words stored flat and bucketed by their first and by their last scalar,
/// longest first within a bucket: the engine under ``WordList``.
///
/// Every matcher asks at nearly every character whether a word starts or ends
/// there, so a lookup must cost a few instructions and touch no reference
/// count. A scalar's bucket is found through a bitmap with rank counts (no
/// hashing); the tables live in one immutable block read through pointers
/// (no array per word to retain, no bounds checks). The vocabularies that
/// hold these are built once per thread (see ``PerThread``), so what a
/// lookup does touch stays in its own core's cache.
public struct WordIndex: Sendable {
    @usableFromInline let tables: Tables

    /// `words` must be distinct and non-empty; a word's id is its index here.
    public init(_ words: [[Unicode.Scalar]]) {
        tables = Tables(words)
    }

    /// The number of scalars of word `id`.
    @inlinable @inline(__always)
    public func length(_ id: Int) -> Int { tables.length(id) }

    // Lookups come in two halves: an inlined test of the bitmap, which turns
    // most characters away in a few instructions at the caller, and the
    // search of the bucket, out of line.

    /// The id of the longest word that starts at `start` and ends by `limit`.
    @inlinable @inline(__always)
    public func longest(in text: [Unicode.Scalar], from start: Int, limit: Int) -> Int? {
        let limit = min(limit, text.count)
        guard start >= 0, start < limit, tables.firsts.mayContain(text[start]) else { return nil }
        return searchForwards(in: text, from: start, limit: limit)
    }

    @usableFromInline @inline(never)
    func searchForwards(in text: [Unicode.Scalar], from start: Int, limit: Int) -> Int? {
        text.withUnsafeBufferPointer { text in
            let tables = self.tables
            guard let bucket = tables.firsts.bucket(of: text[start]) else { return nil }
            // Only the members whose second scalar is the text's can match:
            // they sit together in the bucket, found by a binary search.
            let second = start + 1 < limit ? text[start + 1].value : Buckets.noNeighbour
            func matches(_ slot: Int) -> Int? {
                let id = Int(tables.firsts.members[slot])
                let lower = Int(tables.bounds[id]), upper = Int(tables.bounds[id + 1])
                guard start + (upper - lower) <= limit else { return nil }
                var offset = 2
                while lower + offset < upper, text[start + offset] == tables.storage[lower + offset] { offset += 1 }
                return lower + offset >= upper ? id : nil
            }
            if second != Buckets.noNeighbour {
                var slot = tables.firsts.firstSlot(in: bucket, neighbour: second)
                while slot < bucket.pairsEnd, tables.firsts.neighbours[slot] == second {
                    if let id = matches(slot) { return id }
                    slot += 1
                }
            }
            // Words of one scalar: the bucket's last members, and shortest.
            return bucket.pairsEnd < bucket.end ? Int(tables.firsts.members[bucket.pairsEnd]) : nil
        }
    }

    /// Whether `word` (not empty) is one of the words.
    public func contains(_ word: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        let tables = self.tables
        guard let bucket = tables.firsts.bucket(of: word[0]) else { return false }
        if word.count == 1 { return bucket.pairsEnd < bucket.end }
        var slot = tables.firsts.firstSlot(in: bucket, neighbour: word[1].value)
        while slot < bucket.pairsEnd, tables.firsts.neighbours[slot] == word[1].value {
            let id = Int(tables.firsts.members[slot])
            let lower = Int(tables.bounds[id]), upper = Int(tables.bounds[id + 1])
            if upper - lower == word.count {
                var offset = 2
                while offset < word.count, word[offset] == tables.storage[lower + offset] { offset += 1 }
                if offset == word.count { return true }
            }
            slot += 1
        }
        return false
    }

    /// Calls `body` with the id of each word that ends just before `end` and
    /// starts at or after `floor`, longest first, until it returns false.
    @inlinable @inline(__always)
    public func forEach(in text: [Unicode.Scalar], endingAt end: Int, floor: Int, _ body: (Int) -> Bool) {
        guard end > floor, end > 0, end <= text.count, tables.lasts.mayContain(text[end - 1]) else { return }
        text.withUnsafeBufferPointer { text in
            let tables = self.tables
            guard let bucket = tables.lasts.bucket(of: text[end - 1]) else { return }
            // Only the members whose scalar before the last is the text's can
            // match: they sit together in the bucket, found by a binary search.
            let penultimate = end >= 2 ? text[end - 2].value : Buckets.noNeighbour
            /// False when `body` asks to stop.
            func visit(_ slot: Int) -> Bool {
                let id = Int(tables.lasts.members[slot])
                let lower = Int(tables.bounds[id]), upper = Int(tables.bounds[id + 1])
                let start = end - (upper - lower)
                guard start >= floor else { return true }
                precondition(start >= 0, "a word would start before the text")
                var offset = 0
                while lower + offset < upper - 1, text[start + offset] == tables.storage[lower + offset] { offset += 1 }
                return lower + offset < upper - 1 || body(id)
            }
            if penultimate != Buckets.noNeighbour {
                var slot = tables.lasts.firstSlot(in: bucket, neighbour: penultimate)
                while slot < bucket.pairsEnd, tables.lasts.neighbours[slot] == penultimate {
                    guard visit(slot) else { return }
                    slot += 1
                }
            }
            // Words of one scalar: the bucket's last members (all shorter than the others).
            var slot = bucket.pairsEnd
            while slot < bucket.end {
                guard visit(slot) else { return }
                slot += 1
            }
        }
    }

    /// The id of the longest word that ends just before `end` and starts at or after `floor`.
    @inlinable @inline(__always)
    public func longest(in text: [Unicode.Scalar], endingAt end: Int, floor: Int) -> Int? {
        guard end > floor, end > 0, end <= text.count, tables.lasts.mayContain(text[end - 1]) else { return nil }
        return searchBackwards(in: text, endingAt: end, floor: floor)
    }

    @usableFromInline @inline(never)
    func searchBackwards(in text: [Unicode.Scalar], endingAt end: Int, floor: Int) -> Int? {
        var found: Int?
        forEach(in: text, endingAt: end, floor: floor) { id in
            found = id
            return false
        }
        return found
    }

    /// The words and both bucket tables in memory this object owns and never
    /// changes after `init`.
    @usableFromInline final class Tables: @unchecked Sendable {
        /// The scalars of every word, one after another.
        @usableFromInline let storage: UnsafeMutablePointer<Unicode.Scalar>
        /// Word `i` is `storage[bounds[i]..<bounds[i + 1]]`.
        @usableFromInline let bounds: UnsafeMutablePointer<Int32>
        @usableFromInline let firsts: Buckets
        @usableFromInline let lasts: Buckets

        init(_ words: [[Unicode.Scalar]]) {
            let total = words.reduce(0) { $0 + $1.count }
            storage = .allocate(capacity: max(1, total))
            bounds = .allocate(capacity: words.count + 1)
            var offset = 0
            bounds[0] = 0
            for (id, word) in words.enumerated() {
                precondition(!word.isEmpty, "empty word")
                for scalar in word {
                    storage[offset] = scalar
                    offset += 1
                }
                bounds[id + 1] = Int32(offset)
            }
            firsts = Buckets(
                words.indices.map { id in
                    let word = words[id]
                    return (word[0], id, word.count, word.count > 1 ? word[1].value : Buckets.noNeighbour)
                })
            lasts = Buckets(
                words.indices.map { id in
                    let word = words[id]
                    return (word[word.count - 1], id, word.count, word.count > 1 ? word[word.count - 2].value : Buckets.noNeighbour)
                })
        }

        deinit {
            storage.deallocate()
            bounds.deallocate()
            firsts.deallocate()
            lasts.deallocate()
        }

        @inlinable @inline(__always)
        func length(_ id: Int) -> Int { Int(bounds[id + 1] &- bounds[id]) }
    }

    /// Word ids grouped by one end scalar. A bitmap over the Basic
    /// Multilingual Plane says whether a scalar has a bucket, and the number
    /// of set bits before it says which (a rank: a minimal perfect hash).
    /// Scalars beyond the plane, rare in these lists, go through a dictionary.
    ///
    /// Within a bucket, members are ordered by their neighbour scalar (the
    /// second, or the one before the last), then longest first, then by id;
    /// words of one scalar come last. A lookup reads only the members whose
    /// neighbour is the text's (a binary search finds them) and then the
    /// words of one scalar: the order of the whole bucket longest first,
    /// less the members that cannot match. A bucket such as the one of `区`
    /// in a list of division names holds about a thousand members; a lookup
    /// used to compare every one's neighbour.
    @usableFromInline struct Buckets {
        @usableFromInline let bits: UnsafeMutablePointer<UInt64>
        /// Set bits in the words of `bits` before each one.
        @usableFromInline let ranks: UnsafeMutablePointer<UInt32>
        @usableFromInline let beyond: [UInt32: Int]
        /// Bucket `b` holds `members[starts[b]..<starts[b + 1]]`.
        @usableFromInline let starts: UnsafeMutablePointer<Int32>
        /// Bucket `b`'s words of one scalar are `members[pairsEnds[b]..<starts[b + 1]]`.
        @usableFromInline let pairsEnds: UnsafeMutablePointer<Int32>
        @usableFromInline let members: UnsafeMutablePointer<Int32>
        /// For each member, the value of the scalar next to the bucket's end
        /// (the second, or the one before the last), or ``noNeighbour`` for a
        /// word of one scalar: a member whose neighbour differs from the
        /// text's cannot match, and is passed over in one compare.
        @usableFromInline let neighbours: UnsafeMutablePointer<UInt32>
        /// Not the value of any scalar (they end at 0x10FFFF).
        @inlinable static var noNeighbour: UInt32 { .max }

        init(_ entries: [(scalar: Unicode.Scalar, id: Int, length: Int, neighbour: UInt32)]) {
            bits = .allocate(capacity: 1024)
            bits.initialize(repeating: 0, count: 1024)
            ranks = .allocate(capacity: 1024)
            for entry in entries where entry.scalar.value < 0x10000 {
                bits[Int(entry.scalar.value >> 6)] |= 1 << UInt64(entry.scalar.value & 63)
            }
            var total = 0
            for word in 0..<1024 {
                ranks[word] = UInt32(total)
                total += bits[word].nonzeroBitCount
            }
            var beyond: [UInt32: Int] = [:]
            for entry in entries where entry.scalar.value >= 0x10000 && beyond[entry.scalar.value] == nil {
                beyond[entry.scalar.value] = total + beyond.count
            }
            self.beyond = beyond
            var grouped = [[(id: Int, length: Int, neighbour: UInt32)]](repeating: [], count: total + beyond.count)
            for entry in entries {
                let value = entry.scalar.value
                let bucket =
                    value < 0x10000
                    ? Int(ranks[Int(value >> 6)]) + (bits[Int(value >> 6)] & ((1 << UInt64(value & 63)) - 1)).nonzeroBitCount
                    : beyond[value]!
                grouped[bucket].append((entry.id, entry.length, entry.neighbour))
            }
            starts = .allocate(capacity: grouped.count + 1)
            pairsEnds = .allocate(capacity: max(1, grouped.count))
            members = .allocate(capacity: max(1, entries.count))
            neighbours = .allocate(capacity: max(1, entries.count))
            var count = 0
            starts[0] = 0
            for (bucket, group) in grouped.enumerated() {
                // By neighbour (one-scalar words, ``noNeighbour``, last), then longest first, then by id.
                let sorted = group.sorted {
                    ($0.neighbour, -$0.length, $0.id) < ($1.neighbour, -$1.length, $1.id)
                }
                pairsEnds[bucket] = Int32(count + sorted.count(where: { $0.neighbour != Self.noNeighbour }))
                for member in sorted {
                    members[count] = Int32(member.id)
                    neighbours[count] = member.neighbour
                    count += 1
                }
                starts[bucket + 1] = Int32(count)
            }
        }

        func deallocate() {
            bits.deallocate()
            ranks.deallocate()
            starts.deallocate()
            pairsEnds.deallocate()
            members.deallocate()
            neighbours.deallocate()
        }

        /// False when no word has `scalar` at this end; true for every
        /// scalar beyond the plane when some word has one there.
        @inlinable @inline(__always)
        func mayContain(_ scalar: Unicode.Scalar) -> Bool {
            let value = scalar.value
            guard value < 0x10000 else { return !beyond.isEmpty }
            return bits[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0
        }

        /// The slots of one bucket: the members with a neighbour are `start..<pairsEnd`, the words of one scalar `pairsEnd..<end`.
        @usableFromInline struct Slots {
            @usableFromInline let start: Int
            @usableFromInline let pairsEnd: Int
            @usableFromInline let end: Int
            @inlinable init(start: Int, pairsEnd: Int, end: Int) {
                self.start = start
                self.pairsEnd = pairsEnd
                self.end = end
            }
        }

        /// The slots of `scalar`'s bucket in `members`, or nil when no word has it at this end.
        @inlinable @inline(__always)
        func bucket(of scalar: Unicode.Scalar) -> Slots? {
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
            return Slots(start: Int(starts[bucket]), pairsEnd: Int(pairsEnds[bucket]), end: Int(starts[bucket + 1]))
        }

        /// The first slot of `bucket` whose neighbour is `neighbour` or more (`pairsEnd` when none).
        @inlinable @inline(__always)
        func firstSlot(in bucket: Slots, neighbour: UInt32) -> Int {
            var low = bucket.start, high = bucket.pairsEnd
            while low < high {
                let middle = (low &+ high) >> 1
                if neighbours[middle] < neighbour { low = middle &+ 1 } else { high = middle }
            }
            return low
        }
    }
}
