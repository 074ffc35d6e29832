import Foundation

/// A first-in first-out queue of work between threads that holds at most
/// `capacity` items: `put` waits while it is full, so a fast producer (a folder
/// walk) never runs far ahead of the workers.
final class BoundedQueue<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element?] = []
    private var head = 0
    private var closed = false
    private let capacity: Int

    init(capacity: Int) {
        precondition(capacity > 0)
        self.capacity = capacity
    }

    /// Adds an item, waiting for room.
    func put(_ item: Element) {
        condition.lock()
        defer { condition.unlock() }
        while items.count - head >= capacity { condition.wait() }
        items.append(item)
        condition.broadcast()
    }

    /// Says no more items will come; `take` returns nil once the queue is empty.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next item, waiting for one; nil when the queue is closed and empty.
    func take() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count && !closed { condition.wait() }
        guard head < items.count else { return nil }
        let item = items[head]
        items[head] = nil
        head += 1
        if head > 1024 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        condition.broadcast()
        return item
    }
}

/// Hands results back in input order while workers finish them out of order.
///
/// Holds at most `window` results: a worker whose result is `window` or more
/// ahead of the next one to hand out waits, so a slow document never lets the
/// others pile up in memory.
final class ReorderBuffer<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: [Int: Element] = [:]
    private var next = 0
    private var total: Int?
    private let window: Int

    init(window: Int) {
        precondition(window > 0)
        self.window = window
    }

    /// Adds the result of input `index` (counted from 0), waiting while it is too far ahead.
    func put(_ index: Int, _ element: Element) {
        condition.lock()
        defer { condition.unlock() }
        while index >= next + window { condition.wait() }
        waiting[index] = element
        condition.broadcast()
    }

    /// Says how many inputs there were; `take` returns nil after the last.
    func finish(total: Int) {
        condition.lock()
        self.total = total
        condition.broadcast()
        condition.unlock()
    }

    /// The next result in input order, waiting for it; nil after the last.
    func take() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let element = waiting.removeValue(forKey: next) {
                next += 1
                condition.broadcast()
                return element
            }
            if let total, next >= total { return nil }
            condition.wait()
        }
    }
}
