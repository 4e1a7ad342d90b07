#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A four-momentum (E, px, py, pz) in GeV, for the generator's kinematics (Double: the
/// boosts of a 1.5 TeV resonance lose digits in Float).
struct FourMomentum {
    var e: Double, px: Double, py: Double, pz: Double

    @inline(__always) init(e: Double, px: Double, py: Double, pz: Double) {
        self.e = e; self.px = px; self.py = py; self.pz = pz
    }

    /// From transverse momentum, pseudorapidity, azimuth and mass.
    @inline(__always) init(pt: Double, eta: Double, phi: Double, mass: Double) {
        px = pt * cos(phi); py = pt * sin(phi); pz = pt * sinh(eta)
        e = (px * px + py * py + pz * pz + mass * mass).squareRoot()
    }

    @inline(__always) static func + (a: FourMomentum, b: FourMomentum) -> FourMomentum {
        FourMomentum(e: a.e + b.e, px: a.px + b.px, py: a.py + b.py, pz: a.pz + b.pz)
    }

    @inline(__always) var pt: Double { (px * px + py * py).squareRoot() }
    @inline(__always) var p2: Double { px * px + py * py + pz * pz }
    /// Invariant mass √(E² − p²), 0 for (numerically) space-like vectors.
    @inline(__always) var mass: Double { let m2 = e * e - p2; return m2 > 0 ? m2.squareRoot() : 0 }
    /// η = asinh(pz / pT).
    @inline(__always) var eta: Double { let t = pt; return t > 0 ? asinh(pz / t) : (pz >= 0 ? 10 : -10) }
    @inline(__always) var phi: Double { atan2(py, px) }

    /// This momentum, given in the rest frame of `parent`, expressed in the frame where
    /// the parent has four-momentum `parent` (mass `m`):
    ///   E′ = (E·E* + p⃗·p⃗*)/m,   p⃗′ = p⃗* + p⃗ · ((p⃗·p⃗*)/(m(E + m)) + E*/m).
    @inline(__always) func boosted(by parent: FourMomentum, parentMass m: Double) -> FourMomentum {
        let dot = parent.px * px + parent.py * py + parent.pz * pz
        let k = dot / (m * (parent.e + m)) + e / m
        return FourMomentum(e: (parent.e * e + dot) / m, px: px + parent.px * k, py: py + parent.py * k, pz: pz + parent.pz * k)
    }

    /// Scales the three-momentum and energy by `f` (the mass scales too).
    @inline(__always) func scaled(_ f: Double) -> FourMomentum { FourMomentum(e: e * f, px: px * f, py: py * f, pz: pz * f) }
}
