extension String {
    /// The string made of `scalars`.
    ///
    /// Encodes the scalars straight into the new string's UTF-8 storage.
    /// `String(String.UnicodeScalarView(scalars))` appends them one at a time
    /// through generic code, about twenty times as slow, and every extracted
    /// item builds its texts this way.
    @inlinable
    public init<C: Collection>(scalars: C) where C.Element == Unicode.Scalar {
        var length = 0
        for scalar in scalars { length &+= UTF8.width(scalar) }
        self.init(unsafeUninitializedCapacity: length) { buffer in
            var index = 0
            for scalar in scalars {
                let value = scalar.value
                if value < 0x80 {
                    buffer[index] = UInt8(truncatingIfNeeded: value)
                    index &+= 1
                } else if value < 0x800 {
                    buffer[index] = UInt8(truncatingIfNeeded: 0xC0 | value >> 6)
                    buffer[index &+ 1] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
                    index &+= 2
                } else if value < 0x10000 {
                    buffer[index] = UInt8(truncatingIfNeeded: 0xE0 | value >> 12)
                    buffer[index &+ 1] = UInt8(truncatingIfNeeded: 0x80 | (value >> 6) & 0x3F)
                    buffer[index &+ 2] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
                    index &+= 3
                } else {
                    buffer[index] = UInt8(truncatingIfNeeded: 0xF0 | value >> 18)
                    buffer[index &+ 1] = UInt8(truncatingIfNeeded: 0x80 | (value >> 12) & 0x3F)
                    buffer[index &+ 2] = UInt8(truncatingIfNeeded: 0x80 | (value >> 6) & 0x3F)
                    buffer[index &+ 3] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
                    index &+= 4
                }
            }
            return index
        }
    }
}
