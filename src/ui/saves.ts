// Saves in localStorage. Each game has a slot holding its replay (v1), not its GameState:
// it is small, re-verifies on load and holds nothing a replay would not. An index lists the
// slots with public facts only (level, seed, turn), for the start screen.
// Storage can be full or switched off: every call reports instead of throwing, and the
// game in memory is never touched by a failed write.
import type { Clock } from './clock';
import type { BotReason } from './controller';
import type { Replay } from './sim';

const INDEX_KEY = 'corridor.saves';
const SLOT_PREFIX = 'corridor.save.';
/** sessionStorage: the game this tab was playing, so a reload resumes it. */
const TAB_KEY = 'corridor.tab-game';

export interface SaveMeta {
  id: string;
  levelId: string;
  levelName: string;
  seed: string;
  turn: number;
  turns: number;
  phase: string;
  /** Names of the human seats. */
  humans: string[];
  /** Milliseconds since 1970, for "saved 5 minutes ago" and the order of the list. */
  savedAt: number;
  /** The level's content hash when saved (absent in saves written before it was kept). */
  levelHash?: string;
}

export type StoreResult = { ok: true } | { ok: false; error: string };

function storageError(e: unknown): string {
  const err = e as DOMException | undefined;
  const name = err?.name ?? 'Error';
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || err?.code === 22) {
    return `this browser's storage for Corridor is full (${name})`;
  }
  if (name === 'SecurityError') return 'this browser does not allow Corridor to store data (SecurityError: private mode or blocked storage?)';
  return `the browser refused to store it (${name}: ${err?.message ?? String(e)})`;
}

