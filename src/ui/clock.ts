// The facilitator's clock: minutes given to the class for the phase being played, counted
// down in the playing window and in the windows that follow the game (projector,
// facilitator). Like the pause, it is no part of the game (in no save or replay: it reads
// the wall clock, which the sim never may); it lives beside the save, in localStorage, so
// that every window of this browser shows it and a reload keeps it. It stops during a pause
// and ends with its phase. Nothing happens when it runs out but the words "time is up": what
// then (a word with the slow seats, ending the game early) is the teacher's call.
import { h } from './dom';
import { readClock, writeClock } from './saves';

export interface Clock {
  /** The phase it was given for; the clock ends when the game leaves it. */
  turn: number;
  phase: string;
  minutes: number;
  /** When it runs out (ms since 1970) while it runs; null while the game is paused. */
  endsAt: number | null;
  /** What is left while paused (ms). */
  leftMs: number;
  /** When it was last started, changed, paused or resumed (ms since 1970): a clock left
   * behind (another class's) is dropped when its game is taken up again. */
  at: number;
}

export const CLOCK_MINUTES = [1, 2, 3, 5, 10] as const;

export function startClock(turn: number, phase: string, minutes: number, now: number): Clock {
  return { turn, phase, minutes, endsAt: now + minutes * 60_000, leftMs: minutes * 60_000, at: now };
}

export function leftOf(c: Clock, now: number): number {
  return Math.max(0, c.endsAt === null ? c.leftMs : c.endsAt - now);
}

export function addMinutes(c: Clock, minutes: number, now: number): Clock {
  const left = leftOf(c, now) + minutes * 60_000;
  return { ...c, minutes: c.minutes + minutes, endsAt: c.endsAt === null ? null : now + left, leftMs: left, at: now };
}

/** The clock after the game moved or was paused or resumed: null once its phase is over. */
export function clockAfter(c: Clock, game: { turn: number; phase: string; paused: boolean }, now: number): Clock | null {
  if (game.turn !== c.turn || game.phase !== c.phase) return null;
  if (game.paused && c.endsAt !== null) return { ...c, endsAt: null, leftMs: leftOf(c, now), at: now };
  if (!game.paused && c.endsAt === null) return { ...c, endsAt: now + c.leftMs, at: now };
  return c;
}

const PHASE_NAME: Record<string, string> = { diplomacy: 'Diplomacy', orders: 'Orders' };

/** "Diplomacy: 4:05 left", "… (paused)", or "Diplomacy: time is up". */
export function clockText(c: Clock, now: number): { text: string; up: boolean } {
  const left = leftOf(c, now);
  const name = PHASE_NAME[c.phase] ?? c.phase;
  if (left === 0) return { text: `${name}: time is up`, up: true };
  const s = Math.ceil(left / 1000);
  const mmss = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  return { text: `${name}: ${mmss} left${c.endsAt === null ? ' (paused)' : ''}`, up: false };
}

// ---------- on screen ----------

let followed: string | null = null;
let ticker: ReturnType<typeof setInterval> | null = null;

/** Shows game `id`'s clock in every `[data-clock]` element of the page, or none (null). */
export function followClock(id: string | null): void {
  followed = id;
  if (id && !ticker) ticker = setInterval(paintClock, 250);
  if (!id && ticker) {
    clearInterval(ticker);
    ticker = null;
  }
  paintClock();
}

/** The element a top bar shows the clock in (hidden while there is none). */
export function clockChip(): HTMLElement {
  return h('div', { class: 'clock', role: 'timer', 'data-clock': true, 'data-testid': 'clock', hidden: true });
}

/** Brings the clock elements up to date (the screens call it after drawing their top bar). */
export function paintClock(): void {
  const c = followed ? readClock(followed) : null;
  const shown = c ? clockText(c, Date.now()) : null;
  for (const el of document.querySelectorAll<HTMLElement>('[data-clock]')) {
    el.hidden = !shown;
    el.classList.toggle('up', shown?.up ?? false);
    if (el.textContent !== (shown?.text ?? '')) el.textContent = shown?.text ?? '';
  }
}

/** The playing window's part: ends, stops or restarts game `id`'s clock as the game moves. */
export function syncClock(id: string, game: { turn: number; phase: string; paused: boolean }): void {
  const c = readClock(id);
  if (!c) return;
  const next = clockAfter(c, game, Date.now());
  if (next !== c) writeClock(id, next);
  paintClock();
}

/** A clock left behind: run out, or last changed (paused, say), more than an hour ago. */
export function stale(c: Clock, now: number): boolean {
  return now - (c.endsAt ?? c.at) > 3_600_000;
}

/** A game taken up again (a reload, a resumed save): its clock goes on, unless it is stale
 * (another class's, left over). A pause ended with the reload. */
export function resumeClock(id: string, game: { turn: number; phase: string; paused: boolean }): void {
  const c = readClock(id);
  if (c && stale(c, Date.now())) writeClock(id, null);
  syncClock(id, game);
}
