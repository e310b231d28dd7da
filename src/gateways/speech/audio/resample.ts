// Sample-rate conversion for speech: a Kaiser-windowed sinc low-pass evaluated at each output instant. Going
// down (espeak-ng's 22 050 Hz to the telephone's 8 000 Hz) it removes everything above the new Nyquist frequency
// first, so a hiss at 6 kHz does not fold back into the speech band as a whistle at 2 kHz.

/** Half the filter's length in zero crossings of the sinc: longer is a steeper edge and more work. */
const ZERO_CROSSINGS = 16;
/** Kaiser β: about 85 dB of stop-band attenuation. */
const BETA = 8.6;
/** The pass band ends this fraction of the way to the lower Nyquist frequency (the rest is the transition). */
const ROLLOFF = 0.92;
const STEPS_PER_ZERO = 512;

/** Modified Bessel function of the first kind, order 0 (the Kaiser window's shape), by its power series. */
function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  const q = (x * x) / 4;
  for (let k = 1; k < 50; k++) {
    term *= q / (k * k);
    sum += term;
    if (term < sum * 1e-16) break;
  }
  return sum;
}

// The kernel sinc(z)·kaiser(z) tabulated from z = 0 to ZERO_CROSSINGS, read with linear interpolation.
const KERNEL = (() => {
  const n = ZERO_CROSSINGS * STEPS_PER_ZERO;
  const table = new Float64Array(n + 2);
  const norm = besselI0(BETA);
  for (let i = 0; i <= n; i++) {
    const z = i / STEPS_PER_ZERO;
    const sinc = z === 0 ? 1 : Math.sin(Math.PI * z) / (Math.PI * z);
    const r = z / ZERO_CROSSINGS;
    table[i] = (sinc * besselI0(BETA * Math.sqrt(Math.max(0, 1 - r * r)))) / norm;
  }
  return table;
})();

function kernel(z: number): number {
  const pos = z * STEPS_PER_ZERO;
  const i = Math.floor(pos);
  const frac = pos - i;
  return KERNEL[i]! + (KERNEL[i + 1]! - KERNEL[i]!) * frac;
}

/**
 * Between rates of a small ratio (22 050 → 8 000 is 441:160), output n sits at one of L fractional offsets from
 * an input sample, so the filter's taps for each offset are computed once and each output is a plain dot product.
 */
interface Polyphase {
  /** Output samples per cycle, input samples per cycle. */
  l: number;
  m: number;
  /** Taps each side of the centre (the same for every phase; taps past the kernel's end are zero). */
  half: number;
  /** The phase's centre input sample, relative to the cycle's first. */
  base: Int32Array;
  /** l × (2·half + 1) coefficients, the rolloff's gain included. */
  coeffs: Float64Array;
}

const MAX_PHASES = 4096;
const polyphases = new Map<string, Polyphase | null>();

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function polyphaseFor(from: number, to: number): Polyphase | null {
  const key = `${from}:${to}`;
  let found = polyphases.get(key);
  if (found !== undefined) return found;
  found = null;
  if (Number.isInteger(from) && Number.isInteger(to)) {
    const g = gcd(from, to);
    const l = to / g;
    const m = from / g;
    if (l <= MAX_PHASES) {
      const scale = Math.min(1, to / from) * ROLLOFF;
      const half = Math.ceil(ZERO_CROSSINGS / scale) + 1;
      const width = 2 * half + 1;
      const base = new Int32Array(l);
      const coeffs = new Float64Array(l * width);
      for (let p = 0; p < l; p++) {
        const t = (p * m) / l;
        base[p] = Math.floor(t);
        const frac = t - base[p]!;
        for (let j = -half; j <= half; j++) {
          const z = Math.abs(frac - j) * scale;
          coeffs[p * width + j + half] = z < ZERO_CROSSINGS ? kernel(z) * scale : 0;
        }
      }
      found = { l, m, half, base, coeffs };
    }
  }
  polyphases.set(key, found);
  return found;
}

export function resample(samples: Int16Array, from: number, to: number): Int16Array {
  if (!(from > 0 && to > 0)) throw new RangeError(`resample: bad rates ${from} → ${to}`);
  if (from === to) return samples.slice();
  const out = new Int16Array(Math.round((samples.length * to) / from));
  const poly = polyphaseFor(from, to);
  if (poly) resamplePolyphase(samples, out, poly);
  else resampleDirect(samples, out, from, to);
  return out;
}

function resamplePolyphase(samples: Int16Array, out: Int16Array, poly: Polyphase): void {
  const { l, m, half, base, coeffs } = poly;
  const width = 2 * half + 1;
  const last = samples.length - 1;
  let p = 0;
  let cycle = 0;
  for (let n = 0; n < out.length; n++) {
    const centre = cycle + base[p]!;
    const row = p * width;
    let acc = 0;
    const lo = centre - half;
    if (lo >= 0 && centre + half <= last) {
      for (let j = 0; j < width; j++) acc += samples[lo + j]! * coeffs[row + j]!;
    } else {
      // Near the ends: samples outside the input count as silence.
      for (let j = 0; j < width; j++) {
        const k = lo + j;
        if (k >= 0 && k <= last) acc += samples[k]! * coeffs[row + j]!;
      }
    }
    const v = Math.round(acc);
    out[n] = Math.max(-32768, Math.min(32767, v));
    if (++p === l) {
      p = 0;
      cycle += m;
    }
  }
}

/** Any ratio: the kernel evaluated at each output instant. */
function resampleDirect(samples: Int16Array, out: Int16Array, from: number, to: number): void {
  // The cut-off as a fraction of the input's Nyquist frequency; the sinc's zeros fall every 1/scale inputs.
  const scale = Math.min(1, to / from) * ROLLOFF;
  const halfWidth = ZERO_CROSSINGS / scale;
  const step = from / to;
  const last = samples.length - 1;
  for (let n = 0; n < out.length; n++) {
    const t = n * step;
    const lo = Math.max(0, Math.ceil(t - halfWidth));
    const hi = Math.min(last, Math.floor(t + halfWidth));
    let acc = 0;
    for (let k = lo; k <= hi; k++) {
      const z = Math.abs(t - k) * scale;
      if (z < ZERO_CROSSINGS) acc += samples[k]! * kernel(z);
    }
    const v = Math.round(acc * scale);
    out[n] = Math.max(-32768, Math.min(32767, v));
  }
}
