#!/usr/bin/env python3
"""Reference values for the replicate statistics of PNNMetrics (StudentT, ReplicateStatistics,
CollapseRule), written once and committed as a test fixture.

    python3 Tools/reference/replicate_statistics.py > Tests/PNNMetricsTests/Fixtures/replicate_statistics.json

(SciPy, NumPy and mpmath; the committed file was made with SciPy 1.17.1, NumPy 2.4.6 and
mpmath 1.3.0, all recorded in it.) It records

* Student's t quantiles scipy.stats.t.ppf(p, df) on a grid of p (both halves, tails to
  1e-7) and df (1...200, 1000, a few non-integers), each next to the exact value from
  mpmath at 50 digits (Newton's method on the CDF, started from SciPy's value): SciPy's
  stdtrit is itself off by up to ~1e-10 (p = 0.5000001, df = 4), so the Swift code is
  held to SciPy at the tolerance SciPy meets and to mpmath at a tight one;
* Student's t CDF values scipy.stats.t.cdf(t, df) on a grid of t and df, also with mpmath's;
* for a dozen sample vectors (one value per training seed): n, mean, sd (ddof=1, null for
  n = 1), median, min, max, the t interval of the mean at 95 % (scipy.stats.t.interval with
  loc = mean, scale = sd/sqrt(n); null for n = 1) and at 90 %, the scaled MAD
  (scipy.stats.median_abs_deviation, scale='normal', i.e. divided by
  Phi^-1(3/4) = 0.6744897501960817) and the indices flagged by the collapse rule below;
* one paired difference a - b with the same statistics.

Collapse rule (the same in Swift's CollapseRule): with n >= 3, x_i is flagged when
x_i < median - max(k * MAD_scaled, floor), k = 3.5, floor = 0.05 (or the floor given
with the vector); fewer than 3 values flag nothing.

CI only reads the JSON; nothing here runs during `swift test`.
"""
import json
import sys

import mpmath as mp
import numpy as np
import scipy
from scipy import stats

mp.mp.dps = 50

K = 3.5
FLOOR = 0.05
MIN_COUNT = 3

P_GRID = [0.5, 0.5000001, 0.51, 0.55, 0.6, 0.7, 0.75, 0.8, 0.9, 0.95, 0.975, 0.99, 0.995,
          0.999, 0.9995, 0.9999, 0.9999999, 0.4, 0.25, 0.1, 0.025, 0.0005, 1e-7]
DF_GRID = list(range(1, 201)) + [1000, 0.5, 1.5, 2.5, 7.3, 29.9]
CDF_T = [-1000.0, -50.0, -5.0, -2.0, -1.0, -0.1, -1e-6, 0.0, 1e-6, 0.1, 0.5, 1.0, 2.0, 3.0,
         5.0, 10.0, 100.0, 1e6]
CDF_DF = [1, 2, 3, 4, 5, 7, 10, 20, 30, 50, 100, 200, 1000, 1.5, 2.5]

SAMPLES = [
    ("one_seed", [0.8731], FLOOR),
    ("two_seeds", [0.91, 0.87], FLOOR),
    ("three_seeds", [0.912, 0.934, 0.905], FLOOR),
    ("three_with_failed", [0.931, 0.502, 0.944], FLOOR),
    ("five_seeds", [0.8812, 0.8934, 0.8701, 0.8867, 0.8790], FLOOR),
    ("ten_seeds", [0.95, 0.93, 0.91, 0.96, 0.94, 0.92, 0.90, 0.97, 0.89, 0.935], FLOOR),
    ("collapsed_points", [93.4, 93.5, 83.9, 93.4, 93.5], 5.0),
    ("collapsed_fraction", [0.934, 0.935, 0.839, 0.934, 0.935], FLOOR),
    ("ties_mad_zero", [0.9, 0.9, 0.9, 0.9, 0.86], FLOOR),
    ("ties_mad_zero_dip", [0.9, 0.9, 0.9, 0.9, 0.84], FLOOR),
    ("all_equal", [0.75, 0.75, 0.75, 0.75], FLOOR),
    ("large_magnitude", [1.0e9 + 0.125, 1.0e9 + 0.5, 1.0e9 + 0.25, 1.0e9 - 0.375, 1.0e9 + 0.0625,
                         1.0e9 + 0.3], 0.05),
    ("small_magnitude", [3.1e-9, 2.7e-9, 3.4e-9, 2.9e-9, 3.0e-9, 3.3e-9, 2.8e-9], 1e-10),
    ("mixed_signs", [-12.5, 4.25, 0.0, 7.75, -3.0, 1e3, -0.5, 2.0], 0.05),
]
PAIRED = ("paired", [0.934, 0.912, 0.951, 0.927, 0.940], [0.921, 0.915, 0.938, 0.919, 0.933])


