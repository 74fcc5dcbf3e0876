// Saves are replays (format v2): migrateReplay and its version messages, the browser's
// autosave record (src/ui/controller.ts record()) through JSON and verifyReplay, resuming,
// forking with other seats, and undo rebuilt from the action list.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Controller } from '../../src/ui/controller';
import { applyAction, hashValue, newGame, stateHash, type Action, type GameState } from '../../src/sim/index';
import { FORMAT_1, REPLAY_VERSION, embeddedLevel, makeReplay, migrateReplay, parseReplay, parseReplayText, verifyReplay, type Replay } from '../../src/sim/replay';
import { levelFile } from './fixtures';


const tutorial = levelFile('levels/tutorial.json');

/** Plays the human seat on screen: answers every proposal with no, then ends diplomacy / gives empty orders. */
function playOne(c: Controller): void {
  if (c.curtain) c.confirmCurtain();
  const me = c.shown;
  if (!me) return;
  const v = c.view();
  const action: Action =
    v.phase === 'diplomacy'
      ? (() => {
          const p = v.proposals.find((x) => x.status === 'open' && x.responses[me] === 'pending');
          return p ? { type: 'respond', player: me, proposal: p.id, accept: false } : { type: 'endDiplomacy', player: me };
        })()
      : { type: 'submitOrders', player: me, orders: { invest: [], fees: {}, security: 0, intel: null } };
  const r = c.dispatch(action);
  if (!r.ok) throw new Error(r.error);
}

/** What the browser writes to localStorage after every action, read back. */
function throughStorage(c: Controller): unknown {
  return JSON.parse(JSON.stringify(c.record()));
}

describe('migrateReplay', () => {
  const current = JSON.parse(readFileSync('tests/golden/tutorial-golden-1.replay.json', 'utf8')) as Record<string, unknown>;
  // A version-1 file: the same game, its checkpoint hashes from the older definition.
  const v1 = { ...current, version: 1, checkpoints: (current.checkpoints as { turn: number; hash: string }[]).map((c) => ({ turn: c.turn, hash: `${c.hash.slice(8)}${c.hash.slice(0, 8)}` })) } as Record<string, unknown>;

  it('accepts the current version as it is', () => {
    const m = migrateReplay(current);
    expect(m.ok).toBe(true);
    if (m.ok) {
      expect(m.from).toBe(REPLAY_VERSION);
      expect(m.data).toEqual(current);
    }
    expect(REPLAY_VERSION).toBe(2);
  });

  it('migrates version 1: re-run action by action, its older hashes not compared, and says so', () => {
    const p = parseReplay(v1);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.replay.version).toBe(2);
    expect(p.replay.checkpointHash).toBe(FORMAT_1);
    const v = verifyReplay(tutorial, p.replay);
    expect(v).toMatchObject({ ok: true, turns: tutorial.turns, unchecked: true });
    // The hashes it reports are this version's: those of the same game as a version-2 file.
    const now = parseReplay(current);
    if (!now.ok) throw new Error(now.error);
    const w = verifyReplay(tutorial, now.replay);
    expect(w.ok && !('unchecked' in w)).toBe(true);
    if (v.ok && w.ok) expect(v.hashes).toEqual(w.hashes);
    // The actions are still checked: one the rules refuse is a divergence at its turn.
    const actions = (v1.actions as { turn: number; action: Record<string, unknown> }[]).map((a) => ({ ...a }));
    const k = actions.findIndex((a) => a.turn === 2 && a.action.type === 'submitOrders');
    actions[k] = { ...actions[k], action: { ...actions[k].action, orders: { invest: [], fees: {}, security: 10 ** 9, intel: null } } };
    const bad = parseReplay({ ...v1, actions });
    if (!bad.ok) throw new Error(bad.error);
    expect(verifyReplay(tutorial, bad.replay)).toMatchObject({ ok: false, kind: 'diverged', turn: 2 });
  });

  it('refuses version 3 with a message naming the version', () => {
    const m = migrateReplay({ ...current, version: 3 });
    expect(m).toEqual({ ok: false, error: '$.version: replay format version 3 is newer than this game understands (2); update Corridor' });
    // Loading goes through the same path and says the same.
    const p = parseReplay({ ...current, version: 3 });
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.error).toBe('$.version: replay format version 3 is newer than this game understands (2); update Corridor');
    const t = parseReplayText(JSON.stringify({ ...current, version: 7 }));
    expect(t.ok).toBe(false);
    if (!t.ok) expect(t.error).toMatch(/^\$\.version: replay format version 7 is newer than this game understands \(2\); update Corridor \(line 1, column \d+\)$/);
  });

  it('refuses unknown formats and versions that never existed', () => {
    expect(migrateReplay({ format: 'corridor-state', version: 1 })).toEqual({ ok: false, error: '$.format: this is not a Corridor replay (expected "corridor-replay", found "corridor-state")' });
    expect(migrateReplay([1, 2])).toMatchObject({ ok: false, error: expect.stringMatching(/^\$: this is not a Corridor replay/) });
    for (const version of [0, -1, 1.5, '1', null]) {
      const m = migrateReplay({ ...v1, version });
      expect(m.ok).toBe(false);
      if (!m.ok) expect(m.error).toMatch(/^\$\.version: expected a replay format version \(a whole number from 1 to 2\), found /);
    }
    expect(migrateReplay({ ...v1, seats: JSON.parse('{"__proto__": {"x": 1}}') })).toMatchObject({ ok: false, error: expect.stringContaining('$.seats.__proto__') });
  });

  it('runs the migration chain one version at a time (a made-up v1 -> v2 step)', () => {
    const toV2 = (d: Record<string, unknown>) => ({ ...d, version: 2, note: `from ${String(d.version)}` });
    const m = migrateReplay(v1, [toV2], 2);
    expect(m).toMatchObject({ ok: true, from: 1, data: { version: 2, note: 'from 1', seed: v1.seed } });
    // With v2 current, v2 passes as it is and v3 is refused by name.
    expect(migrateReplay({ ...v1, version: 2 }, [toV2], 2)).toMatchObject({ ok: true, from: 2 });
    expect(migrateReplay({ ...v1, version: 3 }, [toV2], 2)).toMatchObject({ ok: false, error: expect.stringContaining('version 3 is newer than this game understands (2)') });
    // A gap in the chain is named, not skipped.
    expect(migrateReplay(v1, [], 2)).toEqual({ ok: false, error: '$.version: replay format version 1 cannot be migrated (no migration to version 2)' });
  });

  it('never throws, whatever the input', () => {
    for (const x of [undefined, null, 0, 'x', [], {}, { format: 'corridor-replay' }, { format: 'corridor-replay', version: 1e999 }]) {
      expect(() => migrateReplay(x)).not.toThrow();
      expect(migrateReplay(x).ok).toBe(false);
    }
  });
});

