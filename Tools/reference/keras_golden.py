#!/usr/bin/env python3
"""Keras golden fixture for the PNNBench Swift training engine.

Trains the two PNNBench models (affine-conditioned and Baldi concatenation pNN,
dropout off) for 20 Adam steps in Keras, from initial weights and batches that
are *defined by a formula* (SplitMix64), so the Swift side regenerates them
bit-exactly instead of reading them from disk. Records the per-step losses as
Keras reports them, an independent float64 numpy recomputation of those losses,
and the final weights.

    python Tools/reference/keras_golden.py                      # TF backend, writes the fixture
    python Tools/reference/keras_golden.py --backend jax --out-dir /tmp/g \
        --compare Tests/PNNEngineTests/Fixtures                 # cross-check against TF
    python Tools/reference/keras_golden.py --backend jax --parameters 2
        # two physics parameters per event (keras_golden_p2*): concatenation adds 2 inputs,
        # the affine maps take 2 inputs; column 0 as with one parameter, column 1 from
        # SECOND_PARAMETER by draw(TAG_MASS2, b, i) % 3

See Tools/reference/README.md. CI never runs this script.
"""
import argparse
import json
import math
import os
import sys

import numpy as np

GENERATOR = "Tools/reference/keras_golden.py"
MASK = 0xFFFFFFFFFFFFFFFF
GAMMA = 0x9E3779B97F4A7C15
MUL1 = 0xBF58476D1CE4E5B9
MUL2 = 0x94D049BB133111EB

# Stream tags of the formula (see README).
TAG_INIT = 0xC0FFEE
TAG_X = 0xBA7C4
TAG_MASS = 0x3A55
TAG_LABEL = 0x1AB
TAG_WEIGHT = 0x3E16
TAG_MASS2 = 0x3A56

BATCH = 128
STEPS = 20
N_FEATURES = 27
UNITS = [300, 150, 100, 50]
MASSES = [0.5, 0.75, 1.0, 1.25, 1.5]
SECOND_PARAMETER = [0.2, 0.5, 1.0]
N_PARAMS = 1  # physics parameters per event (--parameters)
SAMPLE_WEIGHTS = [0.5, 1.0, 2.0]
SUFFIX = ""  # fixture file names: keras_golden{SUFFIX}.json
BIAS_LIMIT = 0.05
L2_KERNEL = 1e-4
L2_BIAS = 1e-5
LR, BETA1, BETA2, EPS = 3e-4, 0.9, 0.999, 1e-7


# ---------------------------------------------------------------- SplitMix64
def mix_int(z):
    """Reference implementation on Python ints (masked to 64 bits)."""
    z &= MASK
    z = ((z ^ (z >> 30)) * MUL1) & MASK
    z = ((z ^ (z >> 27)) * MUL2) & MASK
    return z ^ (z >> 31)


def value_int(key, i):
    return mix_int(key + (i + 1) * GAMMA)


def mix_np(z):
    """Vectorised mix; numpy uint64 multiply wraps mod 2^64, which is what we want."""
    z = np.asarray(z, dtype=np.uint64)
    with np.errstate(over="ignore"):
        z = (z ^ (z >> np.uint64(30))) * np.uint64(MUL1)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(MUL2)
    return z ^ (z >> np.uint64(31))


def value_np(key, idx):
    """value(key, i) for an array of indices i (key is a Python int)."""
    idx = np.asarray(idx, dtype=np.uint64)
    with np.errstate(over="ignore"):
        x = np.uint64(key & MASK) + (idx + np.uint64(1)) * np.uint64(GAMMA)
    return mix_np(x)


def draw_np(tag, b, idx):
    return value_np(mix_int(tag + b), idx)


def unit_np(bits):
    # bits >> 11 < 2^53, so the float64 conversion is exact.
    return (bits >> np.uint64(11)).astype(np.float64) * 2.0 ** -53


