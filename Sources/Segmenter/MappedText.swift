import TextTools

/// Text in which every character remembers where it came from.
///
/// Each scalar carries the half-open range of code points of the original
/// document it was made from: a folded `１` maps to the one character it
/// replaced, a decoded `&amp;` to its five, a joined line break to nothing at
/// all (the characters around it keep their own places), so any range of this
/// text maps back to the exact original slice, breaks included.
public struct MappedText: Sendable, Equatable {
    /// The characters of this text.
    public private(set) var scalars: [Unicode.Scalar] = []
    /// For each scalar, the original code-point offset where it starts.
    public private(set) var starts: [Int32] = []
    /// For each scalar, the original code-point offset where it ends.
    public private(set) var ends: [Int32] = []

    /// An empty text.
    public init() {}

    init(scalars: [Unicode.Scalar], starts: [Int32], ends: [Int32]) {
        self.scalars = scalars
        self.starts = starts
        self.ends = ends
    }

    /// The text of `original` unchanged, each scalar mapped to itself.
    public init(identity original: [Unicode.Scalar]) {
        scalars = original
        starts = (0..<Int32(original.count)).map { $0 }
        ends = (1..<Int32(original.count + 1)).map { $0 }
    }

    /// The number of scalars.
    public var count: Int { scalars.count }
    /// Whether the text has no scalars.
    public var isEmpty: Bool { scalars.isEmpty }

    /// The scalar at `index`.
    public subscript(index: Int) -> Unicode.Scalar { scalars[index] }

    /// Appends `scalar`, made from original code points `start..<end`.
    public mutating func append(_ scalar: Unicode.Scalar, from start: Int, to end: Int) {
        scalars.append(scalar)
        starts.append(Int32(start))
        ends.append(Int32(end))
    }

    /// Appends `original[range]` unchanged, each scalar mapped to itself
    /// (in bulk: a plain document is copied this way).
    public mutating func append(identity original: [Unicode.Scalar], _ range: Range<Int>) {
        scalars.append(contentsOf: original[range])
        precondition(range.upperBound < Int(Int32.max), "text too long for 32-bit offsets")
        let first = Int32(range.lowerBound), count = range.count
        starts.append(
            contentsOf: [Int32](unsafeUninitializedCapacity: count) { buffer, initialized in
                for offset in 0..<count { buffer[offset] = first &+ Int32(truncatingIfNeeded: offset) }
                initialized = count
            })
        ends.append(
            contentsOf: [Int32](unsafeUninitializedCapacity: count) { buffer, initialized in
                for offset in 0..<count { buffer[offset] = first &+ Int32(truncatingIfNeeded: offset) &+ 1 }
                initialized = count
            })
    }

    /// Appends the scalar at `index` of `other` with its mapping.
    public mutating func append(from other: MappedText, at index: Int, as scalar: Unicode.Scalar? = nil) {
        scalars.append(scalar ?? other.scalars[index])
        starts.append(other.starts[index])
        ends.append(other.ends[index])
    }

    /// Makes room for `capacity` scalars with their mapping.
    public mutating func reserveCapacity(_ capacity: Int) {
        scalars.reserveCapacity(capacity)
        starts.reserveCapacity(capacity)
        ends.reserveCapacity(capacity)
    }

    /// The original code-point range that `range` of this text was made from:
    /// from the start of its first scalar to the end of its last. An empty
    /// range maps to an empty range at its position.
    public func originalRange(of range: Range<Int>) -> Range<Int> {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "range outside the text")
        if range.isEmpty {
            let at =
                range.lowerBound < count
                ? Int(starts[range.lowerBound])
                : (count > 0 ? Int(ends[count - 1]) : 0)
            return at..<at
        }
        return Int(starts[range.lowerBound])..<Int(ends[range.upperBound - 1])
    }

    /// The characters of `range` as a string.
    public func string(_ range: Range<Int>) -> String { String(scalars: scalars[range]) }

    /// The whole text as a string.
    public var string: String { string(0..<count) }
}

/// Builds a ``MappedText`` one scalar at a time into buffers it owns.
///
/// The normaliser and the markup readers append every character of every
/// document; appending to three growing arrays checks uniqueness and capacity
/// of each on every call, which cost more than the normalising itself.
final class MappedTextWriter {
    private var scalars: UnsafeMutablePointer<Unicode.Scalar>
    private var starts: UnsafeMutablePointer<Int32>
    private var ends: UnsafeMutablePointer<Int32>
    private var capacity: Int
    /// The number of scalars written.
    private(set) var count = 0

    /// Whether the buffers are the storage of arrays being built (see
    /// ``text(atMost:_:)``): then they cannot grow and are not freed here.
    private let borrowed: Bool

    init(capacity: Int) {
        self.capacity = Swift.max(16, capacity)
        scalars = .allocate(capacity: self.capacity)
        starts = .allocate(capacity: self.capacity)
        ends = .allocate(capacity: self.capacity)
        borrowed = false
    }

