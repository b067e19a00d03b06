"""An independent check of GRAS with bands, a fixed cell and a macro control: the Junius &
Oosterhaven (2003) prior with row 2's total in [24, 25], column 2's in [14, 16], cell (3, 3) fixed
at 1.5 and cells (1, 1) + (2, 2) = 20, the other totals exact; GRAS's information loss
sum |a| (z ln z - z + 1), x = a z, z > 0, minimised with scipy's SLSQP. Not digicge's code.
Run with Debian's scipy: /usr/bin/python3 gras_bands_slsqp.py > gras_bands_slsqp.json
"""
import json
import sys

import numpy as np
from scipy.optimize import minimize

A = np.array([[7, 3, 5, -3], [2, 9, 8, 0], [-2, 0, 2, 0]], dtype=float)
nz = [(i, j) for i in range(3) for j in range(4) if A[i, j] != 0 and (i, j) != (2, 2)]
a = np.array([A[i, j] for i, j in nz])


def X(z):
    M = np.zeros((3, 4))
    for k, (i, j) in enumerate(nz):
        M[i, j] = a[k] * z[k]
    M[2, 2] = 1.5
    return M


def loss(z):
    return np.sum(np.abs(a) * (z * np.log(z) - z + 1))


def eq(z):
    M = X(z)
    r, c = M.sum(1), M.sum(0)
    return np.array([r[0] - 15, r[2] + 1, c[0] - 9, c[2] - 17, c[3] + 2, M[0, 0] + M[1, 1] - 20])


def ineq(z):
    M = X(z)
    r, c = M.sum(1), M.sum(0)
    return np.array([r[1] - 24, 25 - r[1], c[1] - 14, 16 - c[1]])


res = minimize(loss, np.ones(len(a)), method="SLSQP", bounds=[(1e-9, None)] * len(a),
               constraints=[{"type": "eq", "fun": eq}, {"type": "ineq", "fun": ineq}],
               options={"ftol": 1e-15, "maxiter": 1000})
M = X(res.x)
json.dump({"message": res.message, "loss": res.fun, "maxViolation": float(np.abs(eq(res.x)).max()),
           "X": M.tolist()}, sys.stdout, indent=1)
sys.stdout.write("\n")