def self_test_rng():
    rs = np.random.default_rng(1)
    keys = [0, 1, 42, MASK, int(rs.integers(0, 2 ** 63)) * 2 + 1]
    for key in keys:
        for tag_b in [(TAG_INIT, 0), (TAG_X, 19), (TAG_WEIGHT, 7)]:
            idx = np.array([0, 1, 2, 1000, 2 ** 40, 2 ** 63 + 5], dtype=np.uint64)
            got = value_np(key, idx)
            want = [value_int(key, int(i)) for i in idx]
            assert [int(v) for v in got] == want, (key, got, want)
            dk = mix_int(tag_b[0] + tag_b[1])
            got = draw_np(*tag_b, idx)
            assert [int(v) for v in got] == [value_int(dk, int(i)) for i in idx]
        assert int(mix_np(np.array([key], dtype=np.uint64))[0]) == mix_int(key)


# ---------------------------------------------------------------- models / params
def param_specs(arch):
    """Canonical parameter list: (name, shape, kind), kind in {'kernel','bias'}."""
    specs = []
    fan_in = N_FEATURES if arch == "affine" else N_FEATURES + N_PARAMS
    for k, u in enumerate(UNITS):
        specs += [(f"dense{k}.kernel", (fan_in, u), "kernel"), (f"dense{k}.bias", (u,), "bias")]
        if arch == "affine":
            for part in ("scale", "shift"):
                specs += [(f"affine{k}.{part}.kernel", (N_PARAMS, u), "kernel"),
                          (f"affine{k}.{part}.bias", (u,), "bias")]
        fan_in = u
    specs += [("output.kernel", (fan_in, 1), "kernel"), ("output.bias", (1,), "bias")]
    return specs


def initial_params(arch):
    out = []
    for p, (name, shape, kind) in enumerate(param_specs(arch)):
        n = int(np.prod(shape))
        u = unit_np(draw_np(TAG_INIT, p, np.arange(n, dtype=np.uint64)))
        limit = math.sqrt(6.0 / (shape[0] + shape[1])) if kind == "kernel" else BIAS_LIMIT
        # float64 arithmetic, then one round-to-nearest cast to float32.
        out.append(((2.0 * u - 1.0) * limit).astype(np.float32).reshape(shape))
    return out


def make_batch(b):
    i = np.arange(BATCH, dtype=np.uint64)
    fi = np.arange(BATCH * N_FEATURES, dtype=np.uint64)
    x = ((2.0 * unit_np(draw_np(TAG_X, b, fi)) - 1.0) * 2.0).astype(np.float32)
    x = x.reshape(BATCH, N_FEATURES)
    m = np.array(MASSES, dtype=np.float32)[(draw_np(TAG_MASS, b, i) % np.uint64(5)).astype(np.int64)]
    y = (draw_np(TAG_LABEL, b, i) >> np.uint64(63)).astype(np.float32)
    w = np.array(SAMPLE_WEIGHTS, dtype=np.float32)[(draw_np(TAG_WEIGHT, b, i) % np.uint64(3)).astype(np.int64)]
    columns = [m]
    if N_PARAMS == 2:
        columns.append(np.array(SECOND_PARAMETER, dtype=np.float32)[(draw_np(TAG_MASS2, b, i) % np.uint64(3)).astype(np.int64)])
    return x, np.stack(columns, axis=1), y.reshape(BATCH, 1), w


def batch_checks():
    """Per-batch float64 sums and a few leading values, so the Swift side can verify its batches."""
    out = []
    for b in range(STEPS):
        x, m, y, w = make_batch(b)
        out.append({"x_sum": float(np.sum(x, dtype=np.float64)), "m_sum": float(np.sum(m, dtype=np.float64)),
                    "y_sum": float(np.sum(y, dtype=np.float64)), "w_sum": float(np.sum(w, dtype=np.float64)),
                    "x_first": [float(v) for v in x[0, :3]], "m_first": [float(v) for v in m[:3, 0]],
                    "y_first": [float(v) for v in y[:3, 0]], "w_first": [float(v) for v in w[:3]]})
    return out


