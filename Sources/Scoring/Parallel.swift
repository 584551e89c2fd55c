import Foundation

/// Order-keeping parallel map for the per-customer work of a whole-base scoring. The model is
/// pure, so workers share nothing but read-only inputs; each writes only its own slots.
public enum Parallel {
    /// One worker per core.
    public static var defaultWorkers: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// `[transform(0), transform(1), ...]`, computed in chunks by up to `workers` threads.
    public static func map<T: Sendable>(
        count: Int, workers: Int, chunk: Int = 4_096, _ transform: @Sendable (Int) -> T
    ) -> [T] {
        guard workers > 1, count > chunk else { return (0..<count).map(transform) }
        let chunks = (count + chunk - 1) / chunk
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let address = buffer.baseAddress else { return }
            let base = SharedSlots(address)
            let next = ChunkCounter()
            DispatchQueue.concurrentPerform(iterations: min(workers, chunks)) { _ in
                // Workers take chunks one at a time, so a slow chunk does not idle the others.
                while let taken = next.take(below: chunks) {
                    let start = taken * chunk
                    for index in start..<min(count, start + chunk) {
                        (base.address + index).initialize(to: transform(index))
                    }
                }
            }
            initialized = count
        }
    }
}

extension Parallel {
    /// Runs two independent pieces of work at the same time and returns both results (the
    /// population work of a whole-base scoring has a few such pairs, each half a second).
    public static func both<A: Sendable, B: Sendable>(
        _ first: @Sendable () -> A, _ second: @Sendable () -> B
    ) -> (A, B) {
        let results = PairSlots<A, B>()
        DispatchQueue.concurrentPerform(iterations: 2) { which in
            if which == 0 { results.first = first() } else { results.second = second() }
        }
        // concurrentPerform returns after both iterations, so both slots are filled.
        guard let a = results.first, let b = results.second else { return (first(), second()) }
        return (a, b)
    }
}

/// The two results of `Parallel.both`; each slot is written by exactly one iteration.
private final class PairSlots<A, B>: @unchecked Sendable {
    var first: A?
    var second: B?
}

/// Hands out chunk numbers to the workers of `Parallel.map`.
private final class ChunkCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < limit else { return nil }
        next += 1
        return next - 1
    }
}

/// The result buffer of `Parallel.map`; every slot is written by exactly one worker.
private struct SharedSlots<T>: @unchecked Sendable {
    let address: UnsafeMutablePointer<T>

    init(_ address: UnsafeMutablePointer<T>) { self.address = address }
}
