// Game links: ?level=ID&seed=S&seats=azerbaijan:human,georgia:human
// Seats not listed are bots. A link with level, seed and at least one human seat starts
// that game directly; anything less opens the start screen filled in from the link.
import type { StateId } from './sim';

/** `watch`: the id of a game saved in this browser that a projector window follows (?watch=ID);
 * `watchAs`: 'facilitator' for the facilitator's window instead (&as=facilitator). */
export interface UrlGame { level?: string; seed?: string; seats?: Record<StateId, 'human' | 'bot'>; watch?: string; watchAs?: Watcher; errors: string[] }

/** Who a window following a saved game is for: the room (public view) or the teacher (every hidden value). */
export type Watcher = 'projector' | 'facilitator';

export function parseGameUrl(search: string): UrlGame {
  const q = new URLSearchParams(search);
  const out: UrlGame = { errors: [] };
  const watch = q.get('watch');
  if (watch && watch.trim()) {
    out.watch = watch.trim().slice(0, 200);
    out.watchAs = q.get('as') === 'facilitator' ? 'facilitator' : 'projector';
  }
  const level = q.get('level');
  if (level) out.level = level.trim();
  const seed = q.get('seed');
  if (seed !== null && seed.trim()) out.seed = seed.trim().slice(0, 200);
  const seats = q.get('seats');
  if (seats) {
    out.seats = {};
    for (const part of seats.split(',')) {
      const [id, kind] = part.split(':').map((x) => x.trim());
      if (!id) continue;
      if (kind !== 'human' && kind !== 'bot') {
        out.errors.push(`seats: "${part}" should look like state:human or state:bot`);
        continue;
      }
      out.seats[id] = kind;
    }
  }
  return out;
}

/** The projector (or facilitator) window's link: it follows that saved game in this browser. */
export function watchUrl(base: string, gameId: string, as: Watcher = 'projector'): string {
  return `${base}?${new URLSearchParams(as === 'facilitator' ? { watch: gameId, as } : { watch: gameId }).toString()}`;
}

export function gameUrl(base: string, levelId: string, seed: string, seats: Record<StateId, 'human' | 'bot'>): string {
  const humans = Object.keys(seats).filter((id) => seats[id] === 'human');
  const q = new URLSearchParams({ level: levelId, seed });
  const url = `${base}?${q.toString()}&seats=${humans.map((id) => `${encodeURIComponent(id)}:human`).join(',')}`;
  return url;
}

/** A readable random seed ("caspian-amber-4821"); the UI may use Math.random, the sim never does. */
export function randomSeed(): string {
  const a = ['caspian', 'amber', 'steppe', 'silk', 'harbour', 'iron', 'river', 'desert', 'summit', 'ferry', 'cedar', 'copper'];
  const b = ['wind', 'lantern', 'compass', 'bridge', 'falcon', 'market', 'signal', 'caravan', 'orchard', 'delta', 'pass', 'star'];
  const pick = (l: string[]) => l[Math.floor(Math.random() * l.length)];
  return `${pick(a)}-${pick(b)}-${1000 + Math.floor(Math.random() * 9000)}`;
}
