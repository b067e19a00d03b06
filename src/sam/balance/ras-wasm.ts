/**
 * The RAS row pass in WebAssembly with 128-bit SIMD (two doubles per instruction), for large dense
 * matrices. The module is assembled here from its instructions (no build step, no binary file);
 * it holds one function, `pass`, doing for every row i in one row-major sweep:
 *
 * ```
 * t   = Σ_j X⁰_ij s_j                 (two SIMD accumulators)
 * gap = |r_i t − u_i|,  worst = max(worst, gap)
 * r_i = t > 0 ? u_i / t : 1
 * c_j += r_i X⁰_ij  for all j          (column sums for the next column scaling, four per step)
 * ```
 *
 * and returning `worst`. It is the same arithmetic as the JavaScript loop of `rasIterate`, with the
 * dot product summed in a different order (rounding differs in the last bits).
 * @module
 */

const I32 = 0x7f;
const F64 = 0x7c;
const V128 = 0x7b;

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (ch) => ch.charCodeAt(0))];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];

// instructions
const get = (l: number) => [0x20, l];
const set = (l: number) => [0x21, l];
const tee = (l: number) => [0x22, l];
const i32c = (v: number) => [0x41, ...sleb(v)];
const f64c = (v: number) => [0x44, ...new Uint8Array(Float64Array.of(v).buffer)];
const simd = (op: number) => [0xfd, ...uleb(op)];
const v128load = (offset = 0) => [...simd(0x00), 3, ...uleb(offset)];
const v128store = [...simd(0x0b), 3, 0];
const v128storeAt = (offset: number) => [...simd(0x0b), 3, ...uleb(offset)];
const f64load = [0x2b, 3, 0];
const f64store = [0x39, 3, 0];
const f64x2splat = simd(0x14);
const f64x2extract = (lane: number) => [...simd(0x21), lane];
const f64x2add = simd(0xf0);
const f64x2mul = simd(0xf2);
const [I32_ADD, I32_AND, I32_SHL, I32_GE_U, I32_LT_U] = [0x6a, 0x71, 0x74, 0x4f, 0x49];
const [F64_ADD, F64_SUB, F64_MUL, F64_DIV, F64_ABS, F64_MAX, F64_GT] = [0xa0, 0xa1, 0xa2, 0xa3, 0x99, 0xa5, 0x64];
const SELECT = 0x1b;
const BLOCK = [0x02, 0x40];
const LOOP = [0x03, 0x40];
const IF = [0x04, 0x40];
const END = 0x0b;
const br = (d: number) => [0x0c, d];
const brIf = (d: number) => [0x0d, d];

// params: 0 x, 1 s, 2 c, 3 r, 4 u, 5 nRows, 6 nCols (byte addresses / counts)
// locals: 7 i, 8 row, 9 j, 10 nb4, 11 nb2, 12 nb, 13 t, 14 ri, 15 worst, 16 spare, 17 acc0, 18 acc1, 19 riv
const [X, S, C, R, U, NR, NC, I, ROW, J, NB4, NB2, NB, T, RI, WORST, , ACC0, ACC1, RIV] = Array.from({ length: 20 }, (_, k) => k);
const at = (base: number, off: number) => [...get(base), ...get(off), I32_ADD];
const atI = (base: number) => [...get(base), ...get(I), ...i32c(3), I32_SHL, I32_ADD];

