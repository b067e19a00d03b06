import { NumericError } from '../../errors.js';
import { balanceRas } from '../balance/index.js';
import { Sam, type SamProvenanceEntry } from '../sam.js';
import type { SectorControls } from './adb-mrio.js';
import type { PriorStructure } from './thai-prior.js';

/** Options of {@link buildSamFromControlTotals}. */
export interface ControlTotalsBuildOptions {
  /** Unit of the control totals, e.g. `US$ million`. */
  unit?: string;
  /** Share of labour paid to digitally skilled labour, by sector code (default 0). */
  digitalLabourShare?: Readonly<Record<string, number>>;
  /** Provenance entries to put before the build entry (e.g. the digital shares applied). */
  provenance?: readonly SamProvenanceEntry[];
  /** Where the control totals come from, for the provenance log. */
  source?: string;
}

/** Result of {@link buildSamFromControlTotals}: the SAM and what was assumed, for a person. */
export interface ControlTotalsBuild {
  sam: Sam;
  /** How each block was obtained and which totals are held exactly. */
  notes: string[];
  /** Iterations and largest imbalance of the RAS step on the intermediate block. */
  ras: { iterations: number; maxImbalance: number; converged: boolean };
}

/**
 * Builds a balanced SAM (rows receive, columns pay) from sector control totals and a prior
 * structure. Accounts: `A-<sector>`, `C-<sector>` for each sector, `LAB-DIG`, `LAB-OTH`, `CAP`,
 * `HH`, `ENT`, `GOV`, `Itax`, `Ttax`, `Dtax`, `S-I`, `ROW`.
 *
 * Held exactly: gross output x (activity totals, `A-i ← C-i`), intermediate inputs zuse (column sums
 * of the intermediate block) and value added va (factor and production-tax cells of each activity),
 * exports x − e (`C-i ← ROW`) and domestic sales of domestic output ez + ey. The intermediate block
 * (domestic + imported) is the prior pattern balanced by RAS ({@link balanceRas}) to rows
 * ez + imported intermediates and columns zuse; imported intermediates total Σzuse − Σez (spread by
 * the prior's import pattern); imported final goods are the prior's share of domestic final demand;
 * taxes on imports (`Ttax`) the prior's rates. Institutions follow the prior's ratios, and savings
 * of households, enterprises, government and the rest of the world are the residuals that close
 * their accounts (they may be negative: a deficit).
 */
