import Foundation

/// xoshiro256** seeded through SplitMix64: fast, small, and the same sequence on every
/// machine, so a demo seed always builds the same store.
struct SeededRandom: RandomNumberGenerator {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A stream for one seed; `stream` separates independent streams of one seed
    /// (one per customer), so generation order never changes the content.
    init(seed: UInt64, stream: UInt64 = 0) {
        var state = seed ^ (stream &* 0x9E37_79B9_7F4A_7C15)
        s0 = Self.splitMix(&state)
        s1 = Self.splitMix(&state)
        s2 = Self.splitMix(&state)
        s3 = Self.splitMix(&state)
    }

    private static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }

    /// Uniform in [0, 1) with 53 random bits.
    mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform in (0, 1): safe to take a logarithm of.
    mutating func uniformPositive() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1.0p-53
    }

    mutating func chance(_ probability: Double) -> Bool {
        uniform() < probability
    }

    /// Uniform integer in the range (unbiased).
    mutating func int(in range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &self)
    }

    mutating func pick<T>(_ items: [T]) -> T {
        items[Int.random(in: 0..<items.count, using: &self)]
    }

    /// Picks by relative weights.
    mutating func pick<T>(_ weighted: [(T, Double)]) -> T {
        let total = weighted.reduce(0) { $0 + $1.1 }
        var target = uniform() * total
        for (item, weight) in weighted {
            target -= weight
            if target < 0 { return item }
        }
        return weighted[weighted.count - 1].0
    }

    mutating func exponential(rate: Double) -> Double {
        -log(uniformPositive()) / rate
    }

    mutating func standardNormal() -> Double {
        // Box–Muller; one value per call keeps the stream simple.
        sqrt(-2 * log(uniformPositive())) * cos(2 * Double.pi * uniform())
    }

    /// Gamma(shape, rate) by Marsaglia & Tsang (2000), boosted for shape < 1.
    mutating func gamma(shape: Double, rate: Double) -> Double {
        if shape < 1 {
            let boost = pow(uniformPositive(), 1 / shape)
            return gamma(shape: shape + 1, rate: rate) * boost
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / sqrt(9 * d)
        while true {
            var x: Double
            var v: Double
            repeat {
                x = standardNormal()
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = uniformPositive()
            if log(u) < 0.5 * x * x + d - d * v + d * log(v) { return d * v / rate }
        }
    }

    mutating func beta(_ a: Double, _ b: Double) -> Double {
        let x = gamma(shape: a, rate: 1)
        let y = gamma(shape: b, rate: 1)
        return x / (x + y)
    }

    /// Poisson by inversion; fine for the small means used here.
    mutating func poisson(mean: Double) -> Int {
        let limit = exp(-mean)
        var product = uniform()
        var count = 0
        while product > limit {
            product *= uniform()
            count += 1
        }
        return count
    }
}