describe('the autosave record (a replay)', () => {
  it('round-trips through JSON and verifies, mid-turn, with the live hash', () => {
    const c = new Controller({ level: tutorial, seed: 'autosave', seats: { kazakhstan: 'human', azerbaijan: 'bot', georgia: 'bot' } });
    for (let i = 0; i < 7; i++) playOne(c);
    const stored = throughStorage(c);
    const p = parseReplay(stored);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.replay.level).toEqual({ id: 'tutorial', hash: tutorial.hash }); // shipped: not embedded
    const v = verifyReplay(tutorial, p.replay);
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.finalHash).toBe(c.hash);
    expect(v.turns).toBe(c.checkpoints.length - 1);
    // The record holds no GameState: only the inputs and the hashes.
    expect(JSON.stringify(stored)).not.toContain('"rng"');
    expect(JSON.stringify(stored)).not.toContain('animosity');
  });

  it('resumes with nothing lost: same hash, same actions, same checkpoints', () => {
    const seats = { kazakhstan: 'human', azerbaijan: 'bot', georgia: 'bot' } as const;
    const c = new Controller({ level: tutorial, seed: 'resume', seats });
    for (let i = 0; i < 9; i++) playOne(c);
    const r = parseReplay(throughStorage(c));
    if (!r.ok) throw new Error(r.error);
    const again = new Controller({ level: tutorial, seed: r.replay.seed, seats: r.replay.seats }, { history: r.replay.actions as never, id: c.id });
    expect(again.hash).toBe(c.hash);
    expect(again.actions).toEqual(c.actions);
    expect(again.checkpoints).toEqual(c.checkpoints);
    expect(again.id).toBe(c.id);
    expect(again.status()).toEqual(c.status());
  });

  it('brings a hot-seat game back behind the curtain', () => {
    const c = new Controller({ level: tutorial, seed: 'hotseat', seats: { kazakhstan: 'human', azerbaijan: 'human', georgia: 'bot' } });
    playOne(c);
    expect(c.curtain || c.shown !== null).toBe(true);
    if (c.curtain) c.confirmCurtain();
    expect(c.shown).not.toBeNull();
    const r = parseReplay(throughStorage(c));
    if (!r.ok) throw new Error(r.error);
    const again = new Controller({ level: tutorial, seed: r.replay.seed, seats: r.replay.seats }, { history: r.replay.actions as never });
    expect(again.curtain).toBe(true);
    expect(again.shown).toBeNull();
    expect(again.viewer()).toBe('public');
    expect(again.hash).toBe(c.hash);
  });

  it('embeds a level that is not shipped, and the embedded copy verifies', () => {
    const mod = levelFile('tests/levels-modding/tutorial-from-docs.json');
    const c = new Controller({ level: mod, seed: 'mod', seats: { [mod.states[0].id]: 'human' }, embedLevel: true });
    for (let i = 0; i < 4; i++) playOne(c);
    const r = parseReplayText(JSON.stringify(c.record()));
    if (!r.ok) throw new Error(r.error);
    const e = embeddedLevel(r.replay);
    expect(e?.ok).toBe(true);
    if (!e?.ok) return;
    const v = verifyReplay(e.level, r.replay);
    expect(v).toMatchObject({ ok: true, finalHash: c.hash });
  });

  it('a tampered save is refused at the turn it belongs to', () => {
    const c = new Controller({ level: tutorial, seed: 'tamper', seats: { kazakhstan: 'human' } });
    for (let i = 0; i < 12; i++) playOne(c);
    const rec = throughStorage(c) as Replay;
    expect(rec.checkpoints.length).toBeGreaterThan(2);
    rec.checkpoints[2].hash = '0123456789abcdef';
    const p = parseReplay(rec);
    if (!p.ok) throw new Error(p.error);
    const v = verifyReplay(tutorial, p.replay);
    expect(v).toMatchObject({ ok: false, kind: 'diverged', turn: 2 });
    if (!v.ok) expect(v.message).toMatch(/^diverged at turn 2: expected 0123456789abcdef, got [0-9a-f]{16}$/);
  });
});

