// Small shared helpers for checking untrusted input and naming things.
import type { LoadedLevel } from './level';
import { indexOf } from './lookup';

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
export const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

export function nameOf(level: LoadedLevel, id: string): string {
  const idx = indexOf(level);
  return idx.states.get(id)?.name ?? level.forces.find((f) => f.id === id)?.name ?? id;
}

export const clamp = (v: number, lo: number, hi: number) => (v < lo ? lo : v > hi ? hi : v);

/** How wide (points of 0..100) a state's estimate of another's feeling is at an intelligence
 * level (RULES.md, Perception): 40 with none, a point narrower for about every 3 levels, 8 at 100. */
export const bandWidth = (intel: number): number => Math.max(8, 40 - Math.floor((clamp(intel, 0, 100) * 32) / 100));

/** Cargo for people: the rules count kt/yr, players read Mt/yr (the UI uses the same).
 * Rounded down, so that a figure short of a goal never reads as reaching it (19,960 kt is
 * 19.9, not 20.0). */
/** 'Georgia', 'Georgia and Türkiye', 'Kazakhstan, Azerbaijan and Georgia': a list in a sentence. */
export function namesAnd(level: LoadedLevel, ids: readonly string[]): string {
  const names = ids.map((id) => nameOf(level, id));
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function mt(kt: number): string {
  return `${kt >= 100_000 ? mtValue(kt) : mtValue(kt).toFixed(1)} Mt/yr`;
}

/** mt()'s figure as a number (for files a spreadsheet reads): whole Mt from 100 Mt/yr up, else one decimal, rounded down. */
export function mtValue(kt: number): number {
  return kt >= 100_000 ? Math.floor(kt / 1000) : Math.floor(kt / 100) / 10;
}

/** Money for people, in the one form every screen, report and CLI writes it: "$1,786M",
 * "−$40M", and from $10,000M in billions to one decimal ("$12.3bn", half a tenth rounds up).
 * Grouped by hand rather than by toLocaleString, whose output rests on the engine's locale data. */
export function money(m: number): string {
  const sign = m < 0 ? '−' : '';
  const a = Math.abs(m);
  if (a >= 10000) {
    const tenths = Math.floor((a + 50) / 100);
    return `${sign}$${Math.floor(tenths / 10)}.${tenths % 10}bn`;
  }
  // Below $10,000M there is at most one comma; the sim's money is whole (narration calls this
  // hundreds of times a turn, so the common case takes no regular expression).
  if (Number.isInteger(a)) return a < 1000 ? `${sign}$${a}M` : `${sign}$${Math.floor(a / 1000)},${String(a % 1000).padStart(3, '0')}M`;
  const [whole, frac] = String(a).split('.');
  return `${sign}$${whole.replace(/\B(?=(\d{3})+$)/g, ',')}${frac ? `.${frac}` : ''}M`;
}

/** Basis points as a percentage for narration, in integer arithmetic: 1440 -> "14.4%",
 * 600 -> "6%", 5 -> "0.05%", -1000 -> "−10%" (a minus sign). */
export function pct(bp: number): string {
  const a = Math.abs(bp);
  const frac = a % 100;
  const tail = frac === 0 ? '' : `.${String(frac).padStart(2, '0').replace(/0$/, '')}`;
  return `${bp < 0 ? '−' : ''}${Math.floor(a / 100)}${tail}%`;
}

/** pct with a sign either way: "+8%", "−10%". */
export const signedPct = (bp: number): string => (bp > 0 ? `+${pct(bp)}` : pct(bp));

/** 'a' or 'an' before a word in a message. */
export const article = (word = ''): string => (/^[aeiou]/i.test(word) ? 'an' : 'a');