def build_model(keras, arch):
    reg = dict(kernel_regularizer=keras.regularizers.l2(L2_KERNEL),
               bias_regularizer=keras.regularizers.l2(L2_BIAS))
    x_in = keras.Input(shape=(N_FEATURES,), name="x")
    m_in = keras.Input(shape=(N_PARAMS,), name="m")
    layers = []  # Dense layers in canonical order
    if arch == "affine":
        h = x_in
        for k, u in enumerate(UNITS):
            dense = keras.layers.Dense(u, activation="relu", name=f"dense{k}", **reg)
            scale = keras.layers.Dense(u, name=f"affine{k}_scale", **reg)
            shift = keras.layers.Dense(u, name=f"affine{k}_shift", **reg)
            layers += [dense, scale, shift]
            h = dense(h) * scale(m_in) + shift(m_in)
    else:
        h = keras.layers.Concatenate()([x_in, m_in])  # columns 27… = the parameters
        for k, u in enumerate(UNITS):
            dense = keras.layers.Dense(u, activation="relu", name=f"dense{k}", **reg)
            layers.append(dense)
            h = dense(h)
    out_layer = keras.layers.Dense(1, activation="sigmoid", name="output", **reg)
    layers.append(out_layer)
    model = keras.Model([x_in, m_in], out_layer(h))
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=LR, beta_1=BETA1, beta_2=BETA2, epsilon=EPS),
        loss=keras.losses.BinaryCrossentropy(),
    )
    return model, layers


def get_params(layers):
    return [np.array(a, dtype=np.float32) for layer in layers for a in layer.get_weights()]


def set_params(layers, params):
    it = iter(params)
    for layer in layers:
        layer.set_weights([next(it), next(it)])


# ---------------------------------------------------------------- float64 reference loss
def loss_f64(arch, params, x, m, y, w):
    """(1/N) sum_i w_i BCE_i + sum 1e-4 |K|^2 + sum 1e-5 |b|^2, all in float64."""
    P = [p.astype(np.float64) for p in params]
    x, m, y, w = (a.astype(np.float64) for a in (x, m, y, w))
    h = x if arch == "affine" else np.concatenate([x, m], axis=1)
    j = 0
    for _ in UNITS:
        h = np.maximum(h @ P[j] + P[j + 1], 0.0)
        j += 2
        if arch == "affine":
            h = h * (m @ P[j] + P[j + 1]) + (m @ P[j + 2] + P[j + 3])
            j += 4
    z = (h @ P[j] + P[j + 1])[:, 0]
    # BCE of sigmoid(z) written stably: softplus(z) - y z.
    bce = np.logaddexp(0.0, z) - y[:, 0] * z
    data = np.sum(w * bce) / len(z)
    regl = sum((L2_KERNEL if kind == "kernel" else L2_BIAS) * np.sum(p * p)
               for p, (_, _, kind) in zip(P, param_specs(arch)))
    return float(data + regl), float(data), float(regl)


