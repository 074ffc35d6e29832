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
        let stream = JSONStream(pretty: pretty)
        do {
            try stream.encodeTop(value)
        } catch {
            return try OrderedJSONEncoder(pretty: pretty).encode(value)
        }
        if stream.failed { return try OrderedJSONEncoder(pretty: pretty).encode(value) }
        return stream.out.array()
    }
}

// MARK: - The output buffer

/// A growable byte buffer owned by one ``JSONStream``: appending a byte is a
/// capacity test and a store (no uniqueness test, no exclusivity bookkeeping).
struct JSONBytes {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

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

    /// A key of an open object and where its value lies in the bytes.
    struct Member {
        var key: String
        var valueStart: Int
        var valueEnd: Int
    }

    let pretty: Bool
    @exclusivity(unchecked) var out = JSONBytes(capacity: 1 << 14)
    @exclusivity(unchecked) var frames: [Frame] = []
    @exclusivity(unchecked) var members: [Member] = []
    @exclusivity(unchecked) var path: [any CodingKey] = []
    @exclusivity(unchecked) private var kinds = TypeKinds()
    private var nextSerial = 1
    /// A use that cannot stream was met: the caller encodes again with the reference encoder.
    private(set) var failed = false

    init(pretty: Bool) {
        self.pretty = pretty
        frames.reserveCapacity(16)
        members.reserveCapacity(64)
        path.reserveCapacity(16)
    }

