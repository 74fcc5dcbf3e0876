// The hashes replays rely on: treeHash (with its caches) equals its definition written out
// plainly; the checkpoint hash covers every fact of a state and none of its narration.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autoplay } from '../../src/ai/autoplay';
import { fullStateHash, NARRATION, stateHash } from '../../src/sim/checkpoint';
import { compareStrings, grownFrom, treeHash } from '../../src/sim/hash';
import { applyAction, newGame, verifyReplay, type GameState } from '../../src/sim/index';
import { botReplay, levelFile } from './fixtures';

const tutorial = levelFile('levels/tutorial.json');
const main = levelFile('levels/middle-corridor.json');

// The definition (src/sim/hash.ts), written out plainly with no cache.
const P1 = 0x01000193;
const P2 = 0x5bd1e995;
function reference(v: unknown): string {
  let a = 0x811c9dc5 | 0;
  let b = 0x84222325 | 0;
  const mix = (w: number) => {
    a = Math.imul(a ^ w, P1);
    a ^= a >>> 15;
    b = Math.imul(b ^ w, P2);
    b ^= b >>> 13;
  };
  const text = (t: string) => {
    mix(6);
    mix(t.length);
    for (let i = 0; i < t.length; i += 2) mix(i + 1 < t.length ? t.charCodeAt(i) | (t.charCodeAt(i + 1) << 16) : t.charCodeAt(i));
  };
  /** The lanes of `feed` run on fresh lanes (a nested node, a key), the current ones kept. */
  const lanes = (feed: () => void) => {
    const [h1, h2] = [a, b];
    [a, b] = [0x811c9dc5 | 0, 0x84222325 | 0];
    feed();
    const out = [a, b];
    [a, b] = [h1, h2];
    return out;
  };
  const value = (x: unknown) => {
    if (x === null || x === undefined) mix(1);
    else if (x === false) mix(2);
    else if (x === true) mix(3);
    else if (typeof x === 'number') {
      if (Number.isInteger(x) && x >= -(2 ** 31) && x < 2 ** 31) {
        mix(4);
        mix(x);
      } else {
        mix(5);
        text(String(x));
      }
    } else if (typeof x === 'string') text(x);
    else {
      const [h1, h2] = lanes(() => node(x));
      mix(7);
      mix(h1);
      mix(h2);
    }
  };
  function node(x: unknown) {
    if (Array.isArray(x)) {
      mix(8);
      x.forEach(value);
    } else {
      const o = x as Record<string, unknown>;
      mix(9);
      for (const k of Object.keys(o).sort(compareStrings)) {
        if (o[k] === undefined) continue;
        const [k1, k2] = lanes(() => text(k));
        mix(k1);
        mix(k2);
        value(o[k]);
      }
    }
    mix(10);
  }
  if (v !== null && typeof v === 'object') node(v);
  else value(v);
  const hex = (h: number) => (h >>> 0).toString(16).padStart(8, '0');
  return hex(a) + hex(b);
}

// Pinned values: a change to the definition shows here first.
const PINNED: [unknown, string][] = [
  [{ a: [1, 'x', { b: null }], c: true }, 'e83cc67da77ce8fd'],
  [[], '2f9a538bb096e55b'],
  [{}, '2d94fe2b4f7c9e75'],
  ['text', '853e81af375288cf'],
  [12345, '9883d9f3dacfe3b2'],
  [-1.5, 'd500df4fc56d0969'],
  [{ k: 'é"\\\n', n: 2 ** 40 }, 'cc630e03b9c29a68'],
];

const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('treeHash', () => {
  it('gives the pinned values', () => {
    for (const [v, now] of PINNED) {
      expect(treeHash(v), JSON.stringify(v)).toBe(now);
      expect(reference(v), JSON.stringify(v)).toBe(now);
    }
  });

  it('equals the uncached definition for any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
      expect(treeHash(v)).toBe(reference(v));
    }), { numRuns: 300 });
  });

  it('equals it on a long list hashed again after changes in place, or copied and changed', () => {
    const entry = (i: number) => Object.freeze({ id: `e${i}`, n: i });
    const list: unknown[] = Array.from({ length: 12 }, (_, i) => entry(i));
    const open = { x: 1 }; // not frozen: may change in place, so never taken as recorded
    list.push(open, 'tail');
    expect(treeHash(list)).toBe(reference(list));
    list[5] = entry(50); // a recorded entry replaced
    list.push(entry(99));
    expect(treeHash(list)).toBe(reference(list));
    open.x = 2; // an open entry changed in place
    expect(treeHash(list)).toBe(reference(list));
    list[12] = 'swapped';
    list.splice(2, 1);
    expect(treeHash(list)).toBe(reference(list));
    const copy = Object.freeze([...list.slice(0, 9), entry(7), ...list.slice(9)]);
    grownFrom(copy, list);
    expect(treeHash(copy)).toBe(reference(copy));
    expect(treeHash(Object.freeze([...copy.slice(0, 3)]))).toBe(reference(copy.slice(0, 3)));
  });

  it('equals it on the states of a whole game, hashed in order (the caches at work) and fresh', () => {
    const states: GameState[] = [];
    autoplay(main, { seed: 'hash-ref', onCheckpoint: (_t, s) => states.push(s) });
    for (const s of states) {
      const cached = treeHash(s);
      expect(cached).toBe(reference(s));
      expect(treeHash(plain(s))).toBe(cached);
    }
  });
});

