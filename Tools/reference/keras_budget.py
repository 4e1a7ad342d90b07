#!/usr/bin/env python3
"""Train one exported PNNBench experiment with Keras, at the engine's budget and recipe.

Reads a folder written by `bench data export` (train.csv, validation.csv, test.csv,
meta.json), checks that every value read back is the exporter's Float32 (per-column sums
in row order, bit for bit), builds the experiment's model in Keras as the engine defines
it (see keras_golden.py for the mapping), trains it with the recipe meta.json states
(Adam and its constants, learning rate, epochs, batch size, dropout, L2, background-mass
rule, no batch balancing), keeps the epoch with the best mean validation ROC-AUC over the
training masses, and writes per-mass test ROC-AUC, the best epoch, the validation history
and whether the run collapsed (the project's rule: the last validation ROC-AUC within
0.02 of 0.5, or the best below 0.55) to JSON.

    KERAS_BACKEND=jax python Tools/reference/keras_budget.py EXPORT_DIR --out result.json
    ... --seed 7        # another Keras initialisation/shuffle/dropout seed on the same export

What is the same as the engine: the events, their mass features (including the background
masses drawn once for a fixed mode), labels and weights; the validation and test sets and
their masses; architecture, activations, dropout placement and rate, L2 on every kernel
and bias, glorot-uniform kernels and zero biases (Keras' defaults), Adam's constants, the
weighted BCE reduced over the batch size computed from the logits (TensorFlow's form,
which the engine follows; here an explicit linear output with from_logits=True, so the
JAX backend does not clip probabilities), the batch rule of balance `none`, model
selection. What is not: the random numbers (Keras draws its own initial weights and
dropout masks, numpy the epoch permutations and the sampled background masses), float
summation order. Deterministic for a given seed (single-threaded XLA on CPU).

See Tools/reference/README.md. CI never runs this script.
"""
import argparse
import json
import os
import platform
import sys
import time

import numpy as np

GENERATOR = "Tools/reference/keras_budget.py"


# ---------------------------------------------------------------- reading the export
def read_table(folder, entry):
    """The CSV `entry` of meta.json as float32 [rows, columns], checked against its sums."""
    path = os.path.join(folder, entry["name"])
    with open(path) as f:
        header = f.readline().rstrip("\n").split(",")
    if header != entry["columns"]:
        sys.exit(f"error: {path}: header {header[:4]}… differs from meta.json's columns {entry['columns'][:4]}…")
    values = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float64, ndmin=2)
    if values.shape != (entry["rows"], len(entry["columns"])):
        sys.exit(f"error: {path}: {values.shape[0]} rows × {values.shape[1]} columns, meta.json says "
                 f"{entry['rows']} × {len(entry['columns'])}")
    table = values.astype(np.float32)
    # Row-order sums in float64 (np.add.accumulate is sequential), as the exporter summed.
    for c, name in enumerate(entry["columns"]):
        col = table[:, c].astype(np.float64)
        missing = np.isnan(col)
        total = float(np.add.accumulate(col[~missing])[-1]) if (~missing).any() else 0.0
        if int(missing.sum()) != entry["missing"][c] or total != entry["columnSums"][c]:
            sys.exit(f"error: {path}: column {name} reads back as sum {total!r} with {int(missing.sum())} nan, "
                     f"meta.json says {entry['columnSums'][c]!r} with {entry['missing'][c]} nan")
    return table


def split_columns(table, columns, feature_count, parameter_names):
    """label [N], weight [N], features [N, F], and the parameter block [N, k·p]."""
    assert columns[:2] == ["label", "weight"], columns[:2]
    label = table[:, 0]
    weight = table[:, 1]
    x = table[:, 2:2 + feature_count]
    params = table[:, 2 + feature_count:]
    return label, weight, x, params