    deinit { out.deallocate() }

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
        while !frames.isEmpty { closeTop() }
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
        if path.count > frames[depth].pathCount { path.removeLast(path.count - frames[depth].pathCount) }
        return true
    }

    /// Opens a container at `depth` for the value slot `owner`.
    func open(isObject: Bool, depth: Int, owner: Int, pathCount: Int) -> Int {
        let serial = serial()
        out.append(isObject ? UInt8(ascii: "{") : UInt8(ascii: "["))
        frames.append(Frame(serial: serial, owner: owner, isObject: isObject, memberBase: members.count, pathCount: pathCount))
        return serial
    }

    /// Closes the innermost container.
    func closeTop() {
        let depth = frames.count - 1
        let frame = frames[depth]
        if frame.isObject {
            finishMember(depth)
            members.removeLast(members.count - frame.memberBase)
        }
        if frame.count > 0 { newline(depth) }
        out.append(frame.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
        frames.removeLast()
    }

    /// The last member of the object at `depth` is complete: its end is
    /// noted, or, when it was a key written again, its bytes replace the
    /// first value of that key.
    @inline(__always)
    private func finishMember(_ depth: Int) {
        if frames[depth].pendingMember >= 0 { return replacePending(depth) }
        if frames[depth].count > 0 { members[members.count - 1].valueEnd = out.count }
    }

    private func replacePending(_ depth: Int) {
        let index = frames[depth].pendingMember, start = frames[depth].pendingStart
        frames[depth].pendingMember = -1
        let old = members[index].valueStart..<members[index].valueEnd
        let length = out.count - start
        if length == old.count, out.equal(old.lowerBound, start, length: length) {
            out.truncate(to: start)
            return
        }
        out.replace(old, withTailFrom: start)
        let delta = length - old.count
        members[index].valueEnd += delta
        for later in (index + 1)..<members.count {
            members[later].valueStart += delta
            members[later].valueEnd += delta
        }
    }

    /// Starts the member `key` of the object at `depth` (already active):
    /// writes the separator and the key, or, for a key already written,
    /// nothing (its value then replaces the earlier one).
    @inline(__always)
    func beginMember(_ depth: Int, key: String) {
        finishMember(depth)
        let utf8 = key.utf8
        let bit: UInt64 = 1 << UInt64((utf8.count &* 7 &+ Int(utf8.first ?? 0)) & 63)
        if frames[depth].keyMask & bit != 0 {
            for index in frames[depth].memberBase..<members.count where members[index].key == key {
                frames[depth].pendingMember = index
                frames[depth].pendingStart = out.count
                return
            }
        }
        frames[depth].keyMask |= bit
        if frames[depth].count > 0 { out.append(UInt8(ascii: ",")) }
        frames[depth].count += 1
        newline(depth + 1)
        writeString(key)
        out.append(UInt8(ascii: ":"))
        if pretty { out.append(UInt8(ascii: " ")) }
        members.append(Member(key: key, valueStart: out.count, valueEnd: out.count))
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

    func writeInt(_ value: Int) {
        if value >= 0, value < 10 { return out.append(UInt8(ascii: "0") + UInt8(value)) }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: a sign and 20 digits fit
        var magnitude = value.magnitude
        withUnsafeMutableBytes(of: &digits) { buffer in
            var position = buffer.count
            repeat {
                position -= 1
                buffer[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                position -= 1
                buffer[position] = UInt8(ascii: "-")
            }
            let bytes = UnsafeRawBufferPointer(rebasing: buffer[position...]).bindMemory(to: UInt8.self)
            out.append(bytes)
        }
    }

    /// A finite decimal as the reference writes it; false for NaN (the
    /// reference then reports it).
    func writeFinite(_ value: Decimal) -> Bool {
        guard value.isFinite else { return false }
        writeText(value.description)
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
        text.withUTF8 { utf8 in
            out.reserve(utf8.count + 2)
            out.append(UInt8(ascii: "\""))
            // Runs of bytes that need no escape are copied whole.
            var start = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                out.append(UnsafeBufferPointer(rebasing: utf8[start..<index]))
                writeEscaped(byte)
                start = index + 1
            }
            out.append(UnsafeBufferPointer(rebasing: utf8[start...]))
            out.append(UInt8(ascii: "\""))
        }
    }

    private static let hex: StaticString = "0123456789abcdef"

    private func writeEscaped(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): out.append("\\\"")
        case UInt8(ascii: "\\"): out.append("\\\\")
        case UInt8(ascii: "\n"): out.append("\\n")
        case UInt8(ascii: "\r"): out.append("\\r")
        case UInt8(ascii: "\t"): out.append("\\t")
        default:
            out.append("\\u00")
            out.append(Self.hex.utf8Start[Int(byte >> 4)])
            out.append(Self.hex.utf8Start[Int(byte & 0xF)])
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
            || type == Decimal.self || type == Double.self || type == Float.self || type == URL.self {
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

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        var serial = 0
        if begin(key) {
            stream.path.append(key)
            serial = stream.open(isObject: true, depth: depth + 1, owner: stream.serial(), pathCount: pathCount + 1)
        }
        return KeyedEncodingContainer(JSONStreamKeyedContainer<NestedKey>(stream: stream, depth: depth + 1, serial: serial, pathCount: pathCount + 1))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        var serial = 0
        if begin(key) {
            stream.path.append(key)
            serial = stream.open(isObject: false, depth: depth + 1, owner: stream.serial(), pathCount: pathCount + 1)
        }
        return JSONStreamUnkeyedContainer(stream: stream, depth: depth + 1, serial: serial, pathCount: pathCount + 1)
    }

    mutating func superEncoder() -> Encoder { stream.fail(); return JSONStreamEncoder(stream: stream, depth: 0, owner: 0, slotStart: -1, pathCount: 0) }
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
        return KeyedEncodingContainer(JSONStreamKeyedContainer<NestedKey>(stream: stream, depth: depth + 1, serial: serial, pathCount: pathCount + 1))
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        var serial = 0
        if begin() {
            stream.path.append(StreamIndexKey(count - 1))
            serial = stream.open(isObject: false, depth: depth + 1, owner: stream.serial(), pathCount: pathCount + 1)
        }
        return JSONStreamUnkeyedContainer(stream: stream, depth: depth + 1, serial: serial, pathCount: pathCount + 1)
    }

    mutating func superEncoder() -> Encoder { stream.fail(); return JSONStreamEncoder(stream: stream, depth: 0, owner: 0, slotStart: -1, pathCount: 0) }
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