const body: number[] = [
  ...get(NC),
  ...i32c(3),
  I32_SHL,
  ...set(NB),
  ...get(NC),
  ...i32c(-4),
  I32_AND,
  ...i32c(3),
  I32_SHL,
  ...set(NB4),
  ...get(NC),
  ...i32c(-2),
  I32_AND,
  ...i32c(3),
  I32_SHL,
  ...set(NB2),
  ...get(X),
  ...set(ROW),
  ...BLOCK,
  ...LOOP,
  ...get(I),
  ...get(NR),
  I32_GE_U,
  ...brIf(1),
  ...f64c(0),
  ...f64x2splat,
  ...tee(ACC0),
  ...set(ACC1),
  ...i32c(0),
  ...set(J),
  // dot product, four doubles per step
  ...BLOCK,
  ...LOOP,
  ...get(J),
  ...get(NB4),
  I32_GE_U,
  ...brIf(1),
  ...get(ACC0),
  ...at(ROW, J),
  ...v128load(),
  ...at(S, J),
  ...v128load(),
  ...f64x2mul,
  ...f64x2add,
  ...set(ACC0),
  ...get(ACC1),
  ...at(ROW, J),
  ...v128load(16),
  ...at(S, J),
  ...v128load(16),
  ...f64x2mul,
  ...f64x2add,
  ...set(ACC1),
  ...get(J),
  ...i32c(32),
  I32_ADD,
  ...set(J),
  ...br(0),
  END,
  END,
  // a remaining pair
  ...get(J),
  ...get(NB2),
  I32_LT_U,
  ...IF,
  ...get(ACC0),
  ...at(ROW, J),
  ...v128load(),
  ...at(S, J),
  ...v128load(),
  ...f64x2mul,
  ...f64x2add,
  ...set(ACC0),
  ...get(J),
  ...i32c(16),
  I32_ADD,
  ...set(J),
  END,
  ...get(ACC0),
  ...get(ACC1),
  ...f64x2add,
  ...tee(ACC0),
  ...f64x2extract(0),
  ...get(ACC0),
  ...f64x2extract(1),
  F64_ADD,
  ...set(T),
  // a remaining single
  ...get(J),
  ...get(NB),
  I32_LT_U,
  ...IF,
  ...get(T),
  ...at(ROW, J),
  ...f64load,
  ...at(S, J),
  ...f64load,
  F64_MUL,
  F64_ADD,
  ...set(T),
  END,
  // worst = max(worst, |r_i t − u_i|)
  ...get(WORST),
  ...atI(R),
  ...f64load,
  ...get(T),
  F64_MUL,
  ...atI(U),
  ...f64load,
  F64_SUB,
  F64_ABS,
  F64_MAX,
  ...set(WORST),
  // r_i = t > 0 ? u_i / t : 1
  ...atI(U),
  ...f64load,
  ...get(T),
  F64_DIV,
  ...f64c(1),
  ...get(T),
  ...f64c(0),
  F64_GT,
  SELECT,
  ...set(RI),
  ...atI(R),
  ...get(RI),
  ...f64store,
  // c += r_i · row
  ...get(RI),
  ...f64x2splat,
  ...set(RIV),
  ...i32c(0),
  ...set(J),
  ...BLOCK,
  ...LOOP,
  ...get(J),
  ...get(NB4),
  I32_GE_U,
  ...brIf(1),
  ...at(C, J),
  ...at(C, J),
  ...v128load(),
  ...get(RIV),
  ...at(ROW, J),
  ...v128load(),
  ...f64x2mul,
  ...f64x2add,
  ...v128store,
  ...at(C, J),
  ...at(C, J),
  ...v128load(16),
  ...get(RIV),
  ...at(ROW, J),
  ...v128load(16),
  ...f64x2mul,
  ...f64x2add,
  ...v128storeAt(16),
  ...get(J),
  ...i32c(32),
  I32_ADD,
  ...set(J),
  ...br(0),
  END,
  END,
  ...get(J),
  ...get(NB2),
  I32_LT_U,
  ...IF,
  ...at(C, J),
  ...at(C, J),
  ...v128load(),
  ...get(RIV),
  ...at(ROW, J),
  ...v128load(),
  ...f64x2mul,
  ...f64x2add,
  ...v128store,
  ...get(J),
  ...i32c(16),
  I32_ADD,
  ...set(J),
  END,
  ...get(J),
  ...get(NB),
  I32_LT_U,
  ...IF,
  ...at(C, J),
  ...at(C, J),
  ...f64load,
  ...get(RI),
  ...at(ROW, J),
  ...f64load,
  F64_MUL,
  F64_ADD,
  ...f64store,
  END,
  ...get(ROW),
  ...get(NB),
  I32_ADD,
  ...set(ROW),
  ...get(I),
  ...i32c(1),
  I32_ADD,
  ...set(I),
  ...br(0),
  END,
  END,
  ...get(WORST),
  END,
];

const locals = vec([
  [...uleb(6), I32],
  [...uleb(4), F64],
  [...uleb(3), V128],
]);
const fn = [...locals, ...body];

const moduleBytes = new Uint8Array([
  0x00,
  0x61,
  0x73,
  0x6d,
  0x01,
  0x00,
  0x00,
  0x00,
  ...section(1, vec([[0x60, ...vec([[I32], [I32], [I32], [I32], [I32], [I32], [I32]]), ...vec([[F64]])]])),
  ...section(2, vec([[...name('m'), ...name('mem'), 0x02, 0x00, 0x01]])),
  ...section(3, vec([[0]])),
  ...section(7, vec([[...name('pass'), 0x00, 0]])),
  ...section(10, vec([[...uleb(fn.length), ...fn]])),
]);

/** The part of the WebAssembly JS API used here (the project's TypeScript lib has no DOM types). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Memory: new (descriptor: { initial: number }) => { readonly buffer: ArrayBuffer };
  Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => { readonly exports: Record<string, unknown> };
}

const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
let compiled: object | null | undefined;

/** The compiled module, or null when this runtime has no WebAssembly SIMD. */
function wasmModule(): object | null {
  if (compiled === undefined) {
    try {
      compiled = wasm ? new wasm.Module(moduleBytes) : null;
    } catch {
      // no SIMD here: the JavaScript loop is used instead
      compiled = null;
    }
  }
  return compiled;
}

/** Largest wasm32 memory used here (2 GiB), in bytes. */
const MAX_BYTES = 2 ** 31;

/**
 * A RAS workspace in WebAssembly memory: the prior, s, c, r and u as `Float64Array` views, and the
 * row pass. Returns null when WebAssembly SIMD is unavailable or the matrix does not fit.
 */
export function wasmRasWorkspace(
  nRows: number,
  nCols: number,
): { x0: Float64Array; s: Float64Array; c: Float64Array; r: Float64Array; u: Float64Array; pass: () => number } | null {
  const mod = wasmModule();
  const cells = nRows * nCols + 2 * nCols + 2 * nRows;
  const bytes = cells * 8;
  if (!wasm || !mod || bytes > MAX_BYTES) return null;
  const memory = new wasm.Memory({ initial: Math.ceil(bytes / 65536) || 1 });
  const instance = new wasm.Instance(mod, { m: { mem: memory } });
  const passFn = instance.exports.pass as (x: number, s: number, c: number, r: number, u: number, nr: number, nc: number) => number;
  const buf = memory.buffer;
  let off = 0;
  const view = (n: number) => {
    const v = new Float64Array(buf, off, n);
    off += n * 8;
    return v;
  };
  const x0 = view(nRows * nCols);
  const s = view(nCols);
  const c = view(nCols);
  const r = view(nRows);
  const u = view(nRows);
  const args = [x0.byteOffset, s.byteOffset, c.byteOffset, r.byteOffset, u.byteOffset, nRows, nCols] as const;
  return { x0, s, c, r, u, pass: () => passFn(...args) };
}
