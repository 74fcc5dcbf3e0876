// Exact integer arithmetic for the rules: floor(a*b/c) even when a*b passes 2^53.
/** floor(a / b) for integers, b !== 0, exact for safe integers. */
export function idiv(a: number, b: number): number {
  const r = a % b;
  const q = (a - r) / b;
  return r !== 0 && r < 0 !== b < 0 ? q - 1 : q;
}

/** floor(a * b / c) for integers, c !== 0. Falls back to BigInt when the product is not exact. */
export function mulDiv(a: number, b: number, c: number): number {
  const p = a * b;
  if (Number.isSafeInteger(p)) return idiv(p, c);
  const big = BigInt(a) * BigInt(b);
  const bc = BigInt(c);
  let q = big / bc;
  const r = big % bc;
  if (r !== 0n && r < 0n !== bc < 0n) q -= 1n;
  return Number(q);
}

/** Probabilities in basis points, clamped to the range a roll understands. */
export function clampBp(bp: number, cap = 10000): number {
  return bp < 0 ? 0 : bp > cap ? cap : bp;
}
