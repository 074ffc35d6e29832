/// UTF-8 bytes straight to scalars, for the common case of a UTF-8 file.
///
/// ``TextDecoder/decode(_:)`` makes a `String` (validating the bytes), checks
/// it for control characters, and ``TextDocument`` then decodes the string
/// into scalars: three passes over every byte of every document. This does
/// the same in two (validate and count, then decode) and makes no string. It
/// answers only for bytes that `decode` would read as UTF-8 (with or without
/// a byte order mark) and accept; for anything else it returns nil and the
/// caller takes the general path, which then reads, or rejects, the bytes as
/// before.
enum UTF8Scalars {
    /// The scalars of `bytes` when they are well-formed UTF-8 that
    /// ``TextDecoder/decode(_:)`` would accept as such, BOM removed; else nil.
    static func decode(_ bytes: [UInt8]) -> [Unicode.Scalar]? {
        bytes.withUnsafeBufferPointer { buffer -> [Unicode.Scalar]? in
            guard !buffer.isEmpty else { return nil }
            let hasBOM = buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF
            let body = UnsafeBufferPointer(rebasing: buffer[(hasBOM ? 3 : 0)...])
            // Without a BOM, a NUL byte sends `decode` to its UTF-16 guess.
            guard let count = scanned(body, allowingNUL: hasBOM) else { return nil }
            return scalars(of: body, count: count)
        }
    }

    /// The number of scalars in `bytes` if they are well-formed UTF-8 (Unicode
    /// table 3-7), hold no NUL unless allowed, and pass the control-character
    /// check of ``TextDecoder``; else nil.
    private static func scanned(_ bytes: UnsafeBufferPointer<UInt8>, allowingNUL: Bool) -> Int? {
        var index = 0, count = 0, controls = 0
        let end = bytes.count
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 {
                if lead < 0x20 {
                    if lead == 0, !allowingNUL { return nil }
                    if count < 1 << 16, lead != 0x09, lead != 0x0A, lead != 0x0D, lead != 0x0C { controls += 1 }
                }
                index += 1
            } else if lead < 0xC2 {
                return nil
            } else if lead < 0xE0 {
                guard index + 1 < end, isContinuation(bytes[index + 1]) else { return nil }
                index += 2
            } else if lead < 0xF0 {
                guard index + 2 < end else { return nil }
                let second = bytes[index + 1]
                switch lead {
                case 0xE0: guard second >= 0xA0 && second <= 0xBF else { return nil }
                case 0xED: guard second >= 0x80 && second <= 0x9F else { return nil }
                default: guard isContinuation(second) else { return nil }
                }
                guard isContinuation(bytes[index + 2]) else { return nil }
                index += 3
            } else if lead < 0xF5 {
                guard index + 3 < end else { return nil }
                let second = bytes[index + 1]
                switch lead {
                case 0xF0: guard second >= 0x90 && second <= 0xBF else { return nil }
                case 0xF4: guard second >= 0x80 && second <= 0x8F else { return nil }
                default: guard isContinuation(second) else { return nil }
                }
                guard isContinuation(bytes[index + 2]), isContinuation(bytes[index + 3]) else { return nil }
                index += 4
            } else {
                return nil
            }
            count += 1
        }
        // The check of `TextDecoder.checkedForControls`, over the first 65,536 scalars.
        let total = min(count, 1 << 16)
        if total > 0 && controls * 20 > total { return nil }
        return count
    }

    @inline(__always)
    private static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

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
                        value = (lead & 0x07) << 18 | UInt32(bytes[index &+ 1] & 0x3F) << 12
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
