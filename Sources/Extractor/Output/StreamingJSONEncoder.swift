import Foundation

/// Encodes `Encodable` values as JSON by writing bytes straight into one
/// buffer as the value's `encode(to:)` calls come, with no tree in between.
///
/// The bytes are those of ``OrderedJSONEncoder`` (the reference, kept for
/// tests and for the rare uses this one does not stream): keys in the order
/// `encode(to:)` writes them, a key written twice keeps its first place and
/// its last value, numbers and escapes alike. Every model type's own
/// `Encodable` conformance drives it, so a field added to a model is written
/// without touching this file.
///
/// Containers are written as they are used: a container is closed when its
/// parent writes again. A use that cannot stream (writing into a container
/// after its parent moved on, a `superEncoder`, a second value into one
/// single-value container) marks the stream failed, and the value is encoded
/// again through the reference encoder; so is a value whose encoding throws,
/// so errors carry the reference's coding paths.
struct StreamingJSONEncoder {
    /// Indent nested values with two spaces and put each member on its own line.
    var pretty = false

    /// The JSON bytes of `value`.
    func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let streams = Self.streams.value
        let stream = streams.take(pretty: pretty)
        defer { streams.give(stream) }
        do {
            try stream.encodeTop(value)
        } catch {
            return try OrderedJSONEncoder(pretty: pretty).encode(value)
        }
        if stream.failed { return try OrderedJSONEncoder(pretty: pretty).encode(value) }
        return stream.out.array()
    }

    /// Each thread keeps its stream between values: its buffer, its lists
    /// and what it learnt about types are reused, not made again per record.
    private static let streams = PerThread { JSONStreams() }
}

/// A thread's spare ``JSONStream``.
final class JSONStreams: @unchecked Sendable {
    private var spare: JSONStream?

    /// The spare stream, emptied, or a new one when it is in use (a value
    /// whose `encode(to:)` encodes another value to JSON).
    func take(pretty: Bool) -> JSONStream {
        guard let stream = spare else { return JSONStream(pretty: pretty) }
        spare = nil
        stream.reset(pretty: pretty)
        return stream
    }

    /// Keeps a stream for the next value, unless its buffer grew large (a huge document's).
    func give(_ stream: JSONStream) {
        if stream.out.capacity <= 1 << 22 { spare = stream }
    }
}

// MARK: - The output buffer

/// A growable byte buffer owned by one ``JSONStream``: appending a byte is a
/// capacity test and a store (no uniqueness test, no exclusivity bookkeeping).
struct JSONBytes {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    /// Frees the storage; the owner calls it once.
    func deallocate() { base.deallocate() }

