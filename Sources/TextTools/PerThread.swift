#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An immutable object built once per thread that asks for it.
///
/// The word lists are read at nearly every character by every worker thread.
/// Swift counts references atomically: each copy of a list's array, of an
/// ending's record, of a vocabulary, writes to a count in the shared object,
/// and two cores writing the same cache line take turns owning it. With one
/// instance per thread every such count lives in the writing core's cache;
/// the cost is building the lists once per thread (a few milliseconds) and
/// their memory once per thread (a few megabytes). The objects are never
/// changed after they are built, so every instance gives the same answers.
public final class PerThread<Value: AnyObject & Sendable>: @unchecked Sendable {
    private var key = pthread_key_t()
    private let make: @Sendable () -> Value

    /// Builds an instance with `make` the first time each thread asks.
    public init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
        // The thread's instance is released when the thread ends.
        let status = pthread_key_create(&key) { pointer in
            #if canImport(Darwin)
            Unmanaged<AnyObject>.fromOpaque(pointer).release()
            #else
            if let pointer { Unmanaged<AnyObject>.fromOpaque(pointer).release() }
            #endif
        }
        precondition(status == 0, "pthread_key_create failed (\(status))")
    }

    /// This thread's instance, built on first use.
    public var value: Value {
        if let pointer = pthread_getspecific(key) {
            return Unmanaged<Value>.fromOpaque(pointer).takeUnretainedValue()
        }
        let value = make()
        pthread_setspecific(key, Unmanaged.passRetained(value).toOpaque())
        return value
    }
}