def train_f64(arch, adam_form="keras"):
    """Independent float64 numpy training (manual backprop + Adam) for the same 20 steps.

    adam_form="keras": w -= alpha*m/(sqrt(v)+eps), alpha = lr*sqrt(1-b2^t)/(1-b1^t)  (Keras 3)
    adam_form="paper": w -= lr*mhat/(sqrt(vhat)+eps)                              (Kingma & Ba)
    Used only to check which update form Keras implements and how far float32 drifts.
    """
    specs = param_specs(arch)
    P = [p.astype(np.float64) for p in initial_params(arch)]
    M = [np.zeros_like(p) for p in P]
    V = [np.zeros_like(p) for p in P]
    for b in range(STEPS):
        x, m, y, w = (a.astype(np.float64) for a in make_batch(b))
        n = len(x)
        # forward, keeping what the backward pass needs
        h = x if arch == "affine" else np.concatenate([x, m], axis=1)
        cache, j = [], 0
        for _ in UNITS:
            a = h @ P[j] + P[j + 1]
            r = np.maximum(a, 0.0)
            if arch == "affine":
                s = m @ P[j + 2] + P[j + 3]
                cache.append((h, a, r, s, j))
                h = r * s + (m @ P[j + 4] + P[j + 5])
                j += 6
            else:
                cache.append((h, a, r, None, j))
                h = r
                j += 2
        z = h @ P[j] + P[j + 1]
        G = [None] * len(P)
        dz = (w[:, None] / n) * (1.0 / (1.0 + np.exp(-z)) - y)  # d(mean w*BCE)/dz, BCE on logits
        G[j], G[j + 1] = h.T @ dz, dz.sum(0)
        dh = dz @ P[j].T
        for (hin, a, r, s, j) in reversed(cache):
            if arch == "affine":
                ds = dh * r
                G[j + 2], G[j + 3] = m.T @ ds, ds.sum(0)
                G[j + 4], G[j + 5] = m.T @ dh, dh.sum(0)
                dr = dh * s
            else:
                dr = dh
            da = dr * (a > 0)
            G[j], G[j + 1] = hin.T @ da, da.sum(0)
            dh = da @ P[j].T
        t = b + 1
        for k, (_, _, kind) in enumerate(specs):
            g = G[k] + 2.0 * (L2_KERNEL if kind == "kernel" else L2_BIAS) * P[k]
            M[k] += (g - M[k]) * (1 - BETA1)
            V[k] += (g * g - V[k]) * (1 - BETA2)
            if adam_form == "keras":
                alpha = LR * math.sqrt(1 - BETA2 ** t) / (1 - BETA1 ** t)
                P[k] -= alpha * M[k] / (np.sqrt(V[k]) + EPS)
            else:
                P[k] -= LR * (M[k] / (1 - BETA1 ** t)) / (np.sqrt(V[k] / (1 - BETA2 ** t)) + EPS)
    return np.concatenate([p.ravel() for p in P])


def agreement(a, ref, floor=1e-2):
    """max |a-ref|, max elementwise rel, max |a-ref|/max(|ref|, floor)."""
    d = np.abs(a - ref)
    return float(d.max()), float(np.max(d / np.maximum(np.abs(ref), 1e-30))), \
        float(np.max(d / np.maximum(np.abs(ref), floor)))


def probe_bce(keras):
    """Does BCE on a sigmoid output clip probabilities at 1e-7 (loss 16.12) or use the logits (loss 30)?"""
    x_in = keras.Input(shape=(1,))
    out = keras.layers.Dense(1, activation="sigmoid")(x_in)
    model = keras.Model(x_in, out)
    model.compile(optimizer="sgd", loss=keras.losses.BinaryCrossentropy())
    model.layers[-1].set_weights([np.zeros((1, 1), np.float32), np.array([30.0], np.float32)])
    loss = model.test_on_batch(np.zeros((1, 1), np.float32), np.zeros((1, 1), np.float32))
    return float(loss[0] if isinstance(loss, (list, tuple)) else loss)


