// The demo region's random draws in the process: the same numbers as the SQL function demo_rand (generate-batch.ts),
// which is PostgreSQL's hashint8extended (Bob Jenkins' lookup3, src/common/hashfn.c) of the key, seeded with
// seed × 1000003 + salt, its low 52 bits scaled to [0, 1). The generated readings are drawn here and the households
// in SQL, and both must see the same draws for the same (seed, key, salt).

const rot = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;

/** lookup3's state after the seed is mixed in: it depends on the seed and the salt only. */
function seededState(seed: number, salt: number): [number, number, number] {
  const init = (0x9e3779b9 + 4 + 3923095) >>> 0;
  let a = init;
  let b = init;
  let c = init;
  const s = BigInt.asUintN(64, BigInt(seed) * 1000003n + BigInt(salt));
  if (s !== 0n) {
    a = (a + Number(s >> 32n)) >>> 0;
    b = (b + Number(s & 0xffffffffn)) >>> 0;
    // mix(a, b, c)
    a = (a - c) >>> 0;
    a = (a ^ rot(c, 4)) >>> 0;
    c = (c + b) >>> 0;
    b = (b - a) >>> 0;
    b = (b ^ rot(a, 6)) >>> 0;
    a = (a + c) >>> 0;
    c = (c - b) >>> 0;
    c = (c ^ rot(b, 8)) >>> 0;
    b = (b + a) >>> 0;
    a = (a - c) >>> 0;
    a = (a ^ rot(c, 16)) >>> 0;
    c = (c + b) >>> 0;
    b = (b - a) >>> 0;
    b = (b ^ rot(a, 19)) >>> 0;
    a = (a + c) >>> 0;
    c = (c - b) >>> 0;
    c = (c ^ rot(b, 4)) >>> 0;
    b = (b + a) >>> 0;
  }
  return [a, b, c];
}

/** A draw function for one seed: rand(key, salt) in [0, 1), for non-negative integer keys below 2^53. */
export function demoRandom(seed: number): (key: number, salt: number) => number {
  const states = new Map<number, [number, number, number]>();
  return (key, salt) => {
    let state = states.get(salt);
    if (!state) {
      state = seededState(seed, salt);
      states.set(salt, state);
    }
    // hashint8extended: the low half xor the high half (the key is not negative).
    const k = ((key >>> 0) ^ Math.floor(key / 4294967296)) >>> 0;
    let [a, b, c] = state;
    a = (a + k) >>> 0;
    // final(a, b, c)
    c = ((c ^ b) - rot(b, 14)) >>> 0;
    a = ((a ^ c) - rot(c, 11)) >>> 0;
    b = ((b ^ a) - rot(a, 25)) >>> 0;
    c = ((c ^ b) - rot(b, 16)) >>> 0;
    a = ((a ^ c) - rot(c, 4)) >>> 0;
    b = ((b ^ a) - rot(a, 14)) >>> 0;
    c = ((c ^ b) - rot(b, 24)) >>> 0;
    // (b << 32 | c) & (2^52 - 1), over 2^52.
    return ((b & 0xfffff) * 4294967296 + c) / 4503599627370496;
  };
}
