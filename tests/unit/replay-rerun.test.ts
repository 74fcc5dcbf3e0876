// rerunOnLevel: a save recorded on another version of a level, continued on this one. It
// keeps the recorded moves this version accepts, in order, and stops at the first it refuses.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyAction, newGame, parseLevelText, stateHash, type Action, type GameState, type LoadedLevel } from '../../src/sim/index';
import { rerunOnLevel, type Replay } from '../../src/sim/replay';
import { botReplay } from './fixtures';

const TEXT = readFileSync('levels/tutorial.json', 'utf8');

interface LevelJson { turns: number; params: { headStart: Record<string, number> } }

function variant(change: (d: LevelJson) => void): LoadedLevel {
  const d = JSON.parse(TEXT);
  change(d);
  const r = parseLevelText(JSON.stringify(d));
  if (!r.ok) throw new Error(`variant does not load: ${r.findings.map((f) => f.message).join('; ')}`);
  return r.level;
}

function recorded(level: LoadedLevel, seed: string): Replay {
  return botReplay(level, seed).replay;
}

/** The state after applying `actions` one by one with applyAction (each must be accepted). */
function applyAll(level: LoadedLevel, replay: Replay, actions: Replay['actions']): GameState {
  let s = newGame(level, { seed: replay.seed, seats: replay.seats });
  for (const a of actions) {
    const r = applyAction(level, s, a.action as unknown as Action);
    if (!r.ok) throw new Error(r.error);
    s = r.state;
  }
  return s;
}

const original = parseLevelText(TEXT);
if (!original.ok) throw new Error('tutorial does not load');
const today = original.level;

describe('rerunOnLevel', () => {
  it('replays every move of a save whose level only changed a figure, on the changed level', () => {
    const before = variant((d) => (d.params.headStart.georgia = 5)); // the version the save was made on
    expect(before.hash).not.toBe(today.hash);
    const replay = recorded(before, 'rerun-1');
    const r = rerunOnLevel(today, replay);
    if (!r.ok) throw new Error(r.error);
    // A head start changes scores, never which moves are legal: every move stands.
    expect(r.stopped).toBeNull();
    expect(r.actions).toEqual(replay.actions);
    expect(r.turns).toBe(today.turns);
    // The same game as playing those moves on today's level, whose hash is not the recorded one.
    const s = applyAll(today, replay, r.actions);
    expect(s.phase).toBe('ended');
    expect(stateHash(s)).not.toBe(replay.checkpoints[replay.checkpoints.length - 1].hash);
  });

  it('stops at the first move the other version does not reach, and keeps the moves before it', () => {
    // One turn longer: every pledge the bots make on it (never longer than the turns left)
    // is legal on the shorter one too, so the game's end is the first move not reached.
    const longer = variant((d) => (d.turns = 6));
    const shorter = variant((d) => (d.turns = 5));
    const replay = recorded(longer, 'rerun-2');
    const r = rerunOnLevel(shorter, replay);
    if (!r.ok) throw new Error(r.error);
    expect(r.turns).toBe(5);
    const first6 = replay.actions.findIndex((a) => a.turn === 6);
    expect(r.stopped).toEqual({ index: first6, turn: 6, error: 'on this version the game ended before it' });
    expect(r.actions).toEqual(replay.actions.slice(0, first6));
    expect(applyAll(shorter, replay, r.actions).phase).toBe('ended');
  });

  it('stops at a move the rules refuse, with the rules\' reason, and the moves before it stand', () => {
    const replay = recorded(today, 'rerun-3');
    // Tamper with one submitted order: invest in a segment that does not exist.
    const at = replay.actions.findIndex((a) => a.turn === 2 && (a.action as { type: string }).type === 'submitOrders');
    const bad = structuredClone(replay);
    (bad.actions[at].action as { orders: { invest: unknown[] } }).orders.invest = [{ segment: 'no-such-segment', amount: 10 }];
    const r = rerunOnLevel(today, bad);
    if (!r.ok) throw new Error(r.error);
    expect(r.actions).toEqual(bad.actions.slice(0, at));
    expect(r.stopped?.index).toBe(at);
    expect(r.stopped?.turn).toBe(2);
    const s = applyAll(today, bad, r.actions);
    const direct = applyAction(today, s, bad.actions[at].action as unknown as Action);
    expect(direct.ok).toBe(false);
    expect(r.stopped?.error).toBe(direct.ok ? '' : direct.error);
  });

  it('refuses a save of another level, and seats this level does not have, with a message', () => {
    const replay = recorded(today, 'rerun-4');
    expect(rerunOnLevel(today, { ...replay, level: { ...replay.level, id: 'middle-corridor' } })).toEqual({ ok: false, error: '$.level.id: the save is of level "middle-corridor", not "tutorial"' });
    const r = rerunOnLevel(today, { ...replay, seats: { ...replay.seats, armenia: 'human' } });
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error).toMatch(/^\$\.seats: /);
  });
});