    /// The bytes written, copied out.
    func array() -> [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    private mutating func grow(_ needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Appends `count` bytes from `source`, which may be read 16 bytes past
    /// its start whatever `count` is (a padded buffer).
    @inline(__always)
    mutating func appendShort(_ source: UnsafePointer<UInt8>, count length: Int) {
        reserve(Swift.max(length, 16))
        if length <= 16 {
            let raw = UnsafeRawPointer(source), target = UnsafeMutableRawPointer(base + count)
            target.storeBytes(of: raw.loadUnaligned(as: UInt64.self), as: UInt64.self)
            (target + 8).storeBytes(of: (raw + 8).loadUnaligned(as: UInt64.self), as: UInt64.self)
        } else {
            (base + count).update(from: source, count: length)
        }
        count += length
    }

    @inline(__always)
    mutating func append(upTo capacity: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        reserve(capacity)
        count += body(base + count)
    }

    @inline(__always)
    mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Drops everything from `position` on.
    mutating func truncate(to position: Int) { count = position }

    /// Whether the bytes at `first` and at `second` are equal for `length` bytes.
    func equal(_ first: Int, _ second: Int, length: Int) -> Bool {
        memcmp(base + first, base + second, length) == 0
    }

    /// Moves the bytes of `from..<count` to replace `range` (which lies before `from`).
    mutating func replace(_ range: Range<Int>, withTailFrom from: Int) {
        let tail = Array(UnsafeBufferPointer(start: base + from, count: count - from))
        count = from
        let suffix = Array(UnsafeBufferPointer(start: base + range.upperBound, count: count - range.upperBound))
        count = range.lowerBound
        tail.withUnsafeBufferPointer { append($0) }
        suffix.withUnsafeBufferPointer { append($0) }
    }
}

/// A growable stack of plain values owned by one ``JSONStream``: indexing
/// and pushing without uniqueness or bounds bookkeeping (the stream keeps
/// its indices in range).
struct JSONStack<Element> {
    private var base = UnsafeMutablePointer<Element>.allocate(capacity: 16)
    private var capacity = 16
    /// Elements in use; lowering it drops the top ones (they hold no references).
    var count = 0

    /// Frees the storage; the owner calls it once.
    func deallocate() { base.deallocate() }

    @inline(__always)
    subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating _modify { yield &base[index] }
    }

    @inline(__always)
    mutating func push(_ element: Element) {
        if count == capacity {
            let newBase = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
            newBase.moveInitialize(from: base, count: count)
            base.deallocate()
            base = newBase
            capacity *= 2
        }
        (base + count).initialize(to: element)
        count += 1
    }
}

// MARK: - The stream

/// The state of one encoding: the bytes, and the containers still open.
final class JSONStream {
    /// An open container; `frames[d]` sits at depth `d`.
    struct Frame {
        /// Tells this container from a later one at the same depth.
        var serial: Int
        /// The value slot (encoder) that opened it: asking that encoder again gives this container back.
        var owner: Int
        var isObject: Bool
        /// Members written so far.
        var count = 0
        /// Where this object's keys start in ``JSONStream/members``.
        var memberBase: Int
        /// One bit per key hash written: most keys need no search for an earlier copy.
        var keyMask: UInt64 = 0
        /// Length of the coding path of this container.
        var pathCount: Int
        /// A key written a second time: the index of its first member, whose
        /// value the bytes from `pendingStart` on replace when the value is complete.
        var pendingMember = -1
        var pendingStart = 0
    }

    /// A key of an open object, where it lies in the bytes, and where its value starts.
    struct Member {
        /// Where the separator before the key starts (its value ends there for the member before).
        var separatorStart: Int
        /// The key as written, quotes included.
        var keyStart: Int
        var keyLength: Int
        var valueStart: Int
    }

    private(set) var pretty: Bool
    @exclusivity(unchecked) var out = JSONBytes(capacity: 1 << 14)
    @exclusivity(unchecked) var frames = JSONStack<Frame>()
    @exclusivity(unchecked) var members = JSONStack<Member>()
    @exclusivity(unchecked) var path: [any CodingKey] = []
    @exclusivity(unchecked) private var kinds = TypeKinds()
    private var nextSerial = 1
    /// A use that cannot stream was met: the caller encodes again with the reference encoder.
    private(set) var failed = false

    init(pretty: Bool) {
        self.pretty = pretty
        path.reserveCapacity(16)
    }

    deinit {
        out.deallocate()
        frames.deallocate()
        members.deallocate()
    }

    /// Empties the stream for the next value (the buffer and lists keep their room).
    func reset(pretty: Bool) {
        self.pretty = pretty
        out.truncate(to: 0)
        frames.count = 0
        members.count = 0
        path.removeAll(keepingCapacity: true)
        nextSerial = 1
        failed = false
    }

    func fail() { failed = true }

    /// How values of `type` are written, when it is not a leaf type.
    @inline(__always)
    func kind<T>(of type: T.Type) -> JSONTypeKind { kinds.kind(of: type) }

    func serial() -> Int {
        defer { nextSerial += 1 }
        return nextSerial
    }

    /// Writes `value` as the whole output and closes every container.
    func encodeTop<T: Encodable>(_ value: T) throws {
        try writeValue(value, depth: 0, pathCount: 0)
        while frames.count > 0 { closeTop() }
    }

    // MARK: Containers

