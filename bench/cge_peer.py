"""scipy peer of bench/cge.bench.ts: the stdcge equations (Hosoe, Gasawa & Hashimoto 2010, ch. 6)
written vectorised in numpy, solved with scipy.optimize.root from the benchmark after setting every
import tariff rate to 0. Calibrated parameters and benchmark levels come from digicge through a JSON
file, so both solve the same system. Prints one JSON line: method, seconds (root() only), success,
function evaluations, utility UU."""
import json
import sys
import time

import numpy as np
from scipy.optimize import root

d = json.load(open(sys.argv[1]))
method = sys.argv[2] if len(sys.argv) > 2 else "hybr"
N = d["n"]
P = {k: np.array(v, dtype=float) for k, v in d["params"].items()}
L = {k: np.array(v, dtype=float) for k, v in d["levels"].items()}
P["taum"] = np.zeros(N)  # the shock: tariff abolition
Sf = float(L["Sf"])
FF, pWe, pWm = P["FF"], P["pWe"], P["pWm"]
tauz, taum, eta, phi = P["tauz"], P["taum"], P["eta"], P["phi"]
alpha, beta, b, ax, ay = P["alpha"], P["beta"].reshape(2, N), P["b"], P["ax"].reshape(N, N), P["ay"]
mu, lam, deltam, deltad, gamma = P["mu"], P["lambda"], P["deltam"], P["deltad"], P["gamma"]
xie, xid, theta = P["xie"], P["xid"], P["theta"]
ssp, ssg, taud = float(P["ssp"]), float(P["ssg"]), float(P["taud"])

blocks = [("Y", N), ("F", 2 * N), ("X", N * N), ("Z", N), ("Xp", N), ("Xg", N), ("Xv", N), ("E", N),
          ("M", N), ("Q", N), ("D", N), ("pfCAP", 1), ("py", N), ("pz", N), ("pq", N), ("pe", N),
          ("pm", N), ("pd", N), ("epsilon", 1), ("Sp", 1), ("Sg", 1), ("Td", 1), ("Tz", N), ("Tm", N), ("UU", 1)]
offs = {}
o = 0
for name, size in blocks:
    offs[name] = (o, o + size)
    o += size
n = o


def start():
    z = np.empty(n)
    for name, _ in blocks:
        a, e = offs[name]
        z[a:e] = np.ravel(L["pf"][0] if name == "pfCAP" else L[name])
    return z


def F(z):
    g = lambda name: z[offs[name][0]:offs[name][1]]
    Y, Fh, X = g("Y"), g("F").reshape(2, N), g("X").reshape(N, N)
    Z, Xp, Xg, Xv, E, M, Q, D = g("Z"), g("Xp"), g("Xg"), g("Xv"), g("E"), g("M"), g("Q"), g("D")
    pf = np.array([g("pfCAP")[0], 1.0])
    py, pz, pq, pe, pm, pd = g("py"), g("pz"), g("pq"), g("pe"), g("pm"), g("pd")
    eps, Sp, Sg, Td, UU = g("epsilon")[0], g("Sp")[0], g("Sg")[0], g("Td")[0], g("UU")[0]
    Tz, Tm = g("Tz"), g("Tm")
    inc = pf @ FF
    tax = Td + Tz.sum() + Tm.sum()
    r = [
        Y - b * np.prod(Fh ** beta, axis=0),
        (Fh - beta * py * Y / pf[:, None]).ravel(),
        (X - ax * Z[None, :]).ravel(),
        Y - ay * Z,
        pz - (ay * py + (ax * pq[:, None]).sum(axis=0)),
        [Td - taud * inc],
        Tz - tauz * pz * Z,
        Tm - taum * pm * M,
        Xg - mu * (tax - Sg) / pq,
        Xv - lam * (Sp + Sg + eps * Sf) / pq,
        [Sp - ssp * inc],
        [Sg - ssg * tax],
        Xp - alpha * (inc - Sp - Td) / pq,
        pe - eps * pWe,
        pm - eps * pWm,
        [pWe @ E + Sf - pWm @ M],
        Q - gamma * (deltam * M ** eta + deltad * D ** eta) ** (1 / eta),
        M - (gamma ** eta * deltam * pq / ((1 + taum) * pm)) ** (1 / (1 - eta)) * Q,
        D - (gamma ** eta * deltad * pq / pd) ** (1 / (1 - eta)) * Q,
        Z - theta * (xie * E ** phi + xid * D ** phi) ** (1 / phi),
        E - (theta ** phi * xie * (1 + tauz) * pz / pe) ** (1 / (1 - phi)) * Z,
        D - (theta ** phi * xid * (1 + tauz) * pz / pd) ** (1 / (1 - phi)) * Z,
        Q - (Xp + Xg + Xv + X.sum(axis=1)),
        [Fh[0].sum() - FF[0]],
        [UU - np.prod(Xp ** alpha)],
    ]
    return np.concatenate([np.ravel(np.asarray(x, dtype=float)) for x in r])


z0 = start()
assert F(z0).shape == (n,)
t0 = time.perf_counter()
opts = {"xtol": 1e-12} if method == "hybr" else {"fatol": 1e-9, "maxiter": 200}
sol = root(F, z0, method=method, options=opts)
secs = time.perf_counter() - t0
print(json.dumps({"method": method, "n": n, "seconds": secs, "success": bool(sol.success),
                  "nfev": int(getattr(sol, "nfev", -1) or -1), "UU": float(sol.x[offs["UU"][0]]),
                  "maxResidual": float(np.max(np.abs(F(sol.x))))}))