def exact_cdf(t, df):
    """F(-|t|) = I_x(df/2, 1/2)/2 = (1 - I_y(1/2, df/2))/2, x = df/(df + t^2), y = 1 - x;
    the form with the smaller argument keeps every digit."""
    t, df = mp.mpf(t), mp.mpf(df)
    half = mp.mpf(1) / 2
    x, y = df / (df + t * t), t * t / (df + t * t)
    if x < half:
        lower = mp.betainc(df / 2, half, 0, x, regularized=True) / 2
    else:
        lower = (1 - mp.betainc(half, df / 2, 0, y, regularized=True)) / 2
    return 1 - lower if t >= 0 else lower


def exact_density(t, df):
    t, df = mp.mpf(t), mp.mpf(df)
    return (mp.gamma((df + 1) / 2) / (mp.sqrt(df * mp.pi) * mp.gamma(df / 2))
            * (1 + t * t / df) ** (-(df + 1) / 2))


def exact_ppf(p, df, start):
    p = mp.mpf(p)
    if p == mp.mpf(1) / 2:
        return 0.0
    t = mp.mpf(start)
    for _ in range(100):
        step = (exact_cdf(t, df) - p) / exact_density(t, df)
        t -= step
        if abs(step) <= abs(t) * mp.mpf(10) ** -25:
            return float(t)
    raise RuntimeError(f"mpmath Newton did not converge for p={p}, df={df}")


def describe(values, floor):
    x = np.asarray(values, dtype=np.float64)
    n = len(x)
    mean = float(np.mean(x))
    out = {"n": n, "mean": mean, "median": float(np.median(x)), "min": float(np.min(x)),
           "max": float(np.max(x))}
    if n >= 2:
        sd = float(np.std(x, ddof=1))
        sem = sd / np.sqrt(n)
        out["sd"] = sd
        for level, key in ((0.95, "interval95"), (0.90, "interval90")):
            if sem > 0:
                lo, hi = stats.t.interval(level, n - 1, loc=mean, scale=sem)
            else:  # scipy refuses scale 0; the interval collapses to the mean
                lo = hi = mean
            out[key] = [float(lo), float(hi)]
        out["t975"] = float(stats.t.ppf(0.975, n - 1))
    else:
        out["sd"] = None
        out["interval95"] = None
        out["interval90"] = None
    mad = float(stats.median_abs_deviation(x, scale="normal"))
    out["mad_scaled"] = mad
    flagged = []
    if n >= MIN_COUNT:
        limit = float(np.median(x)) - max(K * mad, floor)
        flagged = [int(i) for i in np.nonzero(x < limit)[0]]
    out["floor"] = floor
    out["flagged"] = flagged
    return out


def main():
    quantiles = []
    for df in DF_GRID:
        for p in P_GRID:
            ref = float(stats.t.ppf(p, df))
            quantiles.append([p, df, ref, exact_ppf(p, df, ref)])
    cdf = []
    for df in CDF_DF:
        for t in CDF_T:
            cdf.append([t, df, float(stats.t.cdf(t, df)), float(exact_cdf(t, df))])
    samples = []
    for name, values, floor in SAMPLES:
        entry = {"name": name, "values": values}
        entry.update(describe(values, floor))
        samples.append(entry)
    name, a, b = PAIRED
    paired = {"name": name, "a": a, "b": b}
    paired.update(describe(np.asarray(a) - np.asarray(b), FLOOR))
    fixture = {
        "scipy_version": scipy.__version__,
        "numpy_version": np.__version__,
        "mpmath_version": mp.__version__,
        "k": K,
        "min_count": MIN_COUNT,
        "mad_normal_constant": 0.6744897501960817,
        "t_quantiles": quantiles,
        "t_cdf": cdf,
        "samples": samples,
        "paired": paired,
    }
    sys.stdout.write(dumps_rows(fixture) + "\n")


def dumps_rows(fixture):
    """JSON with one grid row or one sample per line, so that the file stays readable."""
    parts = []
    for key, value in fixture.items():
        if isinstance(value, list):
            rows = ",\n  ".join(json.dumps(row) for row in value)
            parts.append(f' {json.dumps(key)}: [\n  {rows}\n ]')
        else:
            parts.append(f' {json.dumps(key)}: {json.dumps(value)}')
    return "{\n" + ",\n".join(parts) + "\n}"


if __name__ == "__main__":
    main()