# ---------------------------------------------------------------- main
def run(keras, arch):
    specs = param_specs(arch)
    model, layers = build_model(keras, arch)
    assert model.count_params() == sum(int(np.prod(s)) for _, s, _ in specs)
    init = initial_params(arch)
    set_params(layers, init)
    assert all(np.array_equal(a, b) for a, b in zip(get_params(layers), init))

    losses, losses64, data64, reg64 = [], [], [], []
    for b in range(STEPS):
        x, m, y, w = make_batch(b)
        before = get_params(layers)
        ref, d, r = loss_f64(arch, before, x, m, y, w)
        loss = model.train_on_batch([x, m], y, sample_weight=w)
        loss = float(loss[0] if isinstance(loss, (list, tuple)) else loss)
        losses.append(loss)
        losses64.append(ref)
        data64.append(d)
        reg64.append(r)
        rel = abs(loss - ref) / abs(ref)
        if b == 0:
            # The alternatives Keras could plausibly have implemented, to show they are ruled out.
            alt_sw = d * BATCH / float(np.sum(w, dtype=np.float64)) + r
            print(f"{arch} step 0 alternatives: divide by sum(w) -> {alt_sw:.9g}, without L2 -> {d:.9g}")
        print(f"{arch} step {b:2d}: keras {loss:.9g}  f64 {ref:.9g} (data {d:.6g} + l2 {r:.6g})  rel {rel:.2e}")
        assert rel < 1e-5, "Keras' reported loss does not match the f64 formula"

    final = get_params(layers)
    flat = np.concatenate([p.ravel() for p in final]).astype("<f4")
    f64_check = {}
    for form in ("keras", "paper"):
        d_abs, d_rel, d_floor = agreement(flat.astype(np.float64), train_f64(arch, form))
        f64_check[form] = {"max_abs_diff": d_abs, "max_rel_diff": d_rel, "max_diff_over_max_abs_0.01": d_floor}
        print(f"{arch}: final weights vs float64 numpy Adam ({form} form): max abs {d_abs:.3e}, "
              f"max rel {d_rel:.3e}, max |d|/max(|w|,0.01) {d_floor:.3e}")
    return {
        "parameter_count": int(flat.size),
        "parameters": [
            {"name": n, "shape": list(s),
             "initial_first": [float(v) for v in p0.ravel()[:3]],
             "final_first": [float(v) for v in p1.ravel()[:3]],
             "final_sum": float(np.sum(p1, dtype=np.float64))}
            for (n, s, _), p0, p1 in zip(specs, init, final)
        ],
        "initial_sum": float(sum(np.sum(p, dtype=np.float64) for p in init)),
        "losses": losses,
        "losses_f64": losses64,
        "losses_f64_data_term": data64,
        "losses_f64_l2_term": reg64,
        "final_weights_file": f"keras_golden{SUFFIX}_{arch}.f32",
        "final_weights_count": int(flat.size),
        "final_weights_sum": float(np.sum(flat, dtype=np.float64)),
        "final_vs_float64_numpy_adam": f64_check,
    }, flat


