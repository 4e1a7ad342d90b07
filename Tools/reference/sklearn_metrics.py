#!/usr/bin/env python3
"""Reference values for PNNMetrics, written once and committed as a test fixture.

    python3 -m pip install scikit-learn numpy
    python3 Tools/reference/sklearn_metrics.py > Tests/PNNMetricsTests/Fixtures/sklearn_reference.json

For a few thousand random weighted scores with many ties it records

* scikit-learn's roc_auc_score, average_precision_score, roc_curve
  (drop_intermediate=False, every distinct threshold) and precision_recall_curve,
  all with sample_weight;
* sigma_ratio and the best cut (paper eq. 3-5) in exact and 50-bin mode, computed here
  by brute force with numpy (a cut keeps score >= t; ties between cuts go to the
  highest cut; binned cuts are the lower bin edges j/50, j = 0..49, edge 0 keeping
  everything) -- an independent check of the Swift scan, not a scikit-learn feature.
  With signed weights (sklearn_signed_weights.py uses the same functions) AMS is 0
  unless s > 0 and s + b > 0.

CI only reads the JSON; nothing here runs during `swift test`.
"""
import json
import sys

import numpy as np
import sklearn
from sklearn.metrics import (average_precision_score, precision_recall_curve,
                             roc_auc_score, roc_curve)

BINS = 50


def ams(s, b):
    return s / np.sqrt(s + b) if s > 0 and s + b > 0 else 0.0


def sigma_exact(score, y, w):
    keep = w != 0
    score, y, w = score[keep], y[keep], w[keep]
    s_max = w[y == 1].sum()
    best, best_cut = -1.0, None
    for t in np.unique(score)[::-1]:          # highest cut first
        passing = score >= t
        s = w[passing & (y == 1)].sum()
        b = w[passing & (y == 0)].sum()
        a = ams(s, b)
        if a > best:
            best, best_cut = a, t
    return best / np.sqrt(s_max), float(best_cut)


def sigma_binned(score, y, w, bins=BINS):
    s_max, b_max = w[y == 1].sum(), w[y == 0].sum()
    best, best_cut = -1.0, None
    for j in range(bins - 1, -1, -1):
        edge = j / bins
        if j == 0:
            s, b = s_max, b_max
        else:
            passing = score >= edge
            s = w[passing & (y == 1)].sum()
            b = w[passing & (y == 0)].sum()
        a = ams(s, b)
        if a > best:
            best, best_cut = a, edge
    return best / np.sqrt(s_max), best_cut


def case(name, score, y, w, curves=True):
    sw = w if w is not None else None
    ww = w if w is not None else np.ones_like(score)
    out = {
        "name": name,
        "score": score.tolist(),
        "label": y.astype(int).tolist(),
        "weight": None if w is None else w.tolist(),
        "roc_auc": roc_auc_score(y, score, sample_weight=sw),
        "average_precision": average_precision_score(y, score, sample_weight=sw),
    }
    out["sigma_ratio_exact"], out["best_cut_exact"] = sigma_exact(score, y, ww)
    out["sigma_ratio_binned"], out["best_cut_binned"] = sigma_binned(score, y, ww)
    if curves:
        fpr, tpr, thr = roc_curve(y, score, sample_weight=sw, drop_intermediate=False)
        prec, rec, pthr = precision_recall_curve(y, score, sample_weight=sw)
        # thr[0] is +inf (not JSON): stored without it.
        out["roc_curve"] = {"fpr": fpr.tolist(), "tpr": tpr.tolist(), "thresholds": thr[1:].tolist()}
        out["pr_curve"] = {"precision": prec.tolist(), "recall": rec.tolist(), "thresholds": pthr.tolist()}
    return out


def main():
    rng = np.random.default_rng(20220131)
    cases = []

    # 1. Weighted, heavy ties (2 decimals, many scores exactly on bin edges), 2 % zero weights.
    n = 4000
    y = rng.random(n) < 0.4
    score = np.clip(rng.normal(0.45 + 0.2 * y, 0.2), 0, 1).round(2)
    w = rng.lognormal(0.0, 0.5, n).round(4)
    w[rng.random(n) < 0.02] = 0.0
    cases.append(case("weighted_ties", score, y, w))

    # 2. Unweighted, nearly continuous scores.
    n = 3000
    y = rng.random(n) < 0.5
    score = (1 / (1 + np.exp(-rng.normal(1.2 * y - 0.6, 1.0)))).round(6)
    cases.append(case("unweighted_continuous", score, y, None, curves=False))

    # 3. Weighted, scores outside [0, 1] (a BDT-like output), 3 decimals, rare signal.
    n = 2000
    y = rng.random(n) < 0.15
    score = rng.normal(0.3 + 0.5 * y, 0.4).round(3)
    w = rng.uniform(0.05, 3.0, n).round(3)
    cases.append(case("weighted_wide", score, y, w))

    json.dump({"sklearn_version": sklearn.__version__, "numpy_version": np.__version__,
               "bins": BINS, "cases": cases}, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
