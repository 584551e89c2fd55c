"""Fit and score a customer summary with the Python `lifetimes` package (0.11.3), timed.

Reads a CSV with columns frequency, recency, T, monetary_value (time unit: weeks), fits
BetaGeoFitter and GammaGammaFitter, predicts P(alive), expected purchases over the CLV horizon
and a 12-month CLV for every customer, and prints one JSON object with the fitted parameters,
log-likelihoods and timings. Used by `clientele bench model`; see README "Benchmarks".
"""
import json
import sys
import time

import numpy as np
import pandas as pd
from lifetimes import BetaGeoFitter, GammaGammaFitter


def main(path: str) -> None:
    data = pd.read_csv(path)
    started = time.perf_counter()
    bgf = BetaGeoFitter(penalizer_coef=0.0)
    bgf.fit(data["frequency"], data["recency"], data["T"])
    bgnbd_seconds = time.perf_counter() - started

    repeat = data[data["frequency"] > 0]
    gg_started = time.perf_counter()
    ggf = GammaGammaFitter(penalizer_coef=0.0)
    ggf.fit(repeat["frequency"], repeat["monetary_value"])
    gg_seconds = time.perf_counter() - gg_started

    predict_started = time.perf_counter()
    alive = bgf.conditional_probability_alive(data["frequency"], data["recency"], data["T"])
    expected = bgf.conditional_expected_number_of_purchases_up_to_time(
        52.0, data["frequency"], data["recency"], data["T"])
    clv = ggf.customer_lifetime_value(
        bgf, data["frequency"], data["recency"], data["T"], data["monetary_value"],
        time=12, discount_rate=0.01, freq="W")
    predict_seconds = time.perf_counter() - predict_started
    total = time.perf_counter() - started

    p = bgf.params_
    g = ggf.params_
    print(json.dumps({
        # lifetimes reports its likelihood on rescaled time; the benchmark evaluates both
        # parameter sets with one likelihood function instead.
        "bgnbd": {"r": p["r"], "alpha": p["alpha"], "a": p["a"], "b": p["b"]},
        "gammaGamma": {"p": g["p"], "q": g["q"], "gamma": g["v"]},
        "bgnbdFitSeconds": bgnbd_seconds,
        "gammaGammaFitSeconds": gg_seconds,
        "predictSeconds": predict_seconds,
        "totalSeconds": total,
        "meanProbabilityAlive": float(np.mean(alive)),
        "meanExpectedPurchases": float(np.mean(expected)),
        "meanCLV": float(np.nanmean(clv)),
    }))


if __name__ == "__main__":
    main(sys.argv[1])