def compare(doc, weights, ref_dir):
    """Print the agreement of this run with a fixture in ref_dir (e.g. JAX vs TF)."""
    with open(os.path.join(ref_dir, "keras_golden.json")) as f:
        ref = json.load(f)
    print(f"\ncomparison with {ref_dir} ({ref['backend']}):")
    summary = {"against": f"keras {ref['keras_version']}, {ref['backend']} {ref['backend_version']}"}
    for arch in ("affine", "pnn"):
        a, r = doc["models"][arch], ref["models"][arch]
        la, lr_ = np.array(a["losses"]), np.array(r["losses"])
        wa = weights[arch].astype(np.float64)
        wr = np.fromfile(os.path.join(ref_dir, r["final_weights_file"]), dtype="<f4").astype(np.float64)
        diff = np.abs(wa - wr)
        rel = diff / np.maximum(np.abs(wr), 1e-30)
        print(f"  {arch}: loss max rel diff {np.max(np.abs(la - lr_) / np.abs(lr_)):.3e}; "
              f"weights max abs diff {diff.max():.3e}, max rel diff {rel.max():.3e}, "
              f"elements with rel diff > 1e-5: {int(np.sum(rel > 1e-5))}, > 1e-4: {int(np.sum(rel > 1e-4))} "
              f"of {wr.size}; max |diff|/max(|w|,0.01) {np.max(diff / np.maximum(np.abs(wr), 1e-2)):.3e}")
        summary[arch] = {
            "losses_max_rel_diff": float(np.max(np.abs(la - lr_) / np.abs(lr_))),
            "weights_max_abs_diff": float(diff.max()),
            "weights_max_rel_diff": float(rel.max()),
            "weights_count_rel_diff_gt_1e-4": int(np.sum(rel > 1e-4)),
            "weights_max_diff_over_max_abs_0.01": float(np.max(diff / np.maximum(np.abs(wr), 1e-2))),
        }
    return summary


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--backend", choices=["tensorflow", "jax"], default="tensorflow")
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ap.add_argument("--out-dir", default=os.path.join(root, "Tests", "PNNEngineTests", "Fixtures"))
    ap.add_argument("--compare", metavar="DIR", help="fixture directory to compare the run against")
    ap.add_argument("--parameters", type=int, choices=[1, 2], default=1, help="physics parameters per event")
    args = ap.parse_args()
    global N_PARAMS, SUFFIX
    N_PARAMS = args.parameters
    SUFFIX = "" if N_PARAMS == 1 else f"_p{N_PARAMS}"

    # The backend is fixed at keras import time.
    os.environ["KERAS_BACKEND"] = args.backend
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    self_test_rng()
    import keras

    if args.backend == "tensorflow":
        import tensorflow as tf
        backend_version = tf.__version__
    else:
        import jax
        backend_version = jax.__version__
    keras.config.set_floatx("float32")

    doc = {
        "generator": GENERATOR,
        "keras_version": keras.__version__,
        "backend": args.backend,
        "backend_version": backend_version,
        "numpy_version": np.__version__,
        "python_version": sys.version.split()[0],
        "rng": {
            "mix": "z=(z^(z>>30))*0xBF58476D1CE4E5B9; z=(z^(z>>27))*0x94D049BB133111EB; z^(z>>31) (mod 2^64)",
            "value": "mix(key + (i+1)*0x9E3779B97F4A7C15)",
            "unit": "(bits>>11) * 2^-53",
            "draw": "value(mix(tag + b), i)",
            "check_values": {"mix(0)": str(mix_int(0)), "mix(1)": str(mix_int(1)),
                             "value(42,0)": str(value_int(42, 0)),
                             "draw(0xC0FFEE,0,0)": str(value_int(mix_int(TAG_INIT), 0))},
        },
        "init": {"tag": TAG_INIT, "b": "parameter index p (canonical order)", "i": "row-major element index",
                 "formula": "float32((2*unit - 1) * L) computed in float64",
                 "kernel_limit": "sqrt(6/(fan_in+fan_out)), fan_in=rows, fan_out=cols",
                 "bias_limit": BIAS_LIMIT},
        "batches": {"tag_x": TAG_X, "tag_mass": TAG_MASS, "tag_label": TAG_LABEL, "tag_weight": TAG_WEIGHT,
                    "x": "float32((2*unit(draw(tag_x, b, i*27+f)) - 1) * 2)",
                    "m": "masses[draw(tag_mass, b, i) % 5]", "masses": MASSES,
                    "m2": "with 2 parameters, column 1 = second_parameter[draw(tag_mass2, b, i) % 3]",
                    "tag_mass2": TAG_MASS2, "second_parameter": SECOND_PARAMETER,
                    "y": "draw(tag_label, b, i) >> 63",
                    "w": "sample_weights[draw(tag_weight, b, i) % 3]", "sample_weights": SAMPLE_WEIGHTS},
        "batch_checks": batch_checks(),
        "parameters": N_PARAMS,
        "batch_size": BATCH,
        "steps": STEPS,
        "n_features": N_FEATURES,
        "units": UNITS,
        "l2_kernel": L2_KERNEL,
        "l2_bias": L2_BIAS,
        "adam": {"learning_rate": LR, "beta_1": BETA1, "beta_2": BETA2, "epsilon": EPS},
        "loss_definition": "losses[b]: Keras train_on_batch loss at the weights before update b = "
                           "sum_i(w_i*BCE_i)/N + sum_kernels 1e-4*sum(K^2) + sum_biases 1e-5*sum(b^2)",
        "models": {},
    }
    weights = {}
    for arch in ("affine", "pnn"):
        keras.utils.clear_session()
        doc["models"][arch], weights[arch] = run(keras, arch)

    keras.utils.clear_session()
    doc["bce_probe_logit30_label0"] = probe_bce(keras)
    print(f"BCE probe (sigmoid output, logit 30, label 0): {doc['bce_probe_logit30_label0']:.6g} "
          f"(30 = computed from logits, {-math.log(1e-7):.4g} = clipped at epsilon 1e-7)")

    if args.compare:
        doc["cross_backend_check"] = compare(doc, weights, args.compare)

    os.makedirs(args.out_dir, exist_ok=True)
    for arch, flat in weights.items():
        flat.tofile(os.path.join(args.out_dir, doc["models"][arch]["final_weights_file"]))
    with open(os.path.join(args.out_dir, f"keras_golden{SUFFIX}.json"), "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print(f"wrote {args.out_dir}")


if __name__ == "__main__":
    main()
