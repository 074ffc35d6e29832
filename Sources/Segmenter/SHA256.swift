import CICU

/// SHA-256 (FIPS 180-4) of a byte buffer, as lowercase hex: the `sha256` of
/// ``Source``, so a dataset row can be traced to the exact file it came from.
///
/// Every document is hashed, so this runs over every byte of a batch. The
/// blocks go to the CPU's SHA instructions when it has them (through CICU's
/// `zc_sha256_blocks`, about ten times faster); otherwise they are compressed
/// here, read straight from the caller's buffer with the message schedule in
/// one scratch buffer, through unsafe pointers (no bounds checks, no copy of
/// the message).
public enum SHA256 {
    /// Who compresses the blocks.
    public enum Compression: Sendable, CaseIterable {
        /// The CPU's SHA instructions when it has them, else ``swift``.
        case fastest
        /// The compression written here in Swift.
        case swift
    }

    /// The digest of `bytes` as 64 lowercase hex digits.
    public static func hex<C: Collection>(_ bytes: C, compression: Compression = .fastest) -> String where C.Element == UInt8 {
        let digestOf = { (message: UnsafeBufferPointer<UInt8>) -> [UInt32] in digest(message, compression: compression) }
        let h = bytes.withContiguousStorageIfAvailable(digestOf) ?? Array(bytes).withUnsafeBufferPointer(digestOf)
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for word in h {
            for shift in stride(from: 28, through: 0, by: -4) { out.append(digits[Int((word >> UInt32(shift)) & 0xF)]) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The eight words of the digest of `message`.
    private static func digest(_ message: UnsafeBufferPointer<UInt8>, compression: Compression) -> [UInt32] {
        var h: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
        // The tail: the last partial block, 0x80, zeros, the length in bits; one or two blocks.
        let whole = message.count / 64 * 64
        var tail = [UInt8](message[whole...])
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        let bitLength = UInt64(message.count) * 8
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }

        // The round constants live in the C room, shared with the SHA instructions' path.
        let k = UnsafeBufferPointer(start: zc_sha256_round_constants(), count: 64)
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            h.withUnsafeMutableBufferPointer { h in
                /// Compresses `count` bytes (whole blocks) from `start`.
                func compressBlocks(_ start: UnsafePointer<UInt8>, count: Int) {
                    if compression == .fastest, zc_sha256_blocks(h.baseAddress!, start, Int64(count / 64)) == 1 { return }
                    var offset = 0
                    while offset < count {
                        compress(start + offset, w: w, k: k, h: h)
                        offset += 64
                    }
                }
                if whole > 0 { compressBlocks(message.baseAddress!, count: whole) }
                tail.withUnsafeBufferPointer { compressBlocks($0.baseAddress!, count: $0.count) }
            }
        }
        return h
    }

    /// One 64-byte block into the state `h`.
    @inline(__always)
    private static func compress(
        _ block: UnsafePointer<UInt8>, w: UnsafeMutableBufferPointer<UInt32>,
        k: UnsafeBufferPointer<UInt32>, h: UnsafeMutableBufferPointer<UInt32>
    ) {
        for i in 0..<16 {
            let b = block + i * 4
            w[i] = UInt32(b[0]) << 24 | UInt32(b[1]) << 16 | UInt32(b[2]) << 8 | UInt32(b[3])
        }
        for i in 16..<64 {
            let s0 = w[i - 15].rotatedRight(7) ^ w[i - 15].rotatedRight(18) ^ (w[i - 15] >> 3)
            let s1 = w[i - 2].rotatedRight(17) ^ w[i - 2].rotatedRight(19) ^ (w[i - 2] >> 10)
            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
        }
        var (a, b, c, d, e, f, g, hh) = (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7])
        // Eight rounds per pass, the working variables renamed from round to
        // round instead of shifted along: the same arithmetic, a third fewer
        // instructions.
        var i = 0
        while i < 64 {
            round(a, b, c, &d, e, f, g, &hh, k[i] &+ w[i])
            round(hh, a, b, &c, d, e, f, &g, k[i + 1] &+ w[i + 1])
            round(g, hh, a, &b, c, d, e, &f, k[i + 2] &+ w[i + 2])
            round(f, g, hh, &a, b, c, d, &e, k[i + 3] &+ w[i + 3])
            round(e, f, g, &hh, a, b, c, &d, k[i + 4] &+ w[i + 4])
            round(d, e, f, &g, hh, a, b, &c, k[i + 5] &+ w[i + 5])
            round(c, d, e, &f, g, hh, a, &b, k[i + 6] &+ w[i + 6])
            round(b, c, d, &e, f, g, hh, &a, k[i + 7] &+ w[i + 7])
            i += 8
        }
        h[0] &+= a; h[1] &+= b; h[2] &+= c; h[3] &+= d; h[4] &+= e; h[5] &+= f; h[6] &+= g; h[7] &+= hh
    }

    /// One round: `d` and `h` take their new values (FIPS 180-4 §6.2.2 with
    /// the variables renamed; Ch and Maj in their three- and four-operation forms).
    @inline(__always)
    private static func round(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
        _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32
    ) {
        let t1 = h &+ (e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)) &+ (g ^ (e & (f ^ g))) &+ kw
        d &+= t1
        h = t1 &+ (a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)) &+ ((a & b) ^ (c & (a ^ b)))
    }
}

extension UInt32 {
    @inline(__always) fileprivate func rotatedRight(_ count: UInt32) -> UInt32 { (self >> count) | (self << (32 - count)) }
}