    /// Makes `frames[depth]` (of `serial`) the innermost open container,
    /// closing those inside it; false (and the stream failed) when that
    /// container is already closed.
    @inline(__always)
    func activate(_ depth: Int, _ serial: Int) -> Bool {
        guard !failed, depth < frames.count, frames[depth].serial == serial else {
            failed = true
            return false
        }
        while frames.count - 1 > depth { closeTop() }
        let pathCount = frames[depth].pathCount
        if path.count > pathCount { path.removeLast(path.count - pathCount) }
        return true
    }

    /// Opens a container at `depth` for the value slot `owner`.
    func open(isObject: Bool, depth: Int, owner: Int, pathCount: Int) -> Int {
        let serial = serial()
        out.append(isObject ? UInt8(ascii: "{") : UInt8(ascii: "["))
        frames.push(Frame(serial: serial, owner: owner, isObject: isObject, memberBase: members.count, pathCount: pathCount))
        return serial
    }

    /// Closes the innermost container.
    func closeTop() {
        let depth = frames.count - 1
        if frames[depth].isObject {
            if frames[depth].pendingMember >= 0 { replacePending(depth) }
            members.count = frames[depth].memberBase
        }
        if frames[depth].count > 0 { newline(depth) }
        out.append(frames[depth].isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
        frames.count -= 1
    }

    /// The last member of the object at `depth` was a key written again: its
    /// value (the bytes from `pendingStart` on) replaces the first value of that key.
    private func replacePending(_ depth: Int) {
        let index = frames[depth].pendingMember, start = frames[depth].pendingStart
        frames[depth].pendingMember = -1
        let oldEnd = index + 1 < members.count ? members[index + 1].separatorStart : start
        let old = members[index].valueStart..<oldEnd
        let length = out.count - start
        if length == old.count, out.equal(old.lowerBound, start, length: length) {
            out.truncate(to: start)
            return
        }
        out.replace(old, withTailFrom: start)
        let delta = length - old.count
        for later in (index + 1)..<members.count {
            members[later].separatorStart += delta
            members[later].keyStart += delta
            members[later].valueStart += delta
        }
    }

    /// Starts the member `key` of the object at `depth` (already active):
    /// writes the separator and the key, or, for a key already written,
    /// nothing (its value then replaces the earlier one).
    @inline(__always)
    func beginMember(_ depth: Int, key: String) {
        if frames[depth].pendingMember >= 0 { replacePending(depth) }
        let separatorStart = out.count
        if frames[depth].count > 0 { out.append(UInt8(ascii: ",")) }
        newline(depth + 1)
        let keyStart = out.count
        let bit = JSONKeys.write(key, to: &out)
        endMember(depth, separatorStart: separatorStart, keyStart: keyStart, bit: bit)
    }

    private func endMember(_ depth: Int, separatorStart: Int, keyStart: Int, bit: UInt64) {
        let keyLength = out.count - keyStart
        if frames[depth].keyMask & bit != 0 {
            // Written before? Then nothing is written now, and the value replaces the first one.
            for index in frames[depth].memberBase..<members.count
            where members[index].keyLength == keyLength && out.equal(members[index].keyStart, keyStart, length: keyLength) {
                out.truncate(to: separatorStart)
                frames[depth].pendingMember = index
                frames[depth].pendingStart = separatorStart
                return
            }
        }
        frames[depth].keyMask |= bit
        frames[depth].count += 1
        out.append(UInt8(ascii: ":"))
        if pretty { out.append(UInt8(ascii: " ")) }
        members.push(Member(separatorStart: separatorStart, keyStart: keyStart, keyLength: keyLength, valueStart: out.count))
    }

    /// Starts the next element of the array at `depth` (already active).
    @inline(__always)
    func beginElement(_ depth: Int) {
        if frames[depth].count > 0 { out.append(UInt8(ascii: ",")) }
        frames[depth].count += 1
        newline(depth + 1)
    }

    @inline(__always)
    func newline(_ depth: Int) {
        guard pretty else { return }
        out.reserve(1 + depth * 2)
        out.append(UInt8(ascii: "\n"))
        for _ in 0..<(depth * 2) { out.append(UInt8(ascii: " ")) }
    }

    // MARK: Values

    /// Writes a value into a slot at `depth` whose coding path has `pathCount` keys.
    func writeValue<T: Encodable>(_ value: T, depth: Int, pathCount: Int) throws {
        if writeLeaf(value) { return }
        try writeNonLeaf(value, depth: depth, pathCount: pathCount)
    }

    /// ``writeValue(_:depth:pathCount:)`` for a value that is not of a leaf type.
    func writeNonLeaf<T: Encodable>(_ value: T, depth: Int, pathCount: Int) throws {
        if kinds.kind(of: T.self) == .dynamic, try writeCast(value) { return }
        let slotStart = out.count
        try value.encode(to: JSONStreamEncoder(stream: self, depth: depth, owner: serial(), slotStart: slotStart, pathCount: pathCount))
        if out.count == slotStart, frames.count == depth, !failed { out.append("{}") }
    }

    /// Writes a string, an integer, a Boolean or a finite decimal (or an
    /// optional one), found by comparing types (a dynamic cast costs hundreds
    /// of instructions); false for any other type. `unsafeBitCast` only
    /// renames the value's type, which is the same type.
    @inline(__always)
    func writeLeaf<T: Encodable>(_ value: T) -> Bool {
        if T.self == String.self { writeString(unsafeBitCast(value, to: String.self)); return true }
        if T.self == Int.self { writeInt(unsafeBitCast(value, to: Int.self)); return true }
        if T.self == Bool.self { writeBool(unsafeBitCast(value, to: Bool.self)); return true }
        if T.self == Decimal.self { return writeFinite(unsafeBitCast(value, to: Decimal.self)) }
        if T.self == String?.self {
            if let string = unsafeBitCast(value, to: String?.self) { writeString(string) } else { out.append("null") }
            return true
        }
        if T.self == Int?.self {
            if let int = unsafeBitCast(value, to: Int?.self) { writeInt(int) } else { out.append("null") }
            return true
        }
        if T.self == Decimal?.self {
            guard let decimal = unsafeBitCast(value, to: Decimal?.self) else { out.append("null"); return true }
            return writeFinite(decimal)
        }
        return false
    }

    /// The reference encoder's dynamic casts, in its order; false when none applies.
    func writeCast<T: Encodable>(_ value: T) throws -> Bool {
        switch value {
        case let string as String: writeString(string)
        case let bool as Bool: writeBool(bool)
        case let int as Int: writeInt(int)
        case let integer as any BinaryInteger: writeText(String(describing: integer))
        case let decimal as Decimal: if !writeFinite(decimal) { throw JSONStreamError.notFinite }
        case let double as Double: try writeDouble(double)
        case let float as Float: try writeDouble(Double(float))
        case let url as URL: writeString(url.absoluteString)
        default: return false
        }
        return true
    }

    func writeBool(_ value: Bool) { out.append(value ? "true" : "false") }

    func writeInt(_ value: Int) { IntegerDigits.write(value, to: &out) }

    /// A finite decimal as the reference writes it (its `description`); false
    /// for NaN (the reference then reports it).
    func writeFinite(_ value: Decimal) -> Bool {
        guard value.isFinite else { return false }
        if !DecimalDigits.write(value, to: &out) { writeText(value.description) }
        return true
    }

    func writeDouble(_ value: Double) throws {
        guard value.isFinite else { throw JSONStreamError.notFinite }
        if value == value.rounded(), abs(value) < 1e15 { return writeText(String(Int64(value))) }
        writeText(String(describing: value))
    }

    /// Text written as it is (a number's digits).
    func writeText(_ text: String) {
        var text = text
        text.withUTF8 { out.append($0) }
    }

    /// A JSON string: non-ASCII and `/` as they are, `"`, `\` and control characters escaped.
    func writeString(_ text: String) {
        var text = text
        text.withUTF8 { writeString($0) }
    }

    /// ``writeString(_:)`` on UTF-8.
    func writeString(_ utf8: UnsafeBufferPointer<UInt8>) { Self.writeString(utf8, to: &out) }

    /// ``writeString(_:)`` on UTF-8: eight bytes are tested at a time, and
    /// runs of bytes that need no escape are copied whole.
    static func writeString(_ utf8: UnsafeBufferPointer<UInt8>, to out: inout JSONBytes) {
        out.reserve(utf8.count + 2)
        out.append(UInt8(ascii: "\""))
        guard let base = utf8.baseAddress else { return out.append(UInt8(ascii: "\"")) }
        let count = utf8.count
        var start = 0, index = 0
        while index < count {
            // A word without a control character, a quote or a backslash is skipped whole.
            if index + 8 <= count, !Self.needsEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let end = Swift.min(index + 8, count)
            while index < end {
                let byte = base[index]
                if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    out.append(UnsafeBufferPointer(start: base + start, count: index - start))
                    writeEscaped(byte, to: &out)
                    start = index + 1
                }
                index += 1
            }
        }
        out.append(UnsafeBufferPointer(start: base + start, count: count - start))
        out.append(UInt8(ascii: "\""))
    }

