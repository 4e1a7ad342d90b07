#!/usr/bin/env python3
"""Engine vs Keras at equal budget: per-mass test ROC-AUC, mean ± sd over seeds, collapses.

Reads the JSON files of keras_budget.py and, for each, the engine's result of the same
training (the `resultKey` the export recorded) from a result store, and writes a summary
JSON and a Markdown table (stdout). No third-party packages.

    python Tools/reference/keras_budget_table.py --keras DIR --store .bench/results [--store …] \
        --out Reports/convergence-sim/keras-equal-budget/summary.json

A run is collapsed by the project's rules (PNNBench/Replicates/ReplicateStability.swift):
its last validation ROC-AUC lies within 0.02 of 0.5, or its best one is below 0.55, or
(n ≥ 3) its mean test ROC-AUC or best validation ROC-AUC lies below the seeds' median by
more than max(3.5·MAD_σ, 5 points).
"""
import argparse
import glob
import json
import math
import os
import statistics

CHANCE_BAND, THRESHOLD, K, FLOOR, NORMAL_QUARTILE = 0.02, 0.55, 3.5, 5.0, 0.6744897501960817


def robust_flags(values):
    """Indices below median − max(3.5·MAD_σ, 5) (values in percent); none for n < 3."""
    if len(values) < 3:
        return set()
    m = statistics.median(values)
    mad = statistics.median([abs(v - m) for v in values]) / NORMAL_QUARTILE
    return {i for i, v in enumerate(values) if v < m - max(K * mad, FLOOR)}


def collapses(runs):
    """Per run (dicts with history, perMass), the reasons it counts as collapsed."""
    reasons = [[] for _ in runs]
    for r, run in zip(reasons, runs):
        last, best = run["history"][-1], max(run["history"])
        if abs(last - 0.5) <= CHANCE_BAND:
            r.append(f"validation ended at {last:.3f}")
        if best < THRESHOLD:
            r.append(f"best validation {best:.3f} < {THRESHOLD}")
    for name, values in (("mean test", [100 * run["average"] for run in runs]),
                         ("best validation", [100 * max(run["history"]) for run in runs])):
        for i in robust_flags(values):
            reasons[i].append(f"{name} ROC-AUC far below the seeds' median")
    return reasons


def fisher_two_sided(a, b, c, d):
    """Fisher's exact test of the 2×2 table [[a, b], [c, d]]: the probability, given the
    margins, of a table at most as likely as the observed one (two-sided, as SciPy)."""
    n1, n2, k = a + b, c + d, a + c

    def p(x):
        return math.comb(n1, x) * math.comb(n2, k - x) / math.comb(n1 + n2, k)

    observed = p(a)
    return min(1.0, sum(p(x) for x in range(max(0, k - n2), min(k, n1) + 1) if p(x) <= observed * (1 + 1e-7)))


def mean_sd(values):
    n = len(values)
    mean = sum(values) / n
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1)) if n > 1 else float("nan")
    return mean, sd


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--keras", required=True, action="append", help="folder of keras_budget.py results (*.json); repeatable")
    ap.add_argument("--store", required=True, action="append", help="an engine result folder (<work-dir>/results); repeatable")
    ap.add_argument("--out", required=True, help="summary JSON to write")
    args = ap.parse_args()

    groups = {}
    for path in sorted(p for folder in args.keras for p in glob.glob(os.path.join(folder, "*.json"))):
        with open(path) as f:
            k = json.load(f)
        if k.get("generator") != "Tools/reference/keras_budget.py":
            continue
        if k["seed"] != k["exportSeed"]:
            # Pairs are (engine seed s, Keras seed s on the export of seed s); others would repeat an engine run.
            print(f"note: {path} skipped: Keras seed {k['seed']} on the export of seed {k['exportSeed']}")
            continue
        found = [os.path.join(store, k["resultKey"] + ".json") for store in args.store]
        found = [p for p in found if os.path.exists(p)]
        if not found:
            raise SystemExit(f"error: {path}: the engine's result {k['resultKey']}.json is in none of {args.store} (run `bench run` for it)")
        engine_path = found[0]
        with open(engine_path) as f:
            e = json.load(f)
        assert e["spec"]["id"] == k["experiment"] and e["seed"] == k["exportSeed"], path
        runs = groups.setdefault(k["experiment"], {"engine": [], "keras": []})
        runs["engine"].append(dict(seed=e["seed"], perMass={m["mass"]: m["rocAUC"] for m in e["perMass"]},
                                   average=e["average"]["rocAUC"], bestEpoch=e["training"][0]["bestEpoch"],
                                   history=[h["validationAUC"] for h in e["training"][0]["history"]]))
        runs["keras"].append(dict(seed=k["seed"], exportSeed=k["exportSeed"], perMass={m["mass"]: m["rocAUC"] for m in k["perMass"]},
                                  average=k["averageROCAUC"], bestEpoch=k["bestEpoch"],
                                  history=[h["validationAUC"] for h in k["history"]]))

    summary, lines = {}, []
    for experiment, runs in groups.items():
        masses = sorted(runs["engine"][0]["perMass"])
        entry = {}
        for side in ("engine", "keras"):
            rs = sorted(runs[side], key=lambda r: r["seed"])
            reasons = collapses(rs)
            cells = {str(m): mean_sd([100 * r["perMass"][m] for r in rs]) for m in masses}
            cells["mean"] = mean_sd([100 * r["average"] for r in rs])
            entry[side] = dict(
                n=len(rs), seeds=[r["seed"] for r in rs],
                rocAUC={c: dict(mean=v[0], sd=v[1]) for c, v in cells.items()},
                perSeed=[dict(seed=r["seed"], rocAUC={str(m): 100 * r["perMass"][m] for m in masses},
                              bestEpoch=r["bestEpoch"], validationAUC=r["history"], collapsed=reason)
                         for r, reason in zip(rs, reasons)],
                collapsed=sum(1 for reason in reasons if reason))
        ce, ne, ck, nk = entry["engine"]["collapsed"], entry["engine"]["n"], entry["keras"]["collapsed"], entry["keras"]["n"]
        entry["collapseFisherP"] = fisher_two_sided(ce, ne - ce, ck, nk - ck)
        summary[experiment] = entry
        lines.append(f"\n**{experiment}** — engine n = {ne}, Keras n = {nk}; collapsed: engine {ce} of {ne}, "
                     f"Keras {ck} of {nk} (Fisher's exact test, two-sided: p = {entry['collapseFisherP']:.2g})\n")
        lines.append("| mass (GeV) | engine | Keras | Δ (Keras − engine) |")
        lines.append("| --- | --- | --- | --- |")
        for c in [str(m) for m in masses] + ["mean"]:
            a, b = entry["engine"]["rocAUC"][c], entry["keras"]["rocAUC"][c]
            lines.append(f"| {c} | {a['mean']:.2f} ± {a['sd']:.2f} | {b['mean']:.2f} ± {b['sd']:.2f} | {b['mean'] - a['mean']:+.2f} |")
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w") as f:
        json.dump(summary, f, indent=1, sort_keys=True)
        f.write("\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
