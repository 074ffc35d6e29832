/// UTF-8 bytes straight to scalars, for the common case of a UTF-8 file.
///
/// ``TextDecoder/decode(_:)`` makes a `String` (validating the bytes), checks
/// it for control characters, and ``TextDocument`` then decodes the string
/// into scalars: three passes over every byte of every document. This counts
/// the scalars in a cheap first pass (every byte that is not a continuation
/// byte starts one; the loop vectorises), then validates and decodes in one
/// pass into an array of that size, and makes no string. It answers only for
/// bytes that `decode` would read as UTF-8 (with or without a byte order
/// mark) and accept; for anything else it returns nil and the caller takes
/// the general path, which then reads, or rejects, the bytes as before.
enum UTF8Scalars {
    /// The scalars of `bytes` when they are well-formed UTF-8 that
    /// ``TextDecoder/decode(_:)`` would accept as such, BOM removed; else nil.
    static func decode(_ bytes: [UInt8]) -> [Unicode.Scalar]? {
        bytes.withUnsafeBufferPointer { buffer -> [Unicode.Scalar]? in
            guard !buffer.isEmpty else { return nil }
            let hasBOM = buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF
            let body = UnsafeBufferPointer(rebasing: buffer[(hasBOM ? 3 : 0)...])
            // Without a BOM, a NUL byte sends `decode` to its UTF-16 guess.
            return validated(body, count: leadCount(body), allowingNUL: hasBOM)
        }
    }

    /// The number of bytes that are not continuation bytes: the number of
    /// scalars if the bytes are well-formed, and never fewer than the scalars
    /// ``validated(_:count:allowingNUL:)`` writes (each consumes one such byte).
    private static func leadCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        // Counted in blocks of 240 bytes into a byte-wide counter (which
        // cannot overflow), so that the compiler adds sixteen bytes at a time.
        var count = 0
        var index = 0
        while index < bytes.count {
            let blockEnd = Swift.min(index &+ 240, bytes.count)
            var block: UInt8 = 0
            while index < blockEnd {
                block &+= bytes[index] & 0xC0 != 0x80 ? 1 : 0
                index &+= 1
            }
            count &+= Int(block)
        }
        return count
    }

    /// The scalars of `bytes` if they are well-formed UTF-8 (Unicode table
    /// 3-7), hold no NUL unless allowed, and pass the control-character check
    /// of ``TextDecoder``; else nil. `count` is ``leadCount(_:)`` of the bytes.
    private static func validated(_ bytes: UnsafeBufferPointer<UInt8>, count: Int, allowingNUL: Bool) -> [Unicode.Scalar]? {
        var valid = true
        var controls = 0
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer.withMemoryRebound(to: UInt32.self) { values in
                var index = 0, written = 0
                let end = bytes.count
                while index < end {
                    let lead = UInt32(bytes[index])
                    let value: UInt32
                    if lead < 0x80 {
                        if lead < 0x20 {
                            if lead == 0, !allowingNUL { valid = false; break }
                            if written < 1 << 16, lead != 0x09, lead != 0x0A, lead != 0x0D, lead != 0x0C { controls += 1 }
                        }
                        value = lead
                        index &+= 1
                    } else if lead < 0xE0 {
                        // C0 and C1 would be overlong; 80…BF are continuation bytes.
                        guard lead >= 0xC2, index + 1 < end else { valid = false; break }
                        let second = UInt32(bytes[index &+ 1]) ^ 0x80
                        guard second < 0x40 else { valid = false; break }
                        value = (lead & 0x1F) << 6 | second
                        index &+= 2
                    } else if lead < 0xF0 {
                        guard index + 2 < end else { valid = false; break }
                        let second = UInt32(bytes[index &+ 1]) ^ 0x80, third = UInt32(bytes[index &+ 2]) ^ 0x80
                        guard second | third < 0x40 else { valid = false; break }
                        value = (lead & 0x0F) << 12 | second << 6 | third
                        // Overlong forms (E0 80…9F) and surrogates (ED A0…BF) are ill-formed.
                        guard value >= 0x800, value & 0xF800 != 0xD800 else { valid = false; break }
                        index &+= 3
                        // Chinese text is mostly three-byte characters in a row: read
                        // them in a tighter loop while they are well-formed; anything
                        // else goes back to the loop above, which checks it again.
                        values[written] = value
                        written &+= 1
                        while end &- index > 2 {
                            let lead = UInt32(bytes[index])
                            let second = UInt32(bytes[index &+ 1]) ^ 0x80, third = UInt32(bytes[index &+ 2]) ^ 0x80
                            guard lead & 0xF0 == 0xE0, second | third < 0x40 else { break }
                            let next = (lead & 0x0F) << 12 | second << 6 | third
                            guard next >= 0x800, next & 0xF800 != 0xD800 else { break }
                            values[written] = next
                            written &+= 1
                            index &+= 3
                        }
                        continue
                    } else {
                        guard lead < 0xF5, index + 3 < end else { valid = false; break }
                        let second = UInt32(bytes[index &+ 1]) ^ 0x80, third = UInt32(bytes[index &+ 2]) ^ 0x80
                        let fourth = UInt32(bytes[index &+ 3]) ^ 0x80
                        guard second | third | fourth < 0x40 else { valid = false; break }
                        value = (lead & 0x07) << 18 | second << 12 | third << 6 | fourth
                        // Overlong forms (F0 80…8F) and values past U+10FFFF (F4 90…) are ill-formed.
                        guard value >= 0x10000, value <= 0x10FFFF else { valid = false; break }
                        index &+= 4
                    }
                    // Each scalar written consumed a byte counted by `leadCount`.
                    values[written] = value
                    written &+= 1
                }
                initialized = written
            }
        }
        guard valid else { return nil }
        // The check of `TextDecoder.checkedForControls`, over the first 65,536 scalars.
        let total = min(scalars.count, 1 << 16)
        if total > 0 && controls * 20 > total { return nil }
        return scalars
    }

    /// Decodes `count` scalars from well-formed UTF-8.
    static func scalars(of bytes: UnsafeBufferPointer<UInt8>, count: Int) -> [Unicode.Scalar] {
        [Unicode.Scalar](unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer.withMemoryRebound(to: UInt32.self) { values in
                var index = 0, written = 0
                let end = bytes.count
                while index < end {
                    let lead = UInt32(bytes[index])
                    let value: UInt32
                    if lead < 0x80 {
                        value = lead
                        index &+= 1
                    } else if lead < 0xE0 {
                        value = (lead & 0x1F) << 6 | UInt32(bytes[index &+ 1] & 0x3F)
                        index &+= 2
                    } else if lead < 0xF0 {
                        value = (lead & 0x0F) << 12 | UInt32(bytes[index &+ 1] & 0x3F) << 6 | UInt32(bytes[index &+ 2] & 0x3F)
                        index &+= 3
                    } else {
                        value =
                            (lead & 0x07) << 18 | UInt32(bytes[index &+ 1] & 0x3F) << 12
                            | UInt32(bytes[index &+ 2] & 0x3F) << 6 | UInt32(bytes[index &+ 3] & 0x3F)
                        index &+= 4
                    }
                    values[written] = value
                    written &+= 1
                }
                initialized = written
            }
        }
    }
}
