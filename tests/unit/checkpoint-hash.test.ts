// The hashes replays rely on: treeHash (with its caches) equals a plain Merkle hash of the
// canonical JSON; the checkpoint hash covers every fact of a state and none of its narration.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autoplay } from '../../src/ai/autoplay';
import { fullStateHash, NARRATION, stateHash } from '../../src/sim/checkpoint';
import { canonicalJson, compareStrings, fnv1a64, treeHash } from '../../src/sim/hash';
import { makeReplay, parseLevelText, verifyReplay, type GameState, type LoadedLevel } from '../../src/sim/index';

function load(file: string): LoadedLevel {
  const r = parseLevelText(readFileSync(file, 'utf8'));
  if (!r.ok) throw new Error(`${file} does not load`);
  return r.level;
}
const tutorial = load('levels/tutorial.json');
const main = load('levels/middle-corridor.json');

/** The definition, with no cache: each object's text has its nested objects as "#" + their hash. */
function reference(v: unknown): string {
  if (v === null || typeof v !== 'object') return fnv1a64(canonicalJson(v));
  const member = (m: unknown) => (m !== null && typeof m === 'object' ? JSON.stringify(`#${reference(m)}`).slice(1, -1) : canonicalJson(m));
  const text = Array.isArray(v)
    ? `[${v.map(member).join(',')}]`
    : `{${Object.keys(v)
        .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
        .sort(compareStrings)
        .map((k) => `${JSON.stringify(k)}:${member((v as Record<string, unknown>)[k])}`)
        .join(',')}}`;
  return fnv1a64(text);
}

const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('treeHash', () => {
  it('equals the uncached definition for any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
      expect(treeHash(v)).toBe(reference(v));
    }), { numRuns: 300 });
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
    expect([...NARRATION].sort()).toEqual(['animosityLog', 'log']);
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

describe('verifying a replay (open steps, frozen once a turn or never)', () => {
  it('reaches the very states applyAction does, whole state included', () => {
    const rec = autoplay(main, { seed: 'open-run' });
    const states: GameState[] = [];
    autoplay(main, { seed: 'open-run', onCheckpoint: (_t, s) => states.push(s) });
    const replay = makeReplay(main, { seed: 'open-run', seats: rec.state.seats, actions: rec.actions, checkpoints: rec.checkpoints });
    const open = verifyReplay(main, replay);
    const kept = verifyReplay(main, replay, { keepStates: true });
    if (!open.ok || !kept.ok) throw new Error('the replay does not verify');
    expect(open.hashes).toEqual(rec.checkpoints.map((c) => c.hash));
    expect(kept.hashes).toEqual(open.hashes);
    expect(kept.states.map(fullStateHash)).toEqual(states.map(fullStateHash));
    for (const s of kept.states) expect(Object.isFrozen(s) && Object.isFrozen(s.players) && Object.isFrozen(s.proposals)).toBe(true);
  });
});
