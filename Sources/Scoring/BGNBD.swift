// BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): while alive a
// customer buys at rate λ ~ Gamma(r, α); after each repeat purchase they leave for good with
// probability p ~ Beta(a, b). Per-customer formulas at fixed parameters live here; fitting is in
// BGNBDFit.swift.
import Foundation

/// What BG/NBD sees of one customer, all times in the model's time unit.
public struct PurchaseHistory: Sendable, Hashable, Codable {
    /// x: repeat purchases (purchase days after the first).
    public var frequency: Int
    /// t_x: time from the first to the last purchase; 0 when x = 0.
    public var recency: Double
    /// T: time from the first purchase to the as-of day.
    public var age: Double

    public init(frequency: Int, recency: Double, age: Double) {
        self.frequency = frequency
        self.recency = recency
        self.age = age
    }

    /// True when the history could come from real purchases: 0 ≤ t_x ≤ T, finite, and t_x > 0
    /// exactly when x > 0 (repeat purchases are on later days than the first).
    public var isValid: Bool {
        frequency >= 0 && recency.isFinite && age.isFinite && recency >= 0 && recency <= age
            && (frequency == 0 ? recency == 0 : recency > 0)
    }
}

/// The four BG/NBD parameters, in the data's time unit (α scales with it; r, a, b do not).
public struct BGNBDParameters: Sendable, Hashable, Codable {
    /// Shape of the purchase-rate distribution.
    public var r: Double
    /// Scale of the purchase-rate distribution, in time units.
    public var alpha: Double
    /// Beta shape of the dropout probability (larger a: more dropout).
    public var a: Double
    /// Beta shape of the dropout probability (larger b: less dropout).
    public var b: Double

    public init(r: Double, alpha: Double, a: Double, b: Double) {
        self.r = r
        self.alpha = alpha
        self.a = a
        self.b = b
    }

    /// Throws unless every parameter is positive and finite.
    public func validate() throws(ScoringError) {
        for (name, value) in [("r", r), ("alpha", alpha), ("a", a), ("b", b)] {
            guard value > 0, value.isFinite else { throw .invalidParameter(name: name, value: value) }
        }
    }

    /// One customer's log-likelihood (Fader, Hardie & Lee 2005, eq. 6):
    ///
    ///     ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
    ///       + ln[(α+T)^−(r+x) + δ_{x>0} · a/(b+x−1) · (α+t_x)^−(r+x)]
    ///
    /// The last term is a shifted log-sum-exp, so x in the thousands neither overflows nor
    /// underflows. B(a+1, b+x−1)/B(a, b+x) = a/(b+x−1) turns the second Beta ratio into a quotient.
    public func logLikelihood(_ history: PurchaseHistory) -> Double {
        let x = Double(history.frequency)
        let n = r + x
        let common =
            logGamma(n) - logGamma(r) + r * log(alpha)
            + logGamma(b + x) - logGamma(a + b + x) + logGamma(a + b) - logGamma(b)
        let alive = -n * log(alpha + history.age)
        guard history.frequency > 0 else { return common + alive }
        let left = log(a) - log(b + x - 1) - n * log(alpha + history.recency)
        return common + logAddExp(alive, left)
    }

    /// ln of the posterior odds "left after the last purchase" : "still alive",
    /// a/(b+x−1) · ((α+T)/(α+t_x))^(r+x); −∞ when x = 0 (nobody leaves before a repeat purchase).
    func logDropoutOdds(_ history: PurchaseHistory) -> Double {
        guard history.frequency > 0 else { return -.infinity }
        let x = Double(history.frequency)
        let logAgeRatio = log1p((history.age - history.recency) / (alpha + history.recency))
        return log(a) - log(b + x - 1) + (r + x) * logAgeRatio
    }

    /// P(alive at T | x, t_x, T) = 1 / (1 + δ_{x>0} · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)),
    /// computed from the log-odds so very heavy buyers who stopped long ago give 0, not NaN.
    public func probabilityAlive(_ history: PurchaseHistory) -> Double {
        exp(-log1pExp(logDropoutOdds(history)))
    }

