import Scoring

/// A synthetic customer base as the models see it — (x, t_x, T, mean repeat spend) per customer —
/// drawn from known BG/NBD and Gamma-Gamma parameters. For benchmarks against other
/// implementations, which take exactly this summary as input.
public enum SyntheticSummaries {
    /// Parameters close to the CDNOW data set of the original papers, in weeks.
    public static let bgnbd = BGNBDParameters(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)
    public static let gammaGamma = GammaGammaParameters(p: 6.25, q: 3.74, gamma: 15.44)

    /// `customers` summaries in weeks. Purchases happen in continuous time but are recorded on
    /// whole days (t_x and T are whole days divided by 7), as real order data is, so histories
    /// repeat and grouping matters. Ages are uniform over 1 to 78 weeks.
    public static func generate(customers: Int, seed: UInt64) -> [PurchaseSummary] {
        var summaries: [PurchaseSummary] = []
        summaries.reserveCapacity(customers)
        let asOfDay = 0
        for index in 0..<customers {
            var random = SeededRandom(seed: seed, stream: UInt64(index))
            let ageDays = random.int(in: 7...546)
            let lambda = random.gamma(shape: bgnbd.r, rate: bgnbd.alpha) / 7
            let dropout = random.beta(bgnbd.a, bgnbd.b)
            let nu = random.gamma(shape: gammaGamma.q, rate: gammaGamma.gamma)
            var t = 0.0
            var days: [Int] = [0]
            while true {
                t += random.exponential(rate: lambda)
                if t >= Double(ageDays) { break }
                let day = Int(t)
                if day != days[days.count - 1] { days.append(day) }
                if random.chance(dropout) { break }
            }
            let orders = days.map { day in
                Order(
                    day: asOfDay - ageDays + day,
                    amount: Int64((random.gamma(shape: gammaGamma.p, rate: nu) * 100).rounded()) + 1)
            }
            if let summary = PurchaseSummary(orders: orders, asOfDay: asOfDay, unit: .weeks) {
                summaries.append(summary)
            }
        }
        return summaries
    }
}
