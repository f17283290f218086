/**
 * The WebAssembly kernel of the robustness sampling (sampler.ts), written out: an assembler
 * for the few instructions it needs, and the kernel, step for step the loop of keptInJs. Not
 * loaded at run time: `npx tsx scripts/sampler-kernel.ts` writes its bytes to sampler-wasm.ts,
 * and test/scoring/sampler.test.ts checks that they are up to date and count as keptInJs does.
 */

/** Unsigned and signed LEB128, and a double's eight bytes, as the binary format writes them. */
const u32 = (n: number): number[] => {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
};
const s32 = (n: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) return [...out, byte];
    out.push(byte | 0x80);
  }
};
const f64 = (x: number): number[] => [...new Uint8Array(new Float64Array([x]).buffer)];
const section = (id: number, bytes: number[]): number[] => [id, ...u32(bytes.length), ...bytes];
const vector = (items: number[][]): number[] => [...u32(items.length), ...items.flat()];
const name = (text: string): number[] => [...u32(text.length), ...[...text].map((c) => c.charCodeAt(0))];

// Opcodes used below.
const I32 = 0x7f;
const F64 = 0x7c;
const VOID = 0x40;
const op = {
  block: 0x02, loop: 0x03, if: 0x04, else: 0x05, end: 0x0b, br: 0x0c, brIf: 0x0d, call: 0x10,
  get: 0x20, set: 0x21, tee: 0x22, load: 0x2b, store: 0x39, i32: 0x41, f64: 0x44,
  i32eqz: 0x45, i32geU: 0x4f, f64eq: 0x61, f64ne: 0x62, f64lt: 0x63, f64gt: 0x64, f64le: 0x65,
  i32add: 0x6a, i32mul: 0x6c, i32or: 0x72, i32xor: 0x73, i32shl: 0x74, i32shrU: 0x76,
  f64sqrt: 0x9f, f64add: 0xa0, f64sub: 0xa1, f64mul: 0xa2, f64div: 0xa3, f64max: 0xa5, f64fromU32: 0xb8,
} as const;

// Imported functions, then the kernel: kept(n, families, samples, seed) -> count.
const LOG = 0;
const COS = 1;
const POW = 2;
// Locals: the four parameters, then i32 and f64 scratch.
const [N, FAMILIES, SAMPLES, A] = [0, 1, 2, 3];
const [I, J, K, T, KEPT, STAYS, AT] = [4, 5, 6, 7, 8, 9, 10];
const [TOTAL, G, X, V, U, D, C, B, WINNER, SCORE] = [11, 12, 13, 14, 15, 16, 17, 18, 19, 20];

/**
 * Memory, in doubles: per criterion j at 4j: d, c, boost (0: none) and drawn (1/0); then the
 * rows (family k, criterion j at 4n + kn + j); then the sample (at 4n + families·n + j).
 */