    /// Whether any of eight bytes is below 0x20, a `"` or a `\` (exact: the
    /// usual zero-byte tests, on the word and on its copies xored with the two).
    @inline(__always)
    static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word & highs
        let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
        let quotes = (quote &- ones) & ~quote & highs
        let backslashes = (backslash &- ones) & ~backslash & highs
        return (control | quotes | backslashes) != 0
    }

    private static let hex: StaticString = "0123456789abcdef"

    private static func writeEscaped(_ byte: UInt8, to out: inout JSONBytes) {
        switch byte {
        case UInt8(ascii: "\""): out.append("\\\"")
        case UInt8(ascii: "\\"): out.append("\\\\")
        case UInt8(ascii: "\n"): out.append("\\n")
        case UInt8(ascii: "\r"): out.append("\\r")
        case UInt8(ascii: "\t"): out.append("\\t")
        default:
            out.append("\\u00")
            out.append(hex.utf8Start[Int(byte >> 4)])
            out.append(hex.utf8Start[Int(byte & 0xF)])
        }
    }
}

/// A value the stream does not write (a NaN): the reference encoder reports it.
enum JSONStreamError: Error { case notFinite }

/// How a type that is not one of the leaf types is written, found once per type.
enum JSONTypeKind {
    /// Through its own `encode(to:)`: a struct, an enum or an optional (an
    /// optional's `encode(to:)` writes its wrapped value through the same casts).
    case composite
    /// Through the reference encoder's dynamic casts, value by value: a class,
    /// a number type other than `Int`, `URL`…
    case dynamic
}

