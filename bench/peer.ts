/**
 * Running a Python peer (numpy, scipy, pandas from Debian's packages) for a benchmark ratio.
 * Debian's packages are seen only by `/usr/bin/python3`; when the peer is absent, the benchmark
 * says so and still prints digicge's own figures.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Path of the Python interpreter that sees Debian's numpy/scipy/pandas. */
export const PEER_PYTHON = '/usr/bin/python3';

/** Returns null when every module imports, else a sentence naming what is missing. */
export function peerMissing(modules: readonly string[]): string | null {
  if (!existsSync(PEER_PYTHON)) return `${PEER_PYTHON} not found`;
  const r = spawnSync(PEER_PYTHON, ['-c', modules.map((m) => `import ${m}`).join('; ')], { encoding: 'utf8' });
  if (r.status === 0) return null;
  return `peer not installed (${modules.join(', ')} for ${PEER_PYTHON}; apt-get install ${modules.map((m) => `python3-${m}`).join(' ')})`;
}

/** Runs a Python script (text) with arguments and returns its stdout; throws with stderr on failure. */
export function runPeer(script: string, args: readonly string[] = []): string {
  const r = spawnSync(PEER_PYTHON, ['-c', script, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`python peer failed: ${r.stderr}`);
  return r.stdout;
}

/** Formats a ratio digicge/peer of times (lower is better for digicge), e.g. `0.42×`. */
export function ratio(ours: number, peer: number): string {
  return `${(ours / peer).toFixed(2)}×`;
}