    private init(
        borrowing scalars: UnsafeMutablePointer<Unicode.Scalar>, starts: UnsafeMutablePointer<Int32>,
        ends: UnsafeMutablePointer<Int32>, capacity: Int
    ) {
        self.scalars = scalars
        self.starts = starts
        self.ends = ends
        self.capacity = capacity
        borrowed = true
    }

    deinit {
        guard !borrowed else { return }
        scalars.deallocate()
        starts.deallocate()
        ends.deallocate()
    }

    /// The text `body` writes, at most `capacity` scalars, written straight
    /// into the storage of the text's arrays (no copy at the end). The writer
    /// must not be used after `body` returns; writing more than `capacity`
    /// scalars traps.
    static func text(atMost capacity: Int, _ body: (MappedTextWriter) -> Void) -> MappedText {
        let capacity = Swift.max(1, capacity)
        var written = 0
        var starts: [Int32] = [], ends: [Int32] = []
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: capacity) { scalarBuffer, scalarCount in
            starts = [Int32](unsafeUninitializedCapacity: capacity) { startBuffer, startCount in
                ends = [Int32](unsafeUninitializedCapacity: capacity) { endBuffer, endCount in
                    let writer = MappedTextWriter(
                        borrowing: scalarBuffer.baseAddress!, starts: startBuffer.baseAddress!,
                        ends: endBuffer.baseAddress!, capacity: capacity)
                    body(writer)
                    written = writer.count
                    endCount = written
                }
                startCount = written
            }
            scalarCount = written
        }
        return MappedText(scalars: scalars, starts: starts, ends: ends)
    }

    /// The last scalar written, if any.
    var last: Unicode.Scalar? { count > 0 ? scalars[count - 1] : nil }

    /// Appends `scalar`, made from original code points `start..<end`.
    @inline(__always)
    func append(_ scalar: Unicode.Scalar, from start: Int32, to end: Int32) {
        if count == capacity { grow() }
        scalars[count] = scalar
        starts[count] = start
        ends[count] = end
        count += 1
    }

    /// Appends `scalar`, made from original code points `start..<end`.
    @inline(__always)
    func append(_ scalar: Unicode.Scalar, from start: Int, to end: Int) {
        append(scalar, from: Int32(start), to: Int32(end))
    }

    /// Appends a run of scalars with their origins.
    func append(
        _ run: UnsafeBufferPointer<Unicode.Scalar>, starts runStarts: UnsafeBufferPointer<Int32>, ends runEnds: UnsafeBufferPointer<Int32>
    ) {
        let length = run.count
        guard length > 0, let runBase = run.baseAddress, let startsBase = runStarts.baseAddress, let endsBase = runEnds.baseAddress else {
            return
        }
        precondition(runStarts.count == length && runEnds.count == length)
        reserve(length)
        (scalars + count).initialize(from: runBase, count: length)
        (starts + count).initialize(from: startsBase, count: length)
        (ends + count).initialize(from: endsBase, count: length)
        count += length
    }

    /// Appends a run of scalars of the original text unchanged, the first
    /// one from original offset `first`, each mapped to itself.
    func append(_ run: UnsafeBufferPointer<Unicode.Scalar>, identityFrom first: Int32) {
        let length = run.count
        guard length > 0, let runBase = run.baseAddress else { return }
        reserve(length)
        (scalars + count).initialize(from: runBase, count: length)
        let runStarts = starts + count, runEnds = ends + count
        for offset in 0..<length {
            let start = first &+ Int32(truncatingIfNeeded: offset)
            runStarts[offset] = start
            runEnds[offset] = start &+ 1
        }
        count += length
    }

    /// Appends `original[range]` unchanged, each scalar mapped to itself.
    func append(identity original: [Unicode.Scalar], _ range: Range<Int>) {
        precondition(range.upperBound < Int(Int32.max), "text too long for 32-bit offsets")
        original[range].withUnsafeBufferPointer { append($0, identityFrom: Int32(truncatingIfNeeded: range.lowerBound)) }
    }

    /// Makes room for `extra` more scalars.
    @inline(__always)
    private func reserve(_ extra: Int) {
        while count + extra > capacity { grow() }
    }

    private func grow() {
        precondition(!borrowed, "wrote more than the capacity promised")
        let larger = capacity * 2
        func moved<T>(_ old: UnsafeMutablePointer<T>) -> UnsafeMutablePointer<T> {
            let new = UnsafeMutablePointer<T>.allocate(capacity: larger)
            new.moveInitialize(from: old, count: count)
            old.deallocate()
            return new
        }
        scalars = moved(scalars)
        starts = moved(starts)
        ends = moved(ends)
        capacity = larger
    }

    /// The text written so far (each buffer copied in one move).
    func text() -> MappedText {
        MappedText(scalars: copied(scalars), starts: copied(starts), ends: copied(ends))
    }

    private func copied<T>(_ buffer: UnsafeMutablePointer<T>) -> [T] {
        [T](unsafeUninitializedCapacity: count) { array, initialized in
            // The element types are trivial: the bytes are the values.
            if count > 0, let base = array.baseAddress {
                UnsafeMutableRawPointer(base).copyMemory(from: buffer, byteCount: count * MemoryLayout<T>.stride)
            }
            initialized = count
        }
    }
}
