#!/usr/bin/env python3
"""Reference values for PNNMetrics with signed (partly negative) event weights.

    python3 -m pip install scikit-learn numpy
    python3 Tools/reference/sklearn_signed_weights.py \\
        > Tests/PNNMetricsTests/Fixtures/sklearn_signed_weights.json

Per case (scores, labels, weights of both signs; both class totals > 0) it records

* what scikit-learn does, all with sample_weight: roc_auc_score (or the error it
  raises), average_precision_score, roc_curve(drop_intermediate=False) and
  precision_recall_curve, with the warnings it emits;
* independent references for the definitions PNNMetrics implements:
  - roc_auc_pairwise: sum over (signal i, background j) pairs of
    w_i * w_j * ([t_i > t_j] + 0.5 [t_i == t_j]) / (s_max * b_max), by brute force;
  - average_precision_signed: sum_k (R_k - R_{k-1}) P_k over scikit-learn's own
    precision_recall_curve, i.e. its average precision before its max(0, .) clip;
  - sigma_ratio / best cut, exact and 50-bin, by brute force (sklearn_metrics.py's
    functions: AMS = s / sqrt(s + b) where s > 0 and s + b > 0, else 0);
* flags saying which negative-weight rule the case exercises (FPR or TPR stepping
  back, precision outside [0, 1], passing weight exactly 0, negative signed AP).

CI only reads the JSON; nothing here runs during `swift test`.
"""
import json
import sys
import warnings

import numpy as np
import sklearn
from sklearn.metrics import (average_precision_score, precision_recall_curve,
                             roc_auc_score, roc_curve)

from sklearn_metrics import BINS, sigma_binned, sigma_exact


def pairwise_auc(score, y, w):
    keep = w != 0
    score, y, w = score[keep], y[keep], w[keep]
    ts, ws = score[y == 1], w[y == 1]
    tb, wb = score[y == 0], w[y == 0]
    above = (ts[:, None] > tb[None, :]) + 0.5 * (ts[:, None] == tb[None, :])
    return float(ws @ above @ wb / (ws.sum() * wb.sum()))


def recorded(call):
    """(value or None, error message or None, warning messages)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            value, error = call(), None
        except ValueError as e:
            value, error = None, str(e)
    return value, error, sorted({str(c.message) for c in caught})


def case(name, score, y, w):
    y = y.astype(int)
    assert w[y == 1].sum() > 0 and w[y == 0].sum() > 0, name
    auc, auc_error, auc_warnings = recorded(lambda: roc_auc_score(y, score, sample_weight=w))
    ap, _, ap_warnings = recorded(lambda: average_precision_score(y, score, sample_weight=w))
    fpr, tpr, thr = roc_curve(y, score, sample_weight=w, drop_intermediate=False)
    prec, rec, pthr = precision_recall_curve(y, score, sample_weight=w)
    ap_signed = float(-np.sum(np.diff(rec) * prec[:-1]))
    out = {
        "name": name,
        "score": score.tolist(),
        "label": y.tolist(),
        "weight": w.tolist(),
        "sklearn": {
            "roc_auc": auc,
            "roc_auc_error": auc_error,
            "average_precision": ap,
            "warnings": sorted(set(auc_warnings) | set(ap_warnings)),
            # thr[0] is +inf (not JSON): stored without it.
            "roc_curve": {"fpr": fpr.tolist(), "tpr": tpr.tolist(), "thresholds": thr[1:].tolist()},
            "pr_curve": {"precision": prec.tolist(), "recall": rec.tolist(), "thresholds": pthr.tolist()},
        },
        "roc_auc_pairwise": pairwise_auc(score, y, w),
        "average_precision_signed": ap_signed,
    }
    out["sigma_ratio_exact"], out["best_cut_exact"] = sigma_exact(score, y, w)
    out["sigma_ratio_binned"], out["best_cut_binned"] = sigma_binned(score, y, w)
    tps = np.array([w[(score >= t) & (y == 1)].sum() for t in pthr])
    fps = np.array([w[(score >= t) & (y == 0)].sum() for t in pthr])
    out["exercises"] = {
        "fpr_steps_back": bool(np.any(np.diff(fpr) < 0)),
        "tpr_steps_back": bool(np.any(np.diff(tpr) < 0)),
        "precision_outside_unit_interval": bool(np.any((prec < 0) | (prec > 1))),
        "passing_weight_zero": bool(np.any(tps + fps == 0)),
        "negative_signed_average_precision": ap_signed < 0,
    }
    return out


def main():
    rng = np.random.default_rng(20240611)
    cases = []

    # 1. NLO-like: 15 % of the events in both classes carry a negative weight, 1 % weight 0;
    #    2-decimal scores (heavy ties, many on bin edges).
    n = 3000
    y = rng.random(n) < 0.35
    score = np.clip(rng.normal(0.45 + 0.2 * y, 0.2), 0, 1).round(2)
    w = (rng.lognormal(0.0, 0.4, n) * np.where(rng.random(n) < 0.15, -1, 1)).round(4)
    w[rng.random(n) < 0.01] = 0.0
    cases.append(case("nlo_mixed_signs", score, y, w))

    # 2. Negative weights in the signal only: the background efficiency never steps back,
    #    so scikit-learn's roc_auc_score is defined; scores outside [0, 1].
    n = 2000
    y = rng.random(n) < 0.3
    score = rng.normal(0.3 + 0.5 * y, 0.35).round(3)
    w = rng.uniform(0.1, 2.0, n).round(3)
    w[y & (rng.random(n) < 0.2)] *= -1
    cases.append(case("negative_signal_only", score, y, w))

    # 3. Negative background weights among the highest scores: efficiencies below 0,
    #    precision above 1 and below 0.
    n = 1500
    y = rng.random(n) < 0.4
    score = rng.beta(2 + 3 * y, 4 - 2 * y).round(3)
    w = rng.uniform(0.2, 1.5, n).round(3)
    w[(~y) & (score > 0.6) & (rng.random(n) < 0.5)] *= -1
    cases.append(case("negative_background_at_high_scores", score, y, w))

    # 4-6. Small cases, one per rule, with dyadic weights (every sum exact).
    cases.append(case("passing_weight_zero", np.array([0.9, 0.8, 0.6, 0.5, 0.1]),
                      np.array([1, 0, 0, 1, 0]), np.array([1.0, -1.0, 2.0, 1.0, 1.0])))
    cases.append(case("precision_above_one", np.array([0.9, 0.8, 0.1]),
                      np.array([0, 1, 0]), np.array([-1.0, 2.0, 3.0])))
    cases.append(case("negative_average_precision", np.array([0.9, 0.5, 0.1]),
                      np.array([1, 0, 1]), np.array([-1.0, 3.0, 2.0])))

    json.dump({"sklearn_version": sklearn.__version__, "numpy_version": np.__version__,
               "bins": BINS, "cases": cases}, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
