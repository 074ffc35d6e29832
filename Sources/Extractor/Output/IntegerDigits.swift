/// Writes an integer's decimal digits (a `-` first when negative), as
/// `String(value)` would, straight into a byte sink: the JSON writers' buffer
/// or a CSV table's bytes. Never quoted, never a formula.
enum IntegerDigits {
    @inline(__always)
    static func write<Out: ByteSink>(_ value: Int, to out: inout Out) {
        if value >= 0, value < 10 { return out.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value)) }
        writeLong(value, to: &out)
    }

    /// Two digits or more, or a sign: the length found first (by powers of
    /// ten), then the digits written from the right, two at a time, in place.
    static func writeLong<Out: ByteSink>(_ value: Int, to out: inout Out) {
        out.append(upTo: 20) { start in  // a sign and 19 digits at most
            var magnitude = value.magnitude
            var digits = 1, power: UInt = 10
            while digits < 20, magnitude >= power {
                digits += 1
                power &*= 10
            }
            let length = digits + (value < 0 ? 1 : 0)
            if value < 0 { start[0] = UInt8(ascii: "-") }
            let pairs = Self.pairs.utf8Start
            var position = start + length
            while magnitude >= 100 {
                let pair = Int(truncatingIfNeeded: magnitude % 100) &* 2
                magnitude /= 100
                position -= 2
                position[0] = pairs[pair]
                position[1] = pairs[pair + 1]
            }
            if magnitude >= 10 {
                let pair = Int(truncatingIfNeeded: magnitude) &* 2
                position[-2] = pairs[pair]
                position[-1] = pairs[pair + 1]
            } else {
                position[-1] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude)
            }
            return length
        }
    }

    /// `00`, `01`, … `99`, one after another.
    private static var pairs: StaticString {
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"
    }
}
