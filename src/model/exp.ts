/**
 * e^x computed the same, to the bit, by every JavaScript engine: fdlibm's __ieee754_exp (Sun
 * Microsystems, 1993: "Permission to use, copy, modify, and distribute this software is freely
 * granted, provided that this notice is preserved"), in IEEE double arithmetic only. Math.exp
 * is not specified to the bit: Node 20's V8 gives fdlibm's result (this one), a recent Chromium
 * another in the last bit for many arguments, so the explore page and the command would drift
 * apart. Error < 1 ulp, as fdlibm's. Equal to Node 20's Math.exp on 3 million arguments over
 * its whole range (tests/model/exp.test.ts), so the command's results are unchanged.
 */

const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);
/** Index of the high 32-bit word of a double in `words`: 1 on little-endian machines. */
const HI = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f ? 1 : 0;

const HALF = [0.5, -0.5];
const HUGE = 1.0e300;
// fdlibm's constants, each written as the shortest decimal of the same double.
const TWOM1000 = 9.332636185032189e-302; // 2^-1000
const O_THRESHOLD = 709.782712893384;
const U_THRESHOLD = -745.1332191019411;
const LN2HI = [0.6931471803691238, -0.6931471803691238];
const LN2LO = [1.9082149292705877e-10, -1.9082149292705877e-10];
const INVLN2 = Math.LOG2E;
const P1 = 0.16666666666666602;
const P2 = -0.0027777777777015593;
const P3 = 0.00006613756321437934;
const P4 = -0.0000016533902205465252;
const P5 = 4.1381367970572385e-8;

function highWord(x: number): number {
  scratch[0] = x;
  return words[HI];
}

/** y × 2^k, by adding k to y's exponent (y in [0.5, 2), so the result is normal for k ≥ −1021). */
function scaled(y: number, k: number): number {
  scratch[0] = y;
  words[HI] = (words[HI] + (k << 20)) >>> 0;
  return scratch[0];
}

export function exp(input: number): number {
  if (input === 1) return Math.E; // V8's one exception to fdlibm (whose e^1 is an ulp above e): e itself
  let x = input;
  let hx = highWord(x);
  const xsb = (hx >>> 31) & 1;
  hx &= 0x7fffffff;
  if (hx >= 0x40862e42) {
    if (hx >= 0x7ff00000) return Number.isNaN(x) ? x + x : xsb === 0 ? x : 0; // NaN, exp(±∞) = {∞, 0}
    if (x > O_THRESHOLD) return HUGE * HUGE; // overflow
    if (x < U_THRESHOLD) return TWOM1000 * TWOM1000; // underflow
  }
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx > 0x3fd62e42) {
    // |x| > 0.5 ln 2: x = k ln 2 + r
    if (hx < 0x3ff0a2b2) {
      hi = x - LN2HI[xsb];
      lo = LN2LO[xsb];
      k = 1 - xsb - xsb;
    } else {
      k = Math.trunc(INVLN2 * x + HALF[xsb]);
      const t = k;
      hi = x - t * LN2HI[0]; // exact here
      lo = t * LN2LO[0];
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    // |x| < 2^-28
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x);
  const y = 1 - (lo - (x * c) / (2.0 - c) - hi);
  return k >= -1021 ? scaled(y, k) : scaled(y, k + 1000) * TWOM1000;
}