    /// E[Y(t) | alive, x, T]: expected purchases in the next `duration` for a customer known to be
    /// alive. The alive customer's λ is Gamma(r+x, α+T) and p is Beta(a, b+x) a posteriori, so this
    /// is (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))].
    ///
    /// The textbook form breaks down for heavy buyers (the series needs ~x·z/(1−z) terms) and is
    /// 0/0 at a = 1. With v = t/(α+T) two Pfaff transformations give instead
    ///  - v ≤ ½: −S(r+x, a, c; −v), an alternating series that shrinks by v per term;
    ///  - v > ½: c·ln(1+v)·φ((1−a)ln(1+v)) − (1+v)^(1−a) · S(a+b−1−r, a, c; v/(1+v)),
    ///    whose parameters do not grow with x while c does, so heavy buyers converge in a few terms;
    /// where c = a+b+x−1, S is `hypergeometricTail` (the (a−1) factor cancelled analytically) and
    /// φ(y) = (eʸ−1)/y. Both forms are smooth through a = 1, so no special case is needed there.
    func expectedPurchasesIfAlive(
        frequency: Int, age: Double, duration t: Double, termLimit: Int = defaultSeriesTermLimit
    ) throws(ScoringError) -> Double {
        guard t > 0 else { return 0 }
        let x = Double(frequency)
        let c = a + b + x - 1
        let v = t / (alpha + age)
        if v <= 0.5 {
            guard let tail = hypergeometricTail(p: r + x, a: a, c: c, y: -v, termLimit: termLimit) else {
                throw .seriesDidNotConverge(terms: termLimit)
            }
            return -tail
        }
        let logGrowth = log1p(v)
        let z = v / (1 + v)
        guard let tail = hypergeometricTail(p: a + b - 1 - r, a: a, c: c, y: z, termLimit: termLimit) else {
            throw .seriesDidNotConverge(terms: termLimit)
        }
        let value = c * logGrowth * expm1OverX((1 - a) * logGrowth) - exp((1 - a) * logGrowth) * tail
        // The exact value is positive; rounding can only push a vanishing one below zero.
        return max(value, 0)
    }

    /// E[Y(t) | x, t_x, T]: expected purchases in the next `duration` (Fader, Hardie & Lee 2005,
    /// eq. 10) = P(alive) · E[Y(t) | alive], combined in log space so the result keeps its relative
    /// precision even when P(alive) is 1e-50.
    public func expectedPurchases(in duration: Double, given history: PurchaseHistory) throws(ScoringError)
        -> Double
    {
        let ifAlive = try expectedPurchasesIfAlive(
            frequency: history.frequency, age: history.age, duration: duration)
        guard ifAlive > 0 else { return 0 }
        return exp(log(ifAlive) - log1pExp(logDropoutOdds(history)))
    }

    /// P(no purchase in the next `duration` | x, t_x, T) = 1 − P(alive) · (1 − ((α+T)/(α+T+t))^(r+x)):
    /// a dead customer never buys, an alive one waits an exponential time with rate λ ~ Gamma(r+x, α+T).
    public func probabilityNoPurchase(in duration: Double, given history: PurchaseHistory) -> Double {
        guard duration > 0 else { return 1 }
        let n = r + Double(history.frequency)
        let buysIfAlive = -expm1(-n * log1p(duration / (alpha + history.age)))
        return 1 - probabilityAlive(history) * buysIfAlive
    }

    /// E[X(t)]: expected purchases of a new customer in their first `duration` (eq. 9),
    /// (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))] — the alive-case expectation
    /// with x = 0 and T = 0, so it shares that code and its behaviour at a = 1.
    public func expectedPurchases(in duration: Double) throws(ScoringError) -> Double {
        try expectedPurchasesIfAlive(frequency: 0, age: 0, duration: duration)
    }
}