describe('the checkpoint hash', () => {
  const end = autoplay(tutorial, { seed: 'facts' }).state;

  it('leaves the narration out, and only the narration', () => {
    expect([...NARRATION].sort()).toEqual(['animosityLog', 'log', 'silent', 'turnFigures']);
    const facts = plain(end) as unknown as Record<string, unknown>;
    for (const k of NARRATION) delete facts[k];
    expect(stateHash(end)).toBe(treeHash(facts));
  });

  it('does not change when a log line is reworded, but the whole-state hash does', () => {
    const s = plain(end);
    const turn = s.log.findIndex((entries) => entries.length > 0);
    s.log[turn][0].text += ' (reworded)';
    s.animosityLog[0].cause += ' (reworded)';
    expect(stateHash(s)).toBe(stateHash(end));
    expect(fullStateHash(s)).not.toBe(fullStateHash(end));
  });

  it('changes with any fact: one number or text anywhere outside the narration', () => {
    const before = stateHash(end);
    const leaves: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]) => {
      if (v === null || typeof v !== 'object') {
        if (typeof v === 'number' || typeof v === 'string') leaves.push(path);
        return;
      }
      for (const [k, m] of Object.entries(v)) walk(m, [...path, Array.isArray(v) ? Number(k) : k]);
    };
    for (const [k, v] of Object.entries(end)) if (!NARRATION.has(k)) walk(v, [k]);
    expect(leaves.length).toBeGreaterThan(200);
    for (let i = 0; i < leaves.length; i += 7) {
      const s = plain(end) as unknown as Record<string | number, unknown>;
      const path = leaves[i];
      let o = s;
      for (const p of path.slice(0, -1)) o = o[p] as Record<string | number, unknown>;
      const last = path[path.length - 1];
      o[last] = typeof o[last] === 'number' ? (o[last] as number) + 1 : `${String(o[last])}x`;
      expect(stateHash(s as unknown as GameState), path.join('.')).not.toBe(before);
    }
  });
});

describe('a bot game run open (autoplay: open steps, closed once a turn)', () => {
  it('hands out frozen states equal to those applyAction reaches, sharing what did not change', () => {
    const states: GameState[] = [];
    const rec = autoplay(tutorial, { seed: 'closed-run', onCheckpoint: (_t, s) => states.push(s) });
    let s = newGame(tutorial, { seed: 'closed-run' });
    const cow: GameState[] = [s];
    for (const a of rec.actions) {
      const r = applyAction(tutorial, s, a.action);
      if (!r.ok) throw new Error(r.error);
      if (r.state.turn !== s.turn || r.state.phase === 'ended') cow.push(r.state);
      s = r.state;
    }
    expect(states.map(fullStateHash)).toEqual(cow.map(fullStateHash));
    for (const x of states) expect(Object.isFrozen(x) && Object.isFrozen(x.players) && Object.isFrozen(x.proposals) && Object.isFrozen(x.log)).toBe(true);
    // The level's static parts never change: each turn's state shares them with the one before.
    for (let i = 1; i < states.length; i++) expect(states[i].perception).toBe(states[i - 1].perception);
  });
});

describe('verifying a replay (open steps, frozen once a turn or never)', () => {
  it('reaches the very states applyAction does, whole state included', () => {
    const { game: rec, replay } = botReplay(main, 'open-run');
    const states: GameState[] = [];
    autoplay(main, { seed: 'open-run', onCheckpoint: (_t, s) => states.push(s) });
    const open = verifyReplay(main, replay);
    const kept = verifyReplay(main, replay, { keepStates: true });
    if (!open.ok || !kept.ok) throw new Error('the replay does not verify');
    expect(open.hashes).toEqual(rec.checkpoints.map((c) => c.hash));
    expect(kept.hashes).toEqual(open.hashes);
    expect(kept.states.map(fullStateHash)).toEqual(states.map(fullStateHash));
    for (const s of kept.states) expect(Object.isFrozen(s) && Object.isFrozen(s.players) && Object.isFrozen(s.proposals)).toBe(true);
  });
});