/// Marks optionals, to tell them by type.
private protocol OptionalMarker {}
extension Optional: OptionalMarker {}

/// A small open-addressing table from a type to its ``JSONTypeKind``.
struct TypeKinds {
    private var keys = [ObjectIdentifier?](repeating: nil, count: 64)
    private var values = [JSONTypeKind](repeating: .dynamic, count: 64)

    @inline(__always)
    mutating func kind<T>(of type: T.Type) -> JSONTypeKind {
        let key = ObjectIdentifier(type)
        var slot = Int(truncatingIfNeeded: UInt(bitPattern: key) >> 4) & 63
        for _ in 0..<64 {
            guard let found = keys[slot] else {
                let kind = Self.classify(type)
                keys[slot] = key
                values[slot] = kind
                return kind
            }
            if found == key { return values[slot] }
            slot = (slot + 1) & 63
        }
        return Self.classify(type)
    }

    /// Composite when none of the reference encoder's casts can apply to any
    /// value of the type: the cast of a struct or an enum succeeds only for
    /// the very type (or a conformance), and an optional goes through the
    /// casts of its wrapped value anyway.
    private static func classify<T>(_ type: T.Type) -> JSONTypeKind {
        if type is any OptionalMarker.Type { return .composite }
        if type is AnyObject.Type { return .dynamic }
        if type == String.self || type == Bool.self || type == Int.self || type is any BinaryInteger.Type
            || type == Decimal.self || type == Double.self || type == Float.self || type == URL.self
        {
            return .dynamic
        }
        return .composite
    }
}

