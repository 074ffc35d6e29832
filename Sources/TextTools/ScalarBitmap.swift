/// A set of scalars for loops that test every character of a document and
/// turn most away: a bitmap of 65,536 bits read through a pointer (no bounds
/// check, no reference count, no branch but the answer's).
///
/// A scalar's bit is that of its low 16 bits, so a scalar beyond the Basic
/// Multilingual Plane shares a bit with one inside it: every member is
/// answered `true`, and a few non-members beyond the plane may be too. The set
/// says which characters *may* matter; the caller's exact test decides.
public struct ScalarBitmap: Sendable {
    @usableFromInline let storage: Storage

    /// The set of `scalars`.
    public init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        storage = Storage(scalars)
    }

    /// False when `scalar` is certainly not in the set.
    @inlinable @inline(__always)
    public func mayContain(_ scalar: Unicode.Scalar) -> Bool { Self.test(storage.words, scalar.value) }

    /// Bit `value & 0xFFFF` of `words`.
    @inlinable @inline(__always)
    static func test(_ words: UnsafeMutablePointer<UInt64>, _ value: UInt32) -> Bool {
        words[Int(truncatingIfNeeded: (value &>> 6) & 1023)] &>> UInt64(truncatingIfNeeded: value & 63) & 1 != 0
    }

    /// Calls `body` with every index of `text`, ascending, whose scalar the set
    /// may contain: the loop over the other indices costs a few instructions each.
    @inlinable @inline(__always)
    public func forEachIndex(in text: [Unicode.Scalar], _ body: (Int) -> Void) {
        let words = storage.words
        text.withUnsafeBufferPointer { scalars in
            var index = Self.firstIndex(from: 0, in: scalars, words: words)
            while index < scalars.count {
                body(index)
                index = Self.firstIndex(from: index + 1, in: scalars, words: words)
            }
        }
    }

    /// The first index at or after `start` whose scalar's bit is set in
    /// `words`, or `scalars.count`. Out of line, so that the loop has the
    /// registers to itself: no call, no bounds check, no reference count.
    @usableFromInline @inline(never)
    static func firstIndex(
        from start: Int, in scalars: UnsafeBufferPointer<Unicode.Scalar>,
        words: UnsafeMutablePointer<UInt64>
    ) -> Int {
        guard let base = scalars.baseAddress else { return scalars.count }
        var index = start
        while index < scalars.count, !test(words, base[index].value) { index &+= 1 }
        return index
    }

    /// The bitmap, allocated once and never changed.
    @usableFromInline final class Storage: @unchecked Sendable {
        /// Bit `v & 63` of word `(v >> 6) & 1023` is set for every scalar `v` in the set.
        @usableFromInline let words: UnsafeMutablePointer<UInt64>

        init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
            words = .allocate(capacity: 1024)
            words.initialize(repeating: 0, count: 1024)
            for scalar in scalars {
                let value = scalar.value & 0xFFFF
                words[Int(value >> 6)] |= 1 << UInt64(value & 63)
            }
        }

        deinit { words.deallocate() }
    }
}