class EvaluationSet:
    """Per point id: rows whose column <parameter>@id is not nan (validation or test)."""

    def __init__(self, table, entry, meta):
        p = len(meta["parameterNames"])
        label, weight, x, params = split_columns(table, entry["columns"], meta["featureCount"], meta["parameterNames"])
        names = entry["columns"][2 + meta["featureCount"]:]
        self.points = []
        for k in range(len(names) // p):
            pid = int(names[k * p].split("@")[1])
            block = params[:, k * p:(k + 1) * p]
            rows = ~np.isnan(block).any(axis=1)
            self.points.append(dict(id=pid, x=x[rows], m=block[rows], y=label[rows], w=weight[rows]))


# ---------------------------------------------------------------- the model
def build_model(keras, network):
    """The engine's model of meta.json's `architecture`, with a linear output (logits)."""
    a = network["architecture"]
    p = len(network["trainingPoints"][0]["scaled"])
    if a["conditioning"] not in ("affine", "concat"):
        sys.exit(f"error: conditioning '{a['conditioning']}' is not built by this script (affine and concat are)")
    place = a["conditioningPlace"]
    if (a["conditioning"], place) not in (("affine", "all"), ("concat", "start")):
        sys.exit(f"error: {a['conditioning']} at '{place}' is not built by this script (affine at all, concat at start are)")
    reg = dict(kernel_regularizer=keras.regularizers.L2(a["l2Kernel"]) if a["l2Kernel"] > 0 else None,
               bias_regularizer=keras.regularizers.L2(a["l2Bias"]) if a["l2Bias"] > 0 else None)
    x_in = keras.Input(shape=(a["inputFeatures"],), name="x")
    m_in = keras.Input(shape=(p,), name="m")
    h = x_in if a["conditioning"] == "affine" else keras.layers.Concatenate()([x_in, m_in])
    for k, u in enumerate(a["hiddenUnits"]):
        h = keras.layers.Dense(u, activation=a["activation"], name=f"dense{k}", **reg)(h)
        if a["conditioning"] == "affine":
            # Paper eq. 1: h ⊙ (m·W_s + b_s) + (m·W_t + b_t); both maps are Dense(u) on m.
            # b_s starts at the architecture's scaleBiasInitial (absent: 0, Keras' zeros).
            scale = keras.layers.Dense(u, name=f"affine{k}_scale",
                                       bias_initializer=keras.initializers.Constant(a.get("scaleBiasInitial", 0.0)), **reg)(m_in)
            shift = keras.layers.Dense(u, name=f"affine{k}_shift", **reg)(m_in)
            h = keras.layers.Add()([keras.layers.Multiply()([h, scale]), shift])
        if a["dropoutRate"] > 0:
            h = keras.layers.Dropout(a["dropoutRate"], name=f"dropout{k}")(h)
    logit = keras.layers.Dense(1, name="output", **reg)(h)
    model = keras.Model([x_in, m_in], logit)
    opt = network["optimizer"]
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=opt["learningRate"], beta_1=opt["beta1"],
                                                  beta_2=opt["beta2"], epsilon=opt["epsilon"]),
                  loss=keras.losses.BinaryCrossentropy(from_logits=True))
    if model.count_params() != network["parameterCount"]:
        sys.exit(f"error: the Keras model has {model.count_params()} weights, the engine's {network['parameterCount']}")
    return model


def scale_gain(model, network):
    """Affine models: per training point m, the product over blocks of the RMS (over units)
    of the scale map s_k(m) = m·W_s + b_s, i.e. the factor by which the conditioning
    multiplies the feature path; None for other models. With b_s = 0 at initialisation
    it grows as m^(number of blocks), so low masses start with a much weaker feature path."""
    if network["architecture"]["conditioning"] != "affine":
        return None
    gains = {}
    for pt in network["trainingPoints"]:
        m = np.array(pt["scaled"], dtype=np.float64)
        g = 1.0
        for k in range(len(network["architecture"]["hiddenUnits"])):
            w, b = model.get_layer(f"affine{k}_scale").get_weights()
            s = m @ w.astype(np.float64) + b.astype(np.float64)
            g *= float(np.sqrt(np.mean(s * s)))
        gains[str(pt["id"])] = g
    return gains


def roc_auc(scores, labels, weights):
    from sklearn.metrics import roc_auc_score
    w = None if np.all(weights == 1) else weights
    return float(roc_auc_score(labels, scores, sample_weight=w))