// MARK: - The Encoder

/// A value slot of a ``JSONStream``: the encoder a value's `encode(to:)` gets.
struct JSONStreamEncoder: Encoder {
    let stream: JSONStream
    /// The depth of the container this value opens.
    let depth: Int
    /// This slot; a container it opens remembers it.
    let owner: Int
    /// Where the value starts in the bytes: a slot already written holds a value.
    let slotStart: Int
    let pathCount: Int

    var codingPath: [CodingKey] { Array(stream.path.prefix(pathCount)) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The slot's container: a new one, or the one it opened already (a
    /// wrapper writing its own keys among a wrapped value's).
    private func container(isObject: Bool) -> (serial: Int, ok: Bool) {
        let stream = self.stream
        if stream.failed { return (0, false) }
        if depth < stream.frames.count, stream.frames[depth].owner == owner, stream.frames[depth].isObject == isObject {
            let serial = stream.frames[depth].serial
            return (serial, stream.activate(depth, serial))
        }
        guard stream.frames.count == depth, stream.out.count == slotStart else {
            stream.fail()
            return (0, false)
        }
        return (stream.open(isObject: isObject, depth: depth, owner: owner, pathCount: pathCount), true)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let (serial, _) = container(isObject: true)
        return KeyedEncodingContainer(JSONStreamKeyedContainer<Key>(stream: stream, depth: depth, serial: serial, pathCount: pathCount))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        let (serial, _) = container(isObject: false)
        return JSONStreamUnkeyedContainer(stream: stream, depth: depth, serial: serial, pathCount: pathCount)
    }

    func singleValueContainer() -> SingleValueEncodingContainer {
        JSONStreamSingleValueContainer(encoder: self)
    }
}

/// A key for positions in arrays, in coding paths only.
private struct StreamIndexKey: CodingKey {
    var stringValue: String { "Index \(intValue ?? 0)" }
    var intValue: Int?
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { return nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct JSONStreamKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let stream: JSONStream
    let depth: Int
    let serial: Int
    let pathCount: Int

    var codingPath: [CodingKey] { Array(stream.path.prefix(pathCount)) }

    /// Activates this container and writes the key; false when the stream failed.
    @inline(__always)
    private func begin(_ key: Key) -> Bool {
        guard stream.activate(depth, serial) else { return false }
        stream.beginMember(depth, key: key.stringValue)
        return true
    }

    mutating func encodeNil(forKey key: Key) throws { if begin(key) { stream.out.append("null") } }
    mutating func encode(_ value: Bool, forKey key: Key) throws { if begin(key) { stream.writeBool(value) } }
    mutating func encode(_ value: String, forKey key: Key) throws { if begin(key) { stream.writeString(value) } }
    mutating func encode(_ value: Int, forKey key: Key) throws { if begin(key) { stream.writeInt(value) } }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        guard begin(key) else { return }
        if stream.writeLeaf(value) { return }
        stream.path.append(key)
        try stream.writeNonLeaf(value, depth: depth + 1, pathCount: pathCount + 1)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        var serial = 0
        if begin(key) {
            stream.path.append(key)
            serial = stream.open(isObject: true, depth: depth + 1, owner: stream.serial(), pathCount: pathCount + 1)
        }
        return KeyedEncodingContainer(
            JSONStreamKeyedContainer<NestedKey>(stream: stream, depth: depth + 1, serial: serial, pathCount: pathCount + 1))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        var serial = 0
        if begin(key) {
            stream.path.append(key)
            serial = stream.open(isObject: false, depth: depth + 1, owner: stream.serial(), pathCount: pathCount + 1)
        }
        return JSONStreamUnkeyedContainer(stream: stream, depth: depth + 1, serial: serial, pathCount: pathCount + 1)
    }

