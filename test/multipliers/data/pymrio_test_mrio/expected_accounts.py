"""Reference accounts of pymrio's test MRIO, computed with numpy from pymrio's formulas.

An independent second implementation for digicge's footprint tests (not pymrio's code, which is
not installable here): the formulas are those of pymrio's `tools/iomath.py` (calc_x, calc_A,
calc_L with numpy.linalg.inv, calc_S, calc_M, calc_accounts) and of
`core/mriosystem.py::Extension.calc_system` (the regional aggregation, F_Y added to D_cba_reg and
D_pba_reg), as read at IndEcol/pymrio @ 89c9b97f.

    x      = Z 1 + Y 1
    A      = Z diag(x)^-1,  L = inv(I - A)
    S      = F diag(x)^-1,  M = S L
    Y_agg  = Y summed over the final-demand categories of each region   (n x R)
    Y_diag = for each consuming region r and product s, the column of Y_agg[:, r] restricted to
             the rows of product s                                        (n x R*S)
    x_diag = L Y_diag
    D_cba  = S x_diag                          (k x R*S: consuming region x product)
    D_pba  = S diag(x_diag 1)                  (k x n:   producing region x sector)
    x_trade= x_diag with the domestic blocks (rows of region r, columns of region r) set to 0
    D_imp  = S x_trade                         (k x R*S)
    D_exp  = S diag(x_trade 1)                 (k x n)
    D_cba_reg = D_cba summed by region + F_Y summed by region;  D_pba_reg likewise;
    D_imp_reg, D_exp_reg = summed by region.

Run with Debian's numpy: /usr/bin/python3 expected_accounts.py > expected_accounts.json
"""

import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def read(name, index_cols, header_rows=2):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        lines = [line.rstrip("\n").split("\t") for line in f if line.strip() != ""]
    head = [row[index_cols:] for row in lines[:header_rows]]
    body = lines[header_rows:]
    labels = [tuple(row[:index_cols]) for row in body]
    values = np.array([[float(v) for v in row[index_cols:]] for row in body])
    return head, labels, values


def main():
    zhead, zrows, Z = read("trade_flows_Z.txt", 3)
    yhead, _, Y = read("finald_demand_Y.txt", 3)
    regions = list(dict.fromkeys(zhead[0]))
    sectors = list(dict.fromkeys(zhead[1]))
    R, S_ = len(regions), len(sectors)
    n = R * S_
    assert Z.shape == (n, n)
    ncat = Y.shape[1] // R

    x = Z.sum(1) + Y.sum(1)
    A = Z / x.reshape((1, -1))
    L = np.linalg.inv(np.eye(n) - A)
    Y_agg = Y.reshape((n, R, ncat)).sum(2)

    def accounts(F, F_Y):
        Sx = F / x.reshape((1, -1))
        M = Sx @ L
        Y_diag = np.zeros((n, R * S_))
        for r in range(R):
            for p in range(R):
                for s in range(S_):
                    Y_diag[p * S_ + s, r * S_ + s] = Y_agg[p * S_ + s, r]
        x_diag = L @ Y_diag
        D_cba = Sx @ x_diag
        D_pba = Sx * x_diag.sum(1).reshape((1, -1))
        x_trade = x_diag.copy()
        for r in range(R):
            x_trade[r * S_:(r + 1) * S_, r * S_:(r + 1) * S_] = 0
        D_imp = Sx @ x_trade
        D_exp = Sx * x_trade.sum(1).reshape((1, -1))

        def by_region(D):
            return D.reshape((D.shape[0], R, -1)).sum(2)

        F_Y_agg = 0 if F_Y is None else F_Y.reshape((F_Y.shape[0], R, -1)).sum(2)
        out = {
            "S": Sx, "M": M, "D_cba": D_cba, "D_pba": D_pba, "D_imp": D_imp, "D_exp": D_exp,
            "D_cba_reg": by_region(D_cba) + F_Y_agg, "D_pba_reg": by_region(D_pba) + F_Y_agg,
            "D_imp_reg": by_region(D_imp), "D_exp_reg": by_region(D_exp),
        }
        return {k: v.tolist() for k, v in out.items()}

    _, erows, F_em = read("emissions.txt", 3)
    _, _, F_Y_em = read("FDemissions.txt", 3)
    _, frows, F_fac = read("factor_input.txt", 2)
    result = {
        "about": "pymrio's test MRIO accounts computed by expected_accounts.py (numpy "
        + np.__version__ + ", float64) from pymrio's iomath formulas; see that file",
        "regions": regions,
        "sectors": sectors,
        "x": x.tolist(),
        "emissions": {"stressors": [r[0] for r in erows], **accounts(F_em, F_Y_em)},
        "factor_inputs": {"stressors": [r[0] for r in frows], **accounts(F_fac, None)},
    }
    json.dump(result, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
