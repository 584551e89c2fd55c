// Customer bases drawn from the BG/NBD and Gamma-Gamma generative stories, for recovery tests.
import Foundation

@testable import Scoring

struct SimulatedBase {
    var histories: [PurchaseHistory]
    var spends: [SpendHistory]
}

/// Simulates `count` customers in weeks. T is a whole number of days (26 to 78 weeks) over 7, so
/// customers without repeat purchases share histories as they do in real data; purchase times are
/// continuous, exactly as the model assumes.
func simulateBase(
    count: Int, purchases: BGNBDParameters, spend: GammaGammaParameters, seed: UInt64
) -> SimulatedBase {
    var random = Xoshiro256StarStar(seed: seed)
    var histories: [PurchaseHistory] = []
    var spends: [SpendHistory] = []
    histories.reserveCapacity(count)
    spends.reserveCapacity(count)
    for _ in 0..<count {
        let age = Double(182 + Int(random.next() % 365)) / 7
        let rate = random.gamma(shape: purchases.r, rate: purchases.alpha)
        let dropout = random.beta(purchases.a, purchases.b)
        var time = 0.0
        var frequency = 0
        var recency = 0.0
        while true {
            time += random.exponential(rate: rate)
            if time > age { break }
            frequency += 1
            recency = time
            // After each repeat purchase the customer leaves for good with probability p.
            if random.uniform() < dropout { break }
        }
        histories.append(PurchaseHistory(frequency: frequency, recency: recency, age: age))
        var meanSpend = 0.0
        if frequency > 0 {
            // The sum of x Gamma(p, ν) purchases is Gamma(p·x, ν).
            let nu = random.gamma(shape: spend.q, rate: spend.gamma)
            meanSpend = random.gamma(shape: spend.p * Double(frequency), rate: nu) / Double(frequency)
        }
        spends.append(SpendHistory(frequency: frequency, meanSpend: meanSpend))
    }
    return SimulatedBase(histories: histories, spends: spends)
}

let trueBGNBD = BGNBDParameters(r: 0.24, alpha: 4.4, a: 0.79, b: 2.43)
let trueGammaGamma = GammaGammaParameters(p: 6.25, q: 3.74, gamma: 15.44)