    mutating func superEncoder() -> Encoder {
        stream.fail(); return JSONStreamEncoder(stream: stream, depth: 0, owner: 0, slotStart: -1, pathCount: 0)
    }
    mutating func superEncoder(forKey key: Key) -> Encoder { superEncoder() }
}

private struct JSONStreamUnkeyedContainer: UnkeyedEncodingContainer {
    let stream: JSONStream
    let depth: Int
    let serial: Int
    let pathCount: Int

    var codingPath: [CodingKey] { Array(stream.path.prefix(pathCount)) }
    var count: Int {
        depth < stream.frames.count && stream.frames[depth].serial == serial ? stream.frames[depth].count : 0
    }

    @inline(__always)
    private func begin() -> Bool {
        guard stream.activate(depth, serial) else { return false }
        stream.beginElement(depth)
        return true
    }

    mutating func encodeNil() throws { if begin() { stream.out.append("null") } }
    mutating func encode(_ value: Bool) throws { if begin() { stream.writeBool(value) } }
    mutating func encode(_ value: String) throws { if begin() { stream.writeString(value) } }
    mutating func encode(_ value: Int) throws { if begin() { stream.writeInt(value) } }
    mutating func encode<T: Encodable>(_ value: T) throws {
        guard begin() else { return }
        if stream.writeLeaf(value) { return }
        stream.path.append(StreamIndexKey(count - 1))
        try stream.writeNonLeaf(value, depth: depth + 1, pathCount: pathCount + 1)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        var serial = 0
        if begin() {
            stream.path.append(StreamIndexKey(count - 1))
            serial = stream.open(isObject: true, depth: depth + 1, owner: stream.serial(), pathCount: pathCount + 1)
        }
        return KeyedEncodingContainer(
            JSONStreamKeyedContainer<NestedKey>(stream: stream, depth: depth + 1, serial: serial, pathCount: pathCount + 1))
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        var serial = 0
        if begin() {
            stream.path.append(StreamIndexKey(count - 1))
            serial = stream.open(isObject: false, depth: depth + 1, owner: stream.serial(), pathCount: pathCount + 1)
        }
        return JSONStreamUnkeyedContainer(stream: stream, depth: depth + 1, serial: serial, pathCount: pathCount + 1)
    }

    mutating func superEncoder() -> Encoder {
        stream.fail(); return JSONStreamEncoder(stream: stream, depth: 0, owner: 0, slotStart: -1, pathCount: 0)
    }
}

private struct JSONStreamSingleValueContainer: SingleValueEncodingContainer {
    let encoder: JSONStreamEncoder
    var codingPath: [CodingKey] { encoder.codingPath }

    /// Whether the slot is still empty; a second value fails the stream.
    @inline(__always)
    private func begin() -> Bool {
        let stream = encoder.stream
        guard !stream.failed, stream.frames.count == encoder.depth, stream.out.count == encoder.slotStart else {
            stream.fail()
            return false
        }
        return true
    }

