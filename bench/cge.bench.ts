/**
 * CGE benchmark: stdcge (Hosoe, Gasawa & Hashimoto 2010) and a family of larger models of the same
 * structure (N goods, balanced random SAM, fixed seed), each solved for tariff abolition from the
 * calibrated benchmark. Prints equations, non-zeros, Newton iterations, compile time and solve time
 * apart (compilation to kernels; symbolic analysis of the Jacobian pattern, once per closure;
 * the Newton solve of the scenario, median of repeated runs), and the same system solved by scipy.optimize.root (numpy, same calibrated data) with the
 * ratio. `npm run bench -- cge`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyShocks, prepareModel, solveBenchmark, solveModel, stdcge, type PreparedModel, type SamInput } from '../src/cge/index.js';
import { readSamCsv } from '../src/sam/index.js';
import { PEER_PYTHON, peerMissing } from './peer.js';
import { randomStdcgeSam, stdcgeParams } from './cge-family.js';

const here = import.meta.dirname;
const SIZES = (process.env.CGE_BENCH_SIZES ?? '10,50,100,200,400').split(',').map(Number);

interface Row {
  name: string;
  equations: number;
  nnz: number;
  iterations: number;
  compileMs: number;
  /** Calibration + instantiation + codegen: prepareModel as a whole. */
  prepareMs: number;
  analyseMs: number;
  solveMs: number;
  uu: number;
  peer?: { method: string; seconds: number; success: boolean; UU: number; maxResidual: number; timedOut?: boolean } | string;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeSolve(prep: PreparedModel): { ms: number; analyseMs: number; iterations: number; uu: number } {
  // the benchmark solve (0 Newton steps) builds the reduced system and analyses its pattern once
  const ta = performance.now();
  const bench = solveBenchmark(prep);
  const analyseMs = performance.now() - ta;
  const { p } = applyShocks(prep.compiled, { name: 'tariff-abolition', shocks: [{ parameter: 'taum', set: 0 }] }, prep.p0);
  const closure = prep.calibrated.closures[prep.calibrated.defaultClosure];
  const once = () => {
    const t0 = performance.now();
    const sol = solveModel(prep, closure, p, bench.x);
    return { ms: performance.now() - t0, sol };
  };
  const first = once();
  const times = [first.ms];
  let total = first.ms;
  while (total < 1500 && times.length < 200) {
    const r = once();
    times.push(r.ms);
    total += r.ms;
  }
  const uuPos = prep.compiled.vars.offset.get('UU')!;
  return { ms: median(times.slice(times.length > 2 ? 1 : 0)), analyseMs, iterations: first.sol.newton.iterations, uu: first.sol.x[uuPos] };
}

function peerData(prep: PreparedModel, n: number): string {
  const m = prep.calibrated.model;
  const params: Record<string, number[] | number> = {};
  for (const par of m.parameterList) params[par.name] = par.domain.length ? Array.from(par.values) : par.values[0];
  const levels: Record<string, number[] | number> = {};
  for (const v of m.variableList) levels[v.name] = v.domain.length ? Array.from(v.level) : v.level[0];
  const file = join(mkdtempSync(join(tmpdir(), 'digicge-cge-bench-')), `stdcge-${n}.json`);
  writeFileSync(file, JSON.stringify({ n, params, levels }));
  return file;
}

/** Seconds a scipy run may take before it is stopped (the ratio is then a lower bound). */
const PEER_TIMEOUT_S = Number(process.env.CGE_BENCH_PEER_TIMEOUT ?? 300);