def scores(model, x, m):
    return model.predict([x, m], batch_size=4096, verbose=0).reshape(-1)


# ---------------------------------------------------------------- training
def train(keras, meta, network, train_table, validation, test, seed, log):
    if network["balance"] != "none":
        sys.exit(f"error: balance '{network['balance']}' is not implemented here (only 'none')")
    mode = network["backgroundMass"]
    keras.utils.set_random_seed(seed)
    rng = np.random.default_rng(seed)
    model = build_model(keras, network)

    f = meta["featureCount"]
    y, w, x, m = split_columns(train_table, [e for e in meta["files"] if e["name"] == network["trainFile"]][0]["columns"],
                               f, meta["parameterNames"])
    y = y.reshape(-1, 1)
    sampled = np.isnan(m).any(axis=1)
    if mode.endswith("-fixed") and sampled.any():
        sys.exit(f"error: {mode}: {int(sampled.sum())} training rows have no mass")
    if mode.endswith("-sampled") and not np.array_equal(sampled, y[:, 0] == 0):
        sys.exit(f"error: {mode}: expected nan masses exactly on the background rows")
    points = np.array([pt["scaled"] for pt in network["trainingPoints"]], dtype=np.float32)
    n, b = len(y), network["batchSize"]
    steps = (n + b - 1) // b
    if steps != network["stepsPerEpoch"]:
        sys.exit(f"error: {steps} steps per epoch from {n} rows and batch {b}, meta.json says {network['stepsPerEpoch']}")

    initial_gain = scale_gain(model, network)
    history, best = [], dict(epoch=0, auc=-np.inf, weights=None)
    for epoch in range(network["epochs"]):
        t0 = time.time()
        order = rng.permutation(n)
        losses = []
        for s in range(steps):
            rows = order[s * b:(s + 1) * b]
            mb = m[rows].copy()
            draw = sampled[rows]
            if draw.any():
                k = int(draw.sum())
                if mode.startswith("identical"):
                    mb[draw] = points[rng.integers(0, len(points), size=k)]
                else:
                    lo, hi = points.min(axis=0), points.max(axis=0)
                    mb[draw] = (lo + (hi - lo) * rng.random((k, points.shape[1]))).astype(np.float32)
            loss = model.train_on_batch([x[rows], mb], y[rows], sample_weight=w[rows])
            losses.append(float(loss[0] if isinstance(loss, (list, tuple)) else loss))
        logits = [scores(model, v["x"], v["m"]) for v in validation.points]
        per_point = [roc_auc(z, v["y"], v["w"]) for z, v in zip(logits, validation.points)]
        auc = float(np.mean(per_point))
        history.append(dict(epoch=epoch + 1, trainLoss=float(np.mean(losses)), validationAUC=auc,
                            validationAUCPerPoint={str(v["id"]): a for v, a in zip(validation.points, per_point)},
                            # Diagnostics: how much the output still depends on the features at each point.
                            backgroundLogitSD={str(v["id"]): float(np.std(z[v["y"] == 0])) for z, v in zip(logits, validation.points)},
                            affineScaleGain=scale_gain(model, network),
                            seconds=time.time() - t0))
        parts = ", ".join("%d: %.3f" % (v["id"], a) for v, a in zip(validation.points, per_point))
        log(f"  epoch {epoch + 1}/{network['epochs']}: loss {np.mean(losses):.5f}, validation ROC-AUC {auc:.4f} "
            f"({parts}), {time.time() - t0:.1f} s")
        if auc > best["auc"]:  # strictly better only: ties keep the earlier epoch
            best = dict(epoch=epoch + 1, auc=auc, weights=model.get_weights())
    model.set_weights(best["weights"])
    per_mass = [dict(mass=t["id"], rocAUC=roc_auc(scores(model, t["x"], t["m"]), t["y"], t["w"]),
                     signal=int(t["y"].sum()), background=int((t["y"] == 0).sum())) for t in test.points]

    rule = meta["collapse"]
    reasons = []
    last = history[-1]["validationAUC"]
    if abs(last - 0.5) <= rule["chanceBand"]:
        reasons.append(f"validation ROC-AUC ended at {last:.3f} (chance)")
    if best["auc"] < rule["validationThreshold"]:
        reasons.append(f"best validation ROC-AUC {best['auc']:.3f} < {rule['validationThreshold']:.2f}")
    return dict(history=history, initialAffineScaleGain=initial_gain, bestEpoch=best["epoch"], bestValidationAUC=best["auc"], perMass=per_mass,
                averageROCAUC=float(np.mean([r["rocAUC"] for r in per_mass])),
                collapsed=bool(reasons), collapseReasons=reasons)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("export", help="folder written by `bench data export`")
    ap.add_argument("--out", required=True, help="JSON file to write")
    ap.add_argument("--seed", type=int, help="Keras/numpy seed (default: the export's training seed)")
    ap.add_argument("--backend", choices=["jax", "tensorflow"], default="jax")
    args = ap.parse_args()

    os.environ["KERAS_BACKEND"] = args.backend
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    meta_path = os.path.join(args.export, "meta.json")
    if not os.path.exists(meta_path):
        sys.exit(f"error: {meta_path} not found: not a (complete) `bench data export` folder")
    with open(meta_path) as f:
        meta = json.load(f)
    if meta.get("format") != 1:
        sys.exit(f"error: {meta_path}: format {meta.get('format')!r}, expected 1")
    if len(meta["networks"]) != 1:
        sys.exit("error: experiments with several networks (individual NNs) are not handled by this script")
    network = meta["networks"][0]
    seed = meta["seed"] if args.seed is None else args.seed

    t0 = time.time()
    files = {e["name"]: e for e in meta["files"]}
    train_table = read_table(args.export, files[network["trainFile"]])
    validation = EvaluationSet(read_table(args.export, files[network["validationFile"]]), files[network["validationFile"]], meta)
    test = EvaluationSet(read_table(args.export, files["test.csv"]), files["test.csv"], meta)
    read_seconds = time.time() - t0
    print(f"{meta['experiment']} (export seed {meta['seed']}, scale {meta['scale']['name']}): read and verified "
          f"{train_table.shape[0]} training rows, {sum(len(v['y']) for v in validation.points)} validation and "
          f"{sum(len(t['y']) for t in test.points)} test rows in {read_seconds:.1f} s; Keras seed {seed}")

    import keras
    backend_version = __import__(args.backend).__version__
    keras.config.set_floatx("float32")
    t1 = time.time()
    outcome = train(keras, meta, network, train_table, validation, test, seed, print)
    seconds = time.time() - t1
    print("  test ROC-AUC %: " + ", ".join(f"{r['mass']}: {100 * r['rocAUC']:.2f}" for r in outcome["perMass"])
          + f"; best epoch {outcome['bestEpoch']}" + (f"; COLLAPSED ({'; '.join(outcome['collapseReasons'])})" if outcome["collapsed"] else ""))

    import sklearn
    doc = dict(
        generator=GENERATOR, experiment=meta["experiment"], exportSeed=meta["seed"], seed=seed,
        scale=meta["scale"], data=meta["data"], engineVersion=meta["engineVersion"], resultKey=meta["resultKey"],
        recipe={k: network[k] for k in ("architecture", "parameterCount", "epochs", "batchSize", "stepsPerEpoch",
                                          "balance", "backgroundMass", "optimizer", "trainingPoints",
                                          "trainingSignal", "trainingBackground")},
        inputsVerified=True,
        versions=dict(keras=keras.__version__, backend=args.backend, backendVersion=backend_version,
                      numpy=np.__version__, sklearn=sklearn.__version__, python=platform.python_version(),
                      xlaFlags=os.environ.get("XLA_FLAGS", "")),
        trainingSeconds=seconds, **outcome)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    tmp = args.out + ".tmp"
    with open(tmp, "w") as f:
        json.dump(doc, f, indent=1, sort_keys=True)
        f.write("\n")
    os.replace(tmp, args.out)
    print(f"wrote {args.out} ({seconds:.0f} s of training)")


if __name__ == "__main__":
    main()