describe('what-if forks', () => {
  /** Everything but the seats. */
  const withoutSeats = (s: GameState) => ({ ...s, seats: null });

  it('newGame and the rules depend on the seats only through state.seats', () => {
    const a = newGame(tutorial, { seed: 'fork', seats: { kazakhstan: 'human' } });
    const b = newGame(tutorial, { seed: 'fork', seats: { azerbaijan: 'human', georgia: 'human' } });
    expect(hashValue(withoutSeats(a))).toBe(hashValue(withoutSeats(b)));
    // The same actions give the same game under other seats.
    const c = new Controller({ level: tutorial, seed: 'fork', seats: { kazakhstan: 'human' } });
    for (let i = 0; i < 10; i++) playOne(c);
    let sa: GameState = a;
    let sb: GameState = b;
    for (const { action } of c.actions) {
      const ra = applyAction(tutorial, sa, action);
      const rb = applyAction(tutorial, sb, action);
      if (!ra.ok || !rb.ok) throw new Error('refused');
      sa = ra.state;
      sb = rb.state;
    }
    expect(hashValue(withoutSeats(sa))).toBe(hashValue(withoutSeats(sb)));
    expect(stateHash(sa)).toBe(c.hash);
  });

  it('a fork keeps the actions up to its turn, records its new seats, and verifies', () => {
    const c = new Controller({ level: tutorial, seed: 'fork-2', seats: { kazakhstan: 'bot', azerbaijan: 'bot', georgia: 'bot' } });
    expect(c.ended).toBe(true); // bots only: the whole game at once
    const original = makeReplay(tutorial, { seed: 'fork-2', seats: c.setup.seats, actions: c.actions, checkpoints: c.checkpoints });
    const states = verifyReplay(tutorial, original, { keepStates: true });
    if (!states.ok) throw new Error(states.message);
    const turn = 3;
    const history = original.actions.filter((a) => a.turn <= turn);
    const seats = { kazakhstan: 'human', azerbaijan: 'human', georgia: 'bot' } as const;
    const fork = new Controller({ level: tutorial, seed: 'fork-2', seats }, { history: history as never });
    expect(fork.status().turn).toBe(turn + 1);
    expect(fork.actions.slice(0, history.length)).toEqual(history);
    const rec = fork.record();
    expect(rec.seats).toEqual(seats);
    expect(verifyReplay(tutorial, rec)).toMatchObject({ ok: true, finalHash: fork.hash });
    // Only the seats differ from the original game at the fork point.
    const forkState = verifyReplay(tutorial, { ...rec, actions: rec.actions.slice(0, history.length), checkpoints: rec.checkpoints.slice(0, turn + 1) }, { keepStates: true });
    if (!forkState.ok) throw new Error(forkState.message);
    expect(hashValue(withoutSeats(forkState.states[turn]))).toBe(hashValue(withoutSeats(states.states[turn])));
  });
});

describe('undo in the browser controller', () => {
  it('takes back an unanswered proposal to a human by re-running the actions, and refuses after a bot answer', () => {
    const c = new Controller({ level: tutorial, seed: 'undo-ui', seats: { kazakhstan: 'human', azerbaijan: 'human', georgia: 'bot' } });
    c.confirmCurtain();
    expect(c.shown).toBe('kazakhstan');
    const before = c.hash;
    const n = c.actions.length;
    expect(c.undoRefusal()).not.toBeNull(); // Georgia (a bot) acted last
    expect(c.dispatch({ type: 'propose', player: 'kazakhstan', terms: { kind: 'securityPact', members: ['kazakhstan', 'azerbaijan'], contribution: 5, duration: 2 } }).ok).toBe(true);
    expect(c.undoRefusal()).toBeNull();
    expect(c.undo()).toEqual({ ok: true });
    expect(c.hash).toBe(before);
    expect(c.actions.length).toBe(n);
    expect(c.shown).toBe('kazakhstan');
    expect(c.dispatch({ type: 'propose', player: 'kazakhstan', terms: { kind: 'securityPact', members: ['kazakhstan', 'georgia'], contribution: 5, duration: 2 } }).ok).toBe(true);
    expect(c.undoRefusal()).toBe('Georgia has acted since');
    expect(c.undo()).toEqual({ ok: false, error: 'cannot undo: Georgia has acted since' });
  });
});
