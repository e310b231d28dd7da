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

export function resample(samples: Int16Array, from: number, to: number): Int16Array {
  if (!(from > 0 && to > 0)) throw new RangeError(`resample: bad rates ${from} → ${to}`);
  if (from === to) return samples.slice();
  // The cut-off as a fraction of the input's Nyquist frequency; the sinc's zeros fall every 1/scale inputs.
  const scale = Math.min(1, to / from) * ROLLOFF;
  const halfWidth = ZERO_CROSSINGS / scale;
  const step = from / to;
  const out = new Int16Array(Math.round((samples.length * to) / from));
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
  return out;
}
