// Special functions the likelihoods and predictions need, written so that they stay accurate
// for heavy buyers (x in the thousands) and for parameters near their awkward values (a = 1).
import Foundation

/// ln Γ(x) for x > 0. Uses the reentrant `lgamma_r`, because plain `lgamma` writes a global.
@inline(__always)
func logGamma(_ x: Double) -> Double {
    var sign: Int32 = 0
    return lgamma_r(x, &sign)
}

/// ψ(x) = d/dx ln Γ(x) for x > 0: recurrence up to x ≥ 10, then the asymptotic series, whose
/// truncation error there is below 1e-16.
func digamma(_ x: Double) -> Double {
    var x = x
    var shift = 0.0
    while x < 10 {
        shift -= 1 / x
        x += 1
    }
    let inv = 1 / x
    let inv2 = inv * inv
    let tail =
        inv2
        * (1.0 / 12 - inv2
            * (1.0 / 120 - inv2
                * (1.0 / 252 - inv2
                    * (1.0 / 240
                        - inv2 * (1.0 / 132 - inv2 * (691.0 / 32760 - inv2 / 12))))))
    return shift + log(x) - 0.5 * inv - tail
}

/// ψ₁(x) = d²/dx² ln Γ(x) for x > 0, by the same recurrence-then-asymptotics scheme.
func trigamma(_ x: Double) -> Double {
    var x = x
    var shift = 0.0
    while x < 10 {
        shift += 1 / (x * x)
        x += 1
    }
    let inv = 1 / x
    let inv2 = inv * inv
    let tail =
        1.0 / 6 - inv2
        * (1.0 / 30 - inv2
            * (1.0 / 42 - inv2
                * (1.0 / 30 - inv2
                    * (5.0 / 66
                        - inv2 * (691.0 / 2730 - inv2 * 7 / 6)))))
    return shift + inv * (1 + 0.5 * inv + inv2 * tail)
}

/// ln(eᵘ + eᵛ) without overflow or underflow: the shifted log-sum-exp.
@inline(__always)
func logAddExp(_ u: Double, _ v: Double) -> Double {
    let high = max(u, v)
    guard high > -Double.infinity else { return -Double.infinity }
    return high + log1p(exp(-abs(u - v)))
}

/// ln(1 + eᵘ) for any u without overflow.
@inline(__always)
func log1pExp(_ u: Double) -> Double {
    u > 0 ? u + log1p(exp(-u)) : log1p(exp(u))
}

/// (eʸ − 1)/y, with its limit 1 at y = 0; exact to rounding for every y because expm1 is.
@inline(__always)
func expm1OverX(_ y: Double) -> Double {
    y == 0 ? 1 : expm1(y) / y
}

/// Default cap on hypergeometric series terms: generous (tens of milliseconds), but finite.
let defaultSeriesTermLimit = 5_000_000

/// S = Σ_{k≥1} (p)_k (a)_{k−1} / ((c+1)_{k−1} k!) yᵏ, which equals c·[₂F₁(p, a−1; c; y) − 1]/(a−1).
///
/// Writing the hypergeometric function this way cancels the factor (a − 1) analytically, so the
/// BG/NBD expectations stay exact at and near a = 1 (where the textbook formula is 0/0), and the
/// factor c, so c ≤ 0 is harmless. Needs |y| < 1. Nil when `termLimit` terms were not enough.
func hypergeometricTail(p: Double, a: Double, c: Double, y: Double, termLimit: Int) -> Double? {
    var term = p * y
    var sum = term
    var k = 1.0
    // Beyond this index no factor can change sign or vanish, so once a term is small against the
    // sum, even allowing for a geometric tail at the larger of the current ratio and its limit |y|,
    // the rest is negligible.
    let settled = max(0, -p, 1 - a, -c)
    for _ in 0..<termLimit {
        let ratio = (p + k) * (a + k - 1) * y / ((c + k) * (k + 1))
        term *= ratio
        sum += term
        k += 1
        if k > settled, abs(ratio) < 1, abs(term) <= 1e-16 * (1 - max(abs(ratio), abs(y))) * abs(sum) {
            return sum
        }
        if term == 0 { return sum }
    }
    return nil
}

/// ₂F₁(a, b; c; z) for real parameters, c not a non-positive integer, and z < 1.
///
/// The plain series for −½ ≤ z < 1, and Pfaff's transformation
/// ₂F₁(a, b; c; z) = (1 − z)^(−a) ₂F₁(a, c − b; c; z/(z − 1)) for z < −½, so the series argument
/// always lies in [−½, 1). Fine for moderate parameters; the BG/NBD code does not rely on it for
/// heavy buyers (see `BGNBDParameters.expectedPurchasesIfAlive`). Nil when the series does not settle.
func hypergeometric2F1(
    _ a: Double, _ b: Double, _ c: Double, _ z: Double, termLimit: Int = defaultSeriesTermLimit
) -> Double? {
    guard z < 1, a.isFinite, b.isFinite, c.isFinite, z.isFinite else { return nil }
    if z < -0.5 {
        guard let inner = hypergeometric2F1(a, c - b, c, z / (z - 1), termLimit: termLimit) else {
            return nil
        }
        return exp(-a * log1p(-z)) * inner
    }
    var term = 1.0
    var sum = 1.0
    var k = 0.0
    let settled = max(0, -a, -b, -c)
    for _ in 0..<termLimit {
        let ratio = (a + k) * (b + k) * z / ((c + k) * (k + 1))
        term *= ratio
        sum += term
        k += 1
        if k > settled, abs(ratio) < 1, abs(term) <= 1e-16 * (1 - max(abs(ratio), abs(z))) * abs(sum) {
            return sum
        }
        if term == 0 { return sum }
    }
    return nil
}
