/// Writes an integer's decimal digits (a `-` first when negative), as
/// `String(value)` would, straight into a byte sink: the JSON writers' buffer
/// or a CSV table's bytes. Never quoted, never a formula.
enum IntegerDigits {
    @inline(__always)
    static func write<Out: ByteSink>(_ value: Int, to out: inout Out) {
        if value >= 0, value < 10 { return out.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value)) }
        writeLong(value, to: &out)
    }

    /// Two digits or more, or a sign: built from the right in a 24-byte buffer (a sign and 20 digits fit).
    static func writeLong<Out: ByteSink>(_ value: Int, to out: inout Out) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var magnitude = value.magnitude
        withUnsafeMutableBytes(of: &digits) { buffer in
            var position = buffer.count
            repeat {
                position -= 1
                buffer[position] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                position -= 1
                buffer[position] = UInt8(ascii: "-")
            }
            out.append(UnsafeRawBufferPointer(rebasing: buffer[position...]).bindMemory(to: UInt8.self))
        }
    }
}