export function kernel(): number[] {
  const get = (l: number) => [op.get, l];
  const set = (l: number) => [op.set, l];
  const i32 = (n: number) => [op.i32, ...s32(n)];
  const num = (x: number) => [op.f64, ...f64(x)];
  const load = (offset = 0) => [op.load, 3, ...u32(offset)];
  const store = (offset = 0) => [op.store, 3, ...u32(offset)];
  /** Byte address of double number `index` (an i32 expression). */
  const address = (index: number[]) => [...index, ...i32(3), op.i32shl];
  /** A `for (l = from; l < to; l++) body` loop over i32 locals. */
  const each = (l: number, from: number[], to: number[], body: number[]) => [
    ...from, ...set(l),
    op.block, VOID, op.loop, VOID,
    ...get(l), ...to, op.i32geU, op.brIf, 1,
    ...body,
    ...get(l), ...i32(1), op.i32add, ...set(l),
    op.br, 0, op.end, op.end,
  ];
  /** One mulberry32 number, left on the stack as a double in [0, 1). */
  const random = [
    ...get(A), ...i32(0x6d2b79f5), op.i32add, op.tee, A, ...set(T),
    ...get(T), ...get(T), ...i32(15), op.i32shrU, op.i32xor, ...get(T), ...i32(1), op.i32or, op.i32mul, ...set(T),
    ...get(T), ...get(T), ...get(T), ...get(T), ...i32(7), op.i32shrU, op.i32xor, ...get(T), ...i32(61), op.i32or, op.i32mul, op.i32add, op.i32xor, ...set(T),
    ...get(T), ...get(T), ...i32(14), op.i32shrU, op.i32xor, op.f64fromU32, ...num(4294967296), op.f64div,
  ];
  const sampleAt = (j: number[]) => address([...get(N), ...i32(4), op.i32mul, ...get(N), ...get(FAMILIES), op.i32mul, op.i32add, ...j, op.i32add]);
  const rowAt = (k: number[], j: number[]) => address([...get(N), ...i32(4), op.i32mul, ...k, ...get(N), op.i32mul, op.i32add, ...j, op.i32add]);
  /** score = Σ_j (sample[j] · row_k[j] · 100) / 4, in criterion order. */
  const scoreOf = (k: number[], into: number) => [
    ...num(0), ...set(into),
    ...each(J, i32(0), get(N), [
      ...get(into),
      ...sampleAt(get(J)), ...load(), ...rowAt(k, get(J)), ...load(), op.f64mul, ...num(100), op.f64mul, ...num(4), op.f64div,
      op.f64add, ...set(into),
    ]),
  ];
  // Marsaglia–Tsang, as gamma() above: x from Box–Muller, then the squeeze and the full test.
  const gammaDraw = [
    op.block, VOID, op.loop, VOID,
    op.loop, VOID,
    ...num(-2), ...random, ...num(Number.MIN_VALUE), op.f64max, op.call, LOG, op.f64mul, op.f64sqrt,
    ...num(2 * Math.PI), ...random, op.f64mul, op.call, COS,
    op.f64mul, op.tee, X,
    ...get(C), op.f64mul, ...num(1), op.f64add, op.tee, V,
    ...num(0), op.f64le, op.brIf, 0,
    op.end,
    ...get(V), ...get(V), op.f64mul, ...get(V), op.f64mul, ...set(V),
    // The squeeze, u < 1 − 0.0331·x⁴, with x⁴ as pow gives it. x·x·x·x is within 1e-9 of the
    // threshold's exact value for any x a draw can give (|x| < 39), so when u is more than 1e-6
    // away from it the verdict is the same, and pow (a call out to JavaScript) is not needed.
    ...random, ...set(U),
    ...get(U), ...num(1), ...num(0.0331), ...get(X), ...get(X), op.f64mul, ...get(X), op.f64mul, ...get(X), op.f64mul, op.f64mul, op.f64sub, op.f64sub, ...set(SCORE),
    ...get(SCORE), ...num(-1e-6), op.f64lt, op.if, VOID, ...get(D), ...get(V), op.f64mul, ...set(G), op.br, 2, op.end,
    ...get(SCORE), ...num(1e-6), op.f64le,
    op.if, VOID,
    ...get(U), ...num(1), ...num(0.0331), ...get(X), ...num(4), op.call, POW, op.f64mul, op.f64sub,
    op.f64lt, op.if, VOID, ...get(D), ...get(V), op.f64mul, ...set(G), op.br, 3, op.end,
    op.end,
    ...get(U), op.call, LOG,
    ...num(0.5), ...get(X), op.f64mul, ...get(X), op.f64mul,
    ...get(D), ...num(1), ...get(V), op.f64sub, ...get(V), op.call, LOG, op.f64add, op.f64mul,
    op.f64add,
    op.f64lt, op.if, VOID, ...get(D), ...get(V), op.f64mul, ...set(G), op.br, 2, op.end,
    op.br, 0,
    op.end, op.end,
  ];
  const body = [
    ...i32(0), ...set(KEPT),
    ...each(I, i32(0), get(SAMPLES), [
      ...num(0), ...set(TOTAL),
      ...each(J, i32(0), get(N), [
        ...get(J), ...i32(5), op.i32shl, ...set(AT),
        ...get(AT), ...load(24), ...num(0), op.f64ne,
        op.if, VOID,
        ...get(AT), ...load(0), ...set(D),
        ...get(AT), ...load(8), ...set(C),
        ...get(AT), ...load(16), ...set(B),
        ...gammaDraw,
        ...get(B), ...num(0), op.f64ne,
        op.if, VOID, ...get(G), ...random, ...get(B), op.call, POW, op.f64mul, ...set(G), op.end,
        op.else, ...num(0), ...set(G), op.end,
        ...sampleAt(get(J)), ...get(G), ...store(),
        ...get(TOTAL), ...get(G), op.f64add, ...set(TOTAL),
      ]),
      ...each(J, i32(0), get(N), [...sampleAt(get(J)), ...sampleAt(get(J)), ...load(), ...get(TOTAL), op.f64div, ...store()]),
      ...scoreOf(i32(0), WINNER),
      ...i32(1), ...set(STAYS),
      ...i32(1), ...set(K),
      op.block, VOID, op.loop, VOID,
      ...get(K), ...get(FAMILIES), op.i32geU, op.brIf, 1,
      ...scoreOf(get(K), SCORE),
      ...get(SCORE), ...get(WINNER), ...num(1e-9), op.f64add, op.f64gt, op.brIf, 1,
      ...get(K), ...i32(1), op.i32add, ...set(K),
      op.br, 0, op.end, op.end,
      // Out of the loop early (a rival won) leaves STAYS at 0 below; through its end, at 1.
      ...get(K), ...get(FAMILIES), op.i32geU, ...set(STAYS),
      ...get(KEPT), ...get(STAYS), op.i32add, ...set(KEPT),
    ]),
    ...get(KEPT),
    op.end,
  ];
  const locals = [
    [...u32(7), I32],
    [...u32(10), F64],
  ];
  const code = [...vector(locals), ...body];
  return [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vector([[0x60, 1, F64, 1, F64], [0x60, 2, F64, F64, 1, F64], [0x60, 4, I32, I32, I32, I32, 1, I32]])),
    ...section(2, vector([[...name('m'), ...name('log'), 0, 0], [...name('m'), ...name('cos'), 0, 0], [...name('m'), ...name('pow'), 0, 1]])),
    ...section(3, vector([[2]])),
    ...section(5, vector([[0, 1]])),
    ...section(7, vector([[...name('kept'), 0, 3], [...name('memory'), 2, 0]])),
    ...section(10, vector([[...u32(code.length), ...code]])),
  ];
}