function store(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function listSaves(): SaveMeta[] {
  try {
    const raw = store()?.getItem(INDEX_KEY);
    const list = raw ? (JSON.parse(raw) as unknown) : [];
    if (!Array.isArray(list)) return [];
    return list
      .filter((m): m is SaveMeta => typeof m === 'object' && m !== null && typeof (m as SaveMeta).id === 'string' && typeof (m as SaveMeta).savedAt === 'number')
      .sort((a, b) => b.savedAt - a.savedAt);
  } catch {
    return [];
  }
}

function writeIndex(s: Storage, list: SaveMeta[]): void {
  s.setItem(INDEX_KEY, JSON.stringify(list));
}

export function writeSave(meta: SaveMeta, replay: Replay): StoreResult {
  const s = store();
  if (!s) return { ok: false, error: 'this browser does not allow Corridor to store data' };
  try {
    s.setItem(SLOT_PREFIX + meta.id, JSON.stringify(replay));
    writeIndex(s, [meta, ...listSaves().filter((m) => m.id !== meta.id)]);
    return { ok: true };
  } catch (e) {
    return { ok: false, error: storageError(e) };
  }
}

export function readSave(id: string): { ok: true; text: string } | { ok: false; error: string } {
  try {
    const text = store()?.getItem(SLOT_PREFIX + id);
    return text ? { ok: true, text } : { ok: false, error: 'this save is no longer in the browser (deleted in another tab?)' };
  } catch (e) {
    return { ok: false, error: storageError(e) };
  }
}

export function deleteSave(id: string): StoreResult {
  const s = store();
  if (!s) return { ok: false, error: 'this browser does not allow Corridor to store data' };
  try {
    s.removeItem(SLOT_PREFIX + id);
    s.removeItem(REASONS_PREFIX + id);
    s.removeItem(CLOCK_PREFIX + id);
    writeIndex(s, listSaves().filter((m) => m.id !== id));
    return { ok: true };
  } catch (e) {
    return { ok: false, error: storageError(e) };
  }
}

/**
 * Calls back with the save's new text whenever another tab of this browser writes it (the
 * storage event fires only in the other tabs), null once it is deleted. Returns the unsubscribe.
 */
export function followSave(id: string, changed: (text: string | null) => void): () => void {
  const listener = (e: StorageEvent) => {
    if (e.key === SLOT_PREFIX + id) changed(e.newValue);
  };
  window.addEventListener('storage', listener);
  return () => window.removeEventListener('storage', listener);
}

// The bots' reasons are no part of the game either (a replay holds the actions, not why they
// were taken), but the facilitator window shows them: the playing window keeps them beside the
// save, written before it, so a window that hears of a save finds the reasons for its moves.
const REASONS_PREFIX = 'corridor.reasons.';

export function writeReasons(id: string, reasons: Record<string, readonly BotReason[]>): void {
  try {
    store()?.setItem(REASONS_PREFIX + id, JSON.stringify(reasons));
  } catch {
    /* the facilitator window then shows no reasons; the game and its save go on */
  }
}

export function readReasons(id: string): Record<string, readonly BotReason[]> {
  try {
    const r = JSON.parse(store()?.getItem(REASONS_PREFIX + id) ?? '{}') as unknown;
    return r && typeof r === 'object' && !Array.isArray(r) ? (r as Record<string, readonly BotReason[]>) : {};
  } catch {
    return {};
  }
}

// A facilitator's pause is no part of the game (it is in no save or replay), but the
// projector window shows it: the playing window keeps a flag while paused.
const PAUSE_PREFIX = 'corridor.paused.';

export function setPaused(id: string, paused: boolean): void {
  try {
    // Writing the same value again fires no storage event, so this may run on every change.
    if (paused) store()?.setItem(PAUSE_PREFIX + id, '1');
    else store()?.removeItem(PAUSE_PREFIX + id);
  } catch {
    /* the projector window then shows no pause; the game is paused all the same */
  }
}

export function isPaused(id: string): boolean {
  try {
    return store()?.getItem(PAUSE_PREFIX + id) === '1';
  } catch {
    return false;
  }
}

/** Calls back when another tab pauses or resumes the game `id`. Returns the unsubscribe. */
export function followPause(id: string, changed: (paused: boolean) => void): () => void {
  const listener = (e: StorageEvent) => {
    if (e.key === PAUSE_PREFIX + id) changed(e.newValue === '1');
  };
  window.addEventListener('storage', listener);
  return () => window.removeEventListener('storage', listener);
}

// The facilitator's clock (clock.ts), beside the save: every window of this browser shows it.
const CLOCK_PREFIX = 'corridor.clock.';

/** False when the browser would not store it (no clock on screen then; the game goes on). */
export function writeClock(id: string, clock: Clock | null): boolean {
  try {
    const s = store();
    if (!s) return false;
    if (clock) s.setItem(CLOCK_PREFIX + id, JSON.stringify(clock));
    else s.removeItem(CLOCK_PREFIX + id);
    return true;
  } catch {
    return false;
  }
}

/** The clock stored for game `id`, or null (none, or unreadable: no clock is better than a wrong one). */
export function readClock(id: string): Clock | null {
  try {
    const c = JSON.parse(store()?.getItem(CLOCK_PREFIX + id) ?? 'null') as Partial<Clock> | null;
    const num = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
    if (!c || typeof c !== 'object' || !num(c.turn) || typeof c.phase !== 'string' || !num(c.minutes) || !num(c.leftMs) || !(c.endsAt === null || num(c.endsAt))) return null;
    // `at` came later: a clock written without it counts from now.
    return { ...c, at: num(c.at) ? c.at : c.endsAt ?? Date.now() } as Clock;
  } catch {
    return null;
  }
}

export function tabGame(): string | null {
  try {
    return window.sessionStorage.getItem(TAB_KEY);
  } catch {
    return null;
  }
}

export function setTabGame(id: string | null): void {
  try {
    if (id) window.sessionStorage.setItem(TAB_KEY, id);
    else window.sessionStorage.removeItem(TAB_KEY);
  } catch {
    /* a reload then opens the start screen, which offers Resume */
  }
}

export function ago(ms: number, now = Date.now()): string {
  const s = Math.max(0, Math.round((now - ms) / 1000));
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return new Date(ms).toLocaleDateString();
}