export function buildSamFromControlTotals(
  controls: readonly SectorControls[],
  prior: PriorStructure,
  options: ControlTotalsBuildOptions = {},
): ControlTotalsBuild {
  const m = controls.length;
  if (prior.valueAdded.length !== m) {
    throw new NumericError('BUILD_SHAPE', `the prior has ${prior.valueAdded.length} sectors but the controls ${m}`);
  }
  const codes = controls.map((c) => c.sector);
  const labels = [
    ...codes.map((c) => `A-${c}`),
    ...codes.map((c) => `C-${c}`),
    'LAB-DIG',
    'LAB-OTH',
    'CAP',
    'HH',
    'ENT',
    'GOV',
    'Itax',
    'Ttax',
    'Dtax',
    'S-I',
    'ROW',
  ];
  const n = labels.length;
  const at = new Map(labels.map((l, i) => [l, i]));
  const v = new Float64Array(n * n);
  const set = (r: string, c: string, x: number) => {
    v[at.get(r)! * n + at.get(c)!] += x;
  };
  const notes: string[] = [];
  const sumOf = (f: keyof Omit<SectorControls, 'sector'>) => controls.reduce((a, c) => a + c[f], 0);
  // imports
  const Mz = sumOf('zuse') - sumOf('ez');
  const eyTotal = sumOf('ey');
  const My = (prior.finalImportRatio / (1 - prior.finalImportRatio)) * eyTotal;
  const norm = (p: Float64Array) => {
    const s = p.reduce((a, b) => a + b, 0);
    return Float64Array.from(p, (x) => (s > 0 ? x / s : 1 / p.length));
  };
  const mzI = norm(prior.importsIntermediate).map((s) => s * Mz);
  const myI = norm(prior.importsFinal).map((s) => s * My);
  // intermediate block by RAS
  const rowTargets = controls.map((c, i) => c.ez + mzI[i]);
  const colTargets = controls.map((c) => c.zuse);
  const ras = balanceRas(prior.intermediate, m, m, rowTargets, colTargets, {
    rowLabels: codes.map((c) => `C-${c}`),
    colLabels: codes.map((c) => `A-${c}`),
  });
  if (!ras.converged) {
    throw new NumericError(
      'BUILD_RAS_NOT_CONVERGED',
      `RAS on the intermediate block did not converge (largest imbalance ${ras.maxImbalance})`,
    );
  }
  let labour = 0;
  let capital = 0;
  let itax = 0;
  let ttax = 0;
  let cons = 0;
  let gov = 0;
  let exports = 0;
  let imports = 0;
  controls.forEach((c, i) => {
    const A = `A-${c.sector}`;
    const C = `C-${c.sector}`;
    set(A, C, c.x);
    for (let j = 0; j < m; j++) set(`C-${codes[j]}`, A, ras.matrix[j * m + i]);
    const va = prior.valueAdded[i];
    const d = options.digitalLabourShare?.[c.sector] ?? 0;
    set('LAB-DIG', A, c.va * va.labour * d);
    set('LAB-OTH', A, c.va * va.labour * (1 - d));
    set('CAP', A, c.va * va.capital);
    set('Itax', A, c.va * va.productionTax);
    labour += c.va * va.labour;
    capital += c.va * va.capital;
    itax += c.va * va.productionTax;
    if (c.va < 0) notes.push(`${A}: negative value added ${c.va} in the control totals, kept (negative factor cells)`);
    const M = mzI[i] + myI[i];
    const T = prior.tariffRate[i] * M;
    set('ROW', C, M);
    set('Ttax', C, T);
    const E = c.x - c.e;
    set(C, 'ROW', E);
    const fd = c.ey + myI[i] + T;
    const s = prior.finalDemand[i];
    set(C, 'HH', fd * s.household);
    set(C, 'GOV', fd * s.government);
    set(C, 'S-I', fd * s.investment);
    ttax += T;
    cons += fd * s.household;
    gov += fd * s.government;
    exports += E;
    imports += M;
  });
  const gdp = labour + capital + itax + ttax;
  // institutions
  const k = prior.capital;
  const GH = prior.perGdp.govToHousehold * gdp;
  const GE = prior.perGdp.govToEnterprise * gdp;
  const RH = prior.perGdp.rowToHousehold * gdp;
  const h = prior.household;
  const e = prior.enterprise;
  const a = labour + k.household * capital + GH + RH;
  const b = k.enterprise * capital + GE;
  const YH = (a + e.household * b) / (1 - e.household * h.enterprise);
  const YE = b + h.enterprise * YH;
  set('HH', 'LAB-DIG', rowSum('LAB-DIG'));
  set('HH', 'LAB-OTH', rowSum('LAB-OTH'));
  set('HH', 'CAP', k.household * capital);
  set('ENT', 'CAP', k.enterprise * capital);
  set('GOV', 'CAP', k.government * capital);
  set('S-I', 'CAP', k.savings * capital);
  set('ROW', 'CAP', k.restOfWorld * capital);
  set('GOV', 'Itax', itax);
  set('GOV', 'Ttax', ttax);
  set('HH', 'GOV', GH);
  set('ENT', 'GOV', GE);
  set('HH', 'ROW', RH);
  set('HH', 'ENT', e.household * YE);
  set('Dtax', 'ENT', e.directTax * YE);
  set('GOV', 'ENT', e.government * YE);
  set('S-I', 'ENT', YE * (1 - e.household - e.directTax - e.government));
  set('Dtax', 'HH', h.directTax * YH);
  set('ENT', 'HH', h.enterprise * YH);
  set('GOV', 'HH', h.government * YH);
  set('ROW', 'HH', h.restOfWorld * YH);
  const SH = YH - cons - YH * (h.directTax + h.enterprise + h.government + h.restOfWorld);
  set('S-I', 'HH', SH);
  const dtax = h.directTax * YH + e.directTax * YE;
  set('GOV', 'Dtax', dtax);
  const YG = itax + ttax + dtax + k.government * capital + h.government * YH + e.government * YE;
  const SG = YG - gov - GH - GE;
  set('S-I', 'GOV', SG);
  const rowReceipts = imports + k.restOfWorld * capital + h.restOfWorld * YH;
  const SR = rowReceipts - exports - RH;
  set('S-I', 'ROW', SR);
  function rowSum(r: string): number {
    let s = 0;
    for (let j = 0; j < n; j++) s += v[at.get(r)! * n + j];
    return s;
  }
  for (let i = 0; i < v.length; i++) {
    if (!Number.isFinite(v[i])) {
      throw new NumericError('BUILD_NOT_FINITE', `cell ${labels[Math.floor(i / n)]} ← ${labels[i % n]} is ${v[i]}`, {
        account: labels[Math.floor(i / n)],
      });
    }
  }
  notes.push(
    'held exactly: gross output, intermediate inputs and value added by activity; exports and domestic sales by commodity',
    `imported intermediates ${Mz.toFixed(1)} = Σzuse − Σez, spread by the prior's import pattern`,
    `imported final goods ${My.toFixed(1)}: the prior's share ${prior.finalImportRatio.toFixed(4)} of domestic final demand`,
    `savings (residuals): households ${SH.toFixed(1)}, enterprises ${(YE * (1 - e.household - e.directTax - e.government)).toFixed(1)}, government ${SG.toFixed(1)}, rest of world ${SR.toFixed(1)}`,
  );
  const entry: SamProvenanceEntry = {
    operation: 'build',
    description:
      'built from sector control totals and a prior structure; intermediate block balanced by RAS, institutions closed by residual savings',
    ...(options.source !== undefined ? { source: options.source } : {}),
    details: {
      controls: controls.map((c) => ({ ...c })),
      importsIntermediate: Mz,
      importsFinal: My,
      ras: { iterations: ras.iterations, maxImbalance: ras.maxImbalance },
      digitalLabourShare: options.digitalLabourShare ?? {},
      priorSplitShares: prior.splitShares,
    },
  };
  const sam = new Sam(labels, v, {
    ...(options.unit !== undefined ? { unit: options.unit } : {}),
    provenance: [...(options.provenance ?? []), entry],
  });
  return { sam, notes, ras: { iterations: ras.iterations, maxImbalance: ras.maxImbalance, converged: ras.converged } };
}
