import CICU

/// An ICU break iterator that owns its handle and the UTF-16 text ICU points at.
///
/// ICU keeps a pointer to the text it iterates, so the text is copied into a
/// buffer this class allocates and frees; `deinit` closes the handle. Not
/// thread-safe: give each thread its own iterator (reuse it with ``reset(_:)``).
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

    /// Points the iterator at a copy of `text` (UTF-16 units).
    func reset(_ text: [UInt16]) throws(ICUError) {
        if text.count > capacity {
            // Detach ICU from the old buffer before freeing it.
            var status: Int32 = 0
            zc_break_set_text(handle, storage, 0, &status)
            storage.deallocate()
            capacity = Swift.max(text.count, capacity * 2)
            storage = .allocate(capacity: capacity)
        }
        text.withUnsafeBufferPointer { units in
            if let base = units.baseAddress { storage.initialize(from: base, count: units.count) }  // UInt16 is trivial
        }
        var status: Int32 = 0
        zc_break_set_text(handle, storage, Int32(text.count), &status)
        try ICUError.check(status, "setting break iterator text")
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
}
