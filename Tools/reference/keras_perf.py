#!/usr/bin/env python3
"""Keras training throughput of the PNNBench paper models, for comparison with `bench perf`.

    python Tools/reference/keras_perf.py --backend tensorflow --arch affine --batch 1024

Builds the model as in the paper (Dropout 0.25; affine: after each affine conditioning,
pnn: after each ReLU), trains with model.fit on random data and prints the median
samples/s over the timed epochs (one warm-up epoch, which includes tracing/compilation,
is not timed). CI never runs this script; see Tools/reference/README.md.
"""
import argparse
import os
import statistics
import sys
import time

import numpy as np

UNITS = [300, 150, 100, 50]
MASSES = [0.5, 0.75, 1.0, 1.25, 1.5]


def build(keras, arch, dropout):
    reg = dict(kernel_regularizer=keras.regularizers.l2(1e-4), bias_regularizer=keras.regularizers.l2(1e-5))
    x_in = keras.Input(shape=(27,), name="x")
    m_in = keras.Input(shape=(1,), name="m")
    if arch == "affine":
        h = x_in
        for u in UNITS:
            h = keras.layers.Dense(u, activation="relu", **reg)(h)
            h = h * keras.layers.Dense(u, **reg)(m_in) + keras.layers.Dense(u, **reg)(m_in)
            h = keras.layers.Dropout(dropout)(h)
    else:
        h = keras.layers.Concatenate()([x_in, m_in])
        for u in UNITS:
            h = keras.layers.Dense(u, activation="relu", **reg)(h)
            h = keras.layers.Dropout(dropout)(h)
    out = keras.layers.Dense(1, activation="sigmoid", **reg)(h)
    model = keras.Model([x_in, m_in], out)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=3e-4, epsilon=1e-7),
                  loss=keras.losses.BinaryCrossentropy())
    return model


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--backend", choices=["tensorflow", "jax"], default="tensorflow")
    ap.add_argument("--arch", choices=["affine", "pnn"], default="affine")
    ap.add_argument("--batch", type=int, default=1024)
    ap.add_argument("--events", type=int, default=200_000)
    ap.add_argument("--epochs", type=int, default=5, help="timed epochs (after one warm-up epoch)")
    ap.add_argument("--dropout", type=float, default=0.25)
    args = ap.parse_args()

    os.environ["KERAS_BACKEND"] = args.backend  # must precede the keras import
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    import keras

    if args.backend == "tensorflow":
        import tensorflow as tf
        version = tf.__version__
    else:
        import jax
        version = jax.__version__

    rng = np.random.default_rng(0)
    n = args.events
    x = rng.normal(size=(n, 27)).astype(np.float32)
    m = rng.choice(np.array(MASSES, dtype=np.float32), size=(n, 1))
    y = rng.integers(0, 2, size=(n, 1)).astype(np.float32)
    w = rng.choice(np.array([0.5, 1.0, 2.0], dtype=np.float32), size=n)

    model = build(keras, args.arch, args.dropout)

    class Timer(keras.callbacks.Callback):
        def __init__(self):
            super().__init__()
            self.times = []

        def on_epoch_begin(self, epoch, logs=None):
            self.t0 = time.perf_counter()

        def on_epoch_end(self, epoch, logs=None):
            self.times.append(time.perf_counter() - self.t0)

    timer = Timer()
    model.fit([x, m], y, sample_weight=w, batch_size=args.batch, epochs=1 + args.epochs,
              callbacks=[timer], verbose=0)
    rates = [n / t for t in timer.times[1:]]
    print(f"keras {keras.__version__} {args.backend} {version} arch={args.arch} params={model.count_params()} "
          f"batch={args.batch} events={n} cores={os.cpu_count()}")
    print("epoch samples/s: " + " ".join(f"{r:,.0f}" for r in rates) + f"  (warm-up {n / timer.times[0]:,.0f})")
    print(f"median samples/s: {statistics.median(rates):,.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