    mutating func encodeNil() throws { if begin() { encoder.stream.out.append("null") } }
    mutating func encode(_ value: Bool) throws { if begin() { encoder.stream.writeBool(value) } }
    mutating func encode(_ value: String) throws { if begin() { encoder.stream.writeString(value) } }
    mutating func encode(_ value: Int) throws { if begin() { encoder.stream.writeInt(value) } }
    mutating func encode<T: Encodable>(_ value: T) throws {
        guard begin() else { return }
        let stream = encoder.stream
        if stream.writeLeaf(value) { return }
        if stream.kind(of: T.self) == .dynamic, try stream.writeCast(value) { return }
        // The wrapped value fills this same slot, as the same owner: the
        // reference's single-value container holds what it encodes.
        try value.encode(to: encoder)
        if stream.out.count == encoder.slotStart, stream.frames.count == encoder.depth, !stream.failed { stream.out.append("{}") }
    }
}

// MARK: - Keys

/// Keys as written: quoted and escaped like any string, read through the
/// string's public UTF-8 view (a model's keys are literals, whose bytes are
/// contiguous, so nothing is copied).
enum JSONKeys {
    /// Writes `key` quoted and escaped; returns its bit for an object's key
    /// mask, from its written length and last byte.
    @inline(__always)
    static func write(_ key: String, to out: inout JSONBytes) -> UInt64 {
        let start = out.count
        if key.utf8.withContiguousStorageIfAvailable({ JSONStream.writeString($0, to: &out) }) == nil {
            var key = key
            key.withUTF8 { JSONStream.writeString($0, to: &out) }
        }
        let length = out.count - start
        return 1 << UInt64((length &* 7 &+ Int(out.base[out.count - 2])) & 63)
    }
}

// MARK: - Decimals

/// Writes a decimal's digits as its `description` does, without building a
/// string: the significand's digits with the point placed by the exponent
/// (`2.5`, `0.05`, `12300`, `-3`), trailing zeros of the significand kept.
///
/// Only public API is read: `exponent`, `isSignMinus`, and the significand
/// as an integer through `NSDecimalNumber` (about 600 instructions, against
/// some 16,000 for `description`). A value it does not cover (a significand
/// over 64 bits, an exponent beyond ±40) is left to `description` (the
/// caller writes it).
enum DecimalDigits {
    /// Appends the digits of a finite decimal; false (nothing written) when the caller must use `description`.
    static func write<Out: ByteSink>(_ value: Decimal, to out: inout Out) -> Bool {
        let exponent = value.exponent
        guard exponent >= -40, exponent <= 40 else { return false }
        let significand = value.significand
        let mantissa = NSDecimalNumber(decimal: significand).uint64Value
        guard Decimal(mantissa) == significand else { return false }
        let negative = value.isSignMinus
        if mantissa == 0 {
            guard !negative else { return false }
            out.append(UInt8(ascii: "0"))
            return true
        }
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 20 digits fit in 24 bytes
        return withUnsafeMutableBytes(of: &buffer) { digits in
            var position = digits.count, rest = mantissa
            repeat {
                position -= 1
                digits[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            let count = digits.count - position
            let significand = UnsafeBufferPointer(start: digits.baseAddress!.assumingMemoryBound(to: UInt8.self) + position, count: count)
            out.reserve(count + abs(exponent) + 3)
            if negative { out.append(UInt8(ascii: "-")) }
            if exponent >= 0 {
                out.append(significand)
                for _ in 0..<exponent { out.append(UInt8(ascii: "0")) }
            } else if -exponent < count {
                let whole = count + exponent
                out.append(UnsafeBufferPointer(rebasing: significand[..<whole]))
                out.append(UInt8(ascii: "."))
                out.append(UnsafeBufferPointer(rebasing: significand[whole...]))
            } else {
                out.append(UInt8(ascii: "0"))
                out.append(UInt8(ascii: "."))
                for _ in 0..<(-exponent - count) { out.append(UInt8(ascii: "0")) }
                out.append(significand)
            }
            return true
        }
    }

    /// The decimal as `description` writes it, through ``write(_:to:)`` when it can.
    static func text(_ value: Decimal) -> String {
        guard value.isFinite else { return value.description }
        var bytes = JSONBytes(capacity: 64)
        defer { bytes.deallocate() }
        guard write(value, to: &bytes) else { return value.description }
        return String(decoding: UnsafeBufferPointer(start: bytes.base, count: bytes.count), as: UTF8.self)
    }
}

/// Where ``DecimalDigits`` and ``IntegerDigits`` write: the JSON buffer, or a CSV table's bytes.
protocol ByteSink {
    mutating func reserve(_ extra: Int)
    mutating func append(_ byte: UInt8)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>)
    /// Appends the bytes `body` writes from the pointer it is given (room
    /// for `capacity` of them); it returns how many it wrote.
    mutating func append(upTo capacity: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int)
}

extension JSONBytes: ByteSink {}

extension Array: ByteSink where Element == UInt8 {
    mutating func reserve(_ extra: Int) { reserveCapacity(count + extra) }
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }
    mutating func append(upTo capacity: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            let written = body(buffer.baseAddress!)
            append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<written]))
        }
    }
}
