import CICU

/// An ICU break iterator that owns its handle and the UTF-16 text ICU points at.
///
/// ICU keeps a pointer to the text it iterates, so the text is converted
/// into a buffer this class allocates and frees; `deinit` closes the handle.
/// Not thread-safe: give each thread its own iterator (reuse it with
/// ``reset(_:)``).
final class BreakIterator {
    enum Kind { case word, sentence }

    private let handle: OpaquePointer
    private var storage: UnsafeMutablePointer<UInt16>
    private var capacity: Int

    init(_ kind: Kind, locale: String = "zh") throws(ICUError) {
        capacity = 1
        storage = .allocate(capacity: 1)
        storage.initialize(to: 0x20)
        var status: Int32 = 0
        let opened = zc_break_open(
            kind == .word ? Int32(ZC_BREAK_WORD) : Int32(ZC_BREAK_SENTENCE),
            locale, storage, 0, &status)
        guard status <= 0, let opened else {
            storage.deallocate()
            throw ICUError(code: status > 0 ? status : 7, operation: "opening a \(kind) break iterator")
        }
        handle = opened
    }

    deinit {
        zc_break_close(handle)
        storage.deallocate()
    }

    /// Points the iterator at `scalars`, converted to UTF-16 straight into
    /// the buffer ICU reads (no array in between), and returns the way back
    /// from unit offsets to scalar offsets.
    func reset(_ scalars: ArraySlice<Unicode.Scalar>) throws(ICUError) -> UnitOffsets {
        // Two units per scalar at most: room for any text without counting first.
        let needed = Swift.max(1, scalars.count * 2)
        if needed > capacity {
            // Detach ICU from the old buffer before freeing it.
            var status: Int32 = 0
            zc_break_set_text(handle, storage, 0, &status)
            storage.deallocate()
            capacity = Swift.max(needed, capacity * 2)
            storage = .allocate(capacity: capacity)
        }
        let (length, offsets) = scalars.withUnsafeBufferPointer { UTF16Writer.write($0, into: storage) }
        var status: Int32 = 0
        zc_break_set_text(handle, storage, Int32(length), &status)
        try ICUError.check(status, "setting break iterator text")
        return offsets
    }

    /// Every boundary after the first, with the rule status of the piece each ends.
    func boundaries() -> [(offset: Int, status: Int32)] {
        var result: [(offset: Int, status: Int32)] = []
        _ = zc_break_first(handle)
        while true {
            let next = zc_break_next(handle)
            if next < 0 { break }
            result.append((Int(next), zc_break_rule_status(handle)))
        }
        return result
    }

    /// Calls `body` with every boundary after the first, in UTF-16 units (no
    /// rule status asked, no array built: what sentences need).
    @inline(__always)
    func forEachBoundary(_ body: (Int) -> Void) {
        _ = zc_break_first(handle)
        while true {
            let next = zc_break_next(handle)
            if next < 0 { break }
            body(Int(next))
        }
    }
}

/// Scalars to UTF-16 units, written into a buffer of twice their number.
enum UTF16Writer {
    /// Writes `scalars` as UTF-16 into `units` (room for `2 * scalars.count`)
    /// and returns the number of units written with the map back to scalars.
    ///
    /// Nearly all text is in the BMP, one unit per scalar: the first loop
    /// narrows every scalar and only notes whether any was wider (it
    /// vectorises); only then is the text written again, surrogate pairs and all.
    static func write(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, into units: UnsafeMutablePointer<UInt16>) -> (Int, UnitOffsets) {
        let count = scalars.count
        guard count > 0, let base = scalars.baseAddress else { return (0, UnitOffsets()) }
        let wide = UnsafeRawPointer(base).withMemoryRebound(to: UInt32.self, capacity: count) { values -> UInt32 in
            var high: UInt32 = 0
            for index in 0..<count {
                let value = values[index]
                high |= value
                units[index] = UInt16(truncatingIfNeeded: value)
            }
            return high >> 16
        }
        if wide == 0 { return (count, UnitOffsets()) }
        var wideUnits: [Int] = []
        var written = 0
        for scalar in scalars {
            if scalar.value > 0xFFFF {
                wideUnits.append(written)
                let value = scalar.value - 0x10000
                units[written] = UInt16(0xD800 + (value >> 10))
                units[written + 1] = UInt16(0xDC00 + (value & 0x3FF))
                written += 2
            } else {
                units[written] = UInt16(truncatingIfNeeded: scalar.value)
                written += 1
            }
        }
        return (written, UnitOffsets(wideScalarUnits: wideUnits))
    }
}

/// The way back from UTF-16 unit offsets to scalar offsets (they differ only
/// past characters outside the BMP).
struct UnitOffsets {
    /// Unit offsets where a scalar beyond the BMP starts; empty for BMP-only text.
    var wideScalarUnits: [Int] = []

    /// The scalar offset of a unit offset that falls on a scalar boundary.
    @inline(__always)
    func scalarIndex(ofUnit unit: Int) -> Int {
        if wideScalarUnits.isEmpty { return unit }
        // The wide scalars before `unit`, by binary search in the sorted offsets
        // (a scan per boundary would be quadratic in a text full of them).
        var low = 0, high = wideScalarUnits.count
        while low < high {
            let middle = (low + high) / 2
            if wideScalarUnits[middle] < unit { low = middle + 1 } else { high = middle }
        }
        return unit - low
    }
}