function runPeer(prep: PreparedModel, n: number, unknowns: number): Row['peer'] {
  // scipy.optimize.root(method='hybr') (MINPACK) builds a dense n×n Jacobian by finite differences
  const denseGb = (unknowns * unknowns * 8 * 1.5) / 1e9;
  if (denseGb > 8) return `hybr not run: its dense Jacobian needs ${denseGb.toFixed(0)} GB for ${unknowns} unknowns`;
  const file = peerData(prep, n);
  const r = spawnSync(PEER_PYTHON, [join(here, 'cge_peer.py'), file, 'hybr'], {
    encoding: 'utf8',
    timeout: PEER_TIMEOUT_S * 1000,
    maxBuffer: 1 << 24,
  });
  if (r.error && /ETIMEDOUT/.test(String((r.error as NodeJS.ErrnoException).code ?? r.error.message))) {
    return { method: 'hybr', seconds: PEER_TIMEOUT_S, success: false, UU: NaN, maxResidual: NaN, timedOut: true };
  }
  if (r.error || r.status !== 0) return `peer failed: ${(r.error?.message ?? r.stderr).trim().split('\n').pop()}`;
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

async function main(): Promise<void> {
  // CGE_BENCH_PEER=0 skips the scipy run (digicge's own figures only, e.g. while profiling compile)
  const missing = process.env.CGE_BENCH_PEER === '0' ? 'skipped (CGE_BENCH_PEER=0)' : peerMissing(['numpy', 'scipy']);
  if (missing) process.stdout.write(`scipy peer: ${missing}\n`);
  const rows: Row[] = [];
  const cases: { name: string; n: number; sam: () => Promise<SamInput>; params: () => Record<string, unknown> }[] = [
    {
      name: 'stdcge',
      n: 2,
      sam: async () => {
        const s = await readSamCsv(join(here, '../datasets/models/stdcge/sam.csv'));
        return { accounts: s.accounts, values: s.values };
      },
      params: () => JSON.parse(readFileSync(join(here, '../datasets/models/stdcge/parameters.json'), 'utf8')),
    },
    ...SIZES.map((n) => ({ name: `N=${n}`, n, sam: async () => randomStdcgeSam(n), params: () => ({}) })),
  ];
  for (const c of cases) {
    const sam = await c.sam();
    const params = c.name === 'stdcge' ? c.params() : stdcgeParams(sam);
    const t0 = performance.now();
    const prep = prepareModel(stdcge, sam, params);
    const prepareMs = performance.now() - t0;
    const t = timeSolve(prep);
    const row: Row = {
      name: c.name,
      equations: prep.compiled.rows.length - 1,
      nnz: prep.compiled.nnz,
      iterations: t.iterations,
      compileMs: prep.compiled.compileMs,
      prepareMs,
      analyseMs: t.analyseMs,
      solveMs: t.ms,
      uu: t.uu,
    };
    if (!missing) row.peer = runPeer(prep, c.n, row.equations);
    rows.push(row);
    printRow(row);
  }
  printCompileLine(rows);
}

/**
 * The compile/solve line: at N = 200 (and 400) the time to calibrate, instantiate and generate the
 * kernels (prepareModel) against the scenario solve, and the growth of prepare time per non-zero
 * from N = 200 to N = 400 (1.0 = linear in non-zeros).
 */
function printCompileLine(rows: readonly Row[]): void {
  const at = (n: number) => rows.find((r) => r.name === `N=${n}`);
  for (const n of [200, 400]) {
    const r = at(n);
    if (!r) continue;
    process.stdout.write(
      `compile/solve N=${n}: prepare (calibrate + instantiate + codegen) ${r.prepareMs.toFixed(0)} ms, of which compile ${r.compileMs.toFixed(0)} ms; solve ${r.solveMs.toFixed(0)} ms; prepare/solve ${(r.prepareMs / r.solveMs).toFixed(2)} (target ≤ 1)\n`,
    );
  }
  const a = at(200);
  const b = at(400);
  if (a && b)
    process.stdout.write(
      `compile growth N=200→400: non-zeros ×${(b.nnz / a.nnz).toFixed(2)}, prepare ×${(b.prepareMs / a.prepareMs).toFixed(2)}: ${(b.prepareMs / b.nnz / (a.prepareMs / a.nnz)).toFixed(2)} per non-zero (1 = linear)\n`,
    );
}

let headerDone = false;
function printRow(r: Row): void {
  if (!headerDone) {
    process.stdout.write(
      `${['model', 'equations', 'non-zeros', 'Newton it.', 'compile ms', 'analyse ms', 'solve ms', 'µs/nnz', 'scipy method', 'scipy ms', 'ratio', 'same UU'].join(' | ')}\n`,
    );
    headerDone = true;
  }
  const peer = r.peer;
  const cells = [
    r.name,
    String(r.equations),
    String(r.nnz),
    String(r.iterations),
    r.compileMs.toFixed(1),
    r.analyseMs.toFixed(1),
    r.solveMs < 10 ? r.solveMs.toFixed(3) : r.solveMs.toFixed(1),
    ((1000 * r.solveMs) / r.nnz).toFixed(3),
  ];
  if (peer === undefined) cells.push('—', '—', '—', '—');
  else if (typeof peer === 'string') cells.push(peer, '—', '—', '—');
  else if (peer.timedOut) {
    cells.push(
      'hybr (stopped)',
      `> ${(1000 * peer.seconds).toFixed(0)}`,
      `> ${((1000 * peer.seconds) / r.solveMs).toFixed(0)}× faster`,
      '—',
    );
  } else {
    const same = peer.success && Math.abs(peer.UU / r.uu - 1) < 1e-6;
    cells.push(
      peer.method + (peer.success ? '' : ' (not converged)'),
      (1000 * peer.seconds).toFixed(1),
      `${((1000 * peer.seconds) / r.solveMs).toFixed(1)}× faster`,
      same ? 'yes' : `no (${peer.UU})`,
    );
  }
  process.stdout.write(`${cells.join(' | ')}\n`);
}

await main();
