// The facilitator's early end (a class out of time): the game ends when the current turn
// resolves, scored as a last turn is, and every player is told. Games without it keep the
// hashes they had before it existed (the golden replays check that too).
import { describe, expect, it } from 'vitest';
import { autoplay } from '../../src/ai/autoplay';
import { runBots } from '../../src/ai/driver';
import { applyAction, gameStatus, legalActions, newGame, stateHash, viewFor, type GameState } from '../../src/sim/index';
import { makeReplay, verifyReplay } from '../../src/sim/replay';
import { levelFile } from './fixtures';

const tutorial = levelFile('levels/tutorial.json');
const END = { type: 'endEarly', player: 'facilitator' } as const;

function apply(s: GameState, action: unknown): GameState {
  const r = applyAction(tutorial, s, action as never);
  if (!r.ok) throw new Error(r.error);
  return r.state;
}

/** Bots in every seat up to the start of turn `turn`. */
function atTurn(turn: number, seed = 'early-1'): GameState {
  let s = newGame(tutorial, { seed });
  while (s.turn < turn) s = runBots(tutorial, s, { stopWhen: (x) => x.turn >= turn || x.phase === 'ended' });
  return s;
}

describe('ending the game early', () => {
  it('ends it when the current turn resolves, with final scores, agendas and the standings', () => {
    const s3 = atTurn(3);
    expect(s3.turn).toBe(3);
    const ending = apply(s3, END);
    expect(gameStatus(tutorial, ending).lastTurn).toBe(3);
    const seen = viewFor(tutorial, ending, tutorial.states[0].id);
    expect(seen).toMatchObject({ turns: 3, endsEarly: true });
    // Every player is told, in this turn's log.
    expect(seen.log[3].some((e) => /The facilitator ends the game when turn 3 resolves/.test(e.text))).toBe(true);
    const done = runBots(tutorial, ending);
    expect(done.phase).toBe('ended');
    expect(done.turn).toBe(3);
    expect(done.history.map((r) => r.turn)).toEqual([1, 2, 3]);
    const end = viewFor(tutorial, done, 'public');
    expect(end).toMatchObject({ phase: 'ended', turns: 3, endsEarly: true });
    // Scored as a last turn is: the agendas are judged and counted in the final score.
    for (const st of end.states) {
      expect(st.agenda, 'every agenda is revealed at the end').not.toBeNull();
      const q = end.scoreParts![st.id];
      expect(q.headStart + q.prosperity + q.stability + q.reputation + q.agenda).toBe(st.score);
    }
    expect(end.winners.length).toBeGreaterThan(0);
  });

  it('is the facilitator’s alone, once, and not on the last turn', () => {
    const s = atTurn(2);
    expect(applyAction(tutorial, s, { type: 'endEarly', player: tutorial.states[0].id } as never)).toEqual({ ok: false, error: 'only the facilitator can end the game early' });
    expect(applyAction(tutorial, s, { ...END, turn: 3 } as never)).toEqual({ ok: false, error: 'unexpected field "turn" in an endEarly action' });
    const ending = apply(s, END);
    expect(applyAction(tutorial, ending, END)).toEqual({ ok: false, error: 'the game already ends when turn 2 resolves' });
    expect(legalActions(tutorial, s, 'facilitator')).toContainEqual(END);
    expect(legalActions(tutorial, ending, 'facilitator')).not.toContainEqual(END);
    const last = atTurn(tutorial.turns);
    expect(applyAction(tutorial, last, END)).toEqual({ ok: false, error: `turn ${tutorial.turns} is the last turn already: the game ends when it resolves` });
    expect(legalActions(tutorial, last, 'facilitator')).not.toContainEqual(END);
  });

  it('is recorded: the replay of an early-ended game verifies, and a game without it keeps its hashes', () => {
    const s = apply(atTurn(2, 'early-2'), END);
    const done = runBots(tutorial, s);
    expect(done.phase).toBe('ended');
    // Rebuild the record: the bots' moves, with the facilitator's action where it was made.
    const plain = autoplay(tutorial, { seed: 'early-2' });
    const before = plain.actions.filter((a) => a.turn < 2);
    let t = newGame(tutorial, { seed: 'early-2' });
    for (const a of before) t = apply(t, a.action);
    t = apply(t, END);
    const actions: { turn: number; action: never }[] = [...before.map((a) => ({ turn: a.turn, action: a.action as never })), { turn: 2, action: END as never }];
    const rest: { turn: number; action: never }[] = [];
    t = runBots(tutorial, t, { onAction: (e) => rest.push({ turn: e.turn, action: e.action as never }) });
    expect(stateHash(t)).toBe(stateHash(done));
    const states: GameState[] = [];
    let u = newGame(tutorial, { seed: 'early-2' });
    states.push(u);
    for (const a of [...actions, ...rest]) {
      const next = apply(u, a.action);
      if (next.turn !== u.turn || next.phase === 'ended') states.push(next);
      u = next;
    }
    const checkpoints = states.map((x, i) => ({ turn: i, hash: stateHash(x) }));
    const replay = makeReplay(tutorial, { seed: 'early-2', seats: done.seats, actions: [...actions, ...rest], checkpoints });
    const v = verifyReplay(tutorial, JSON.parse(JSON.stringify(replay)));
    expect(v.ok && v.turns).toBe(2);
    expect(v.ok && v.finalHash).toBe(stateHash(done));
    // Without the action, nothing in the state says there could be one.
    expect('endsAfter' in plain.state).toBe(false);
  });
});
