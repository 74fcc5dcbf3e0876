// The facilitator's own actions are in the record a debrief reads: a public line when every
// animosity is revealed, a facilitator-only line when an event is queued. Narration only:
// the same game played without narration gives the same checkpoint hashes, and its replay
// (reveal and inject included) verifies.
import { describe, expect, it } from 'vitest';
import { runBots } from '../../src/ai/driver';
import { applyAction, newGame, phaseOf, stateHash, viewFor, type Action, type GameState, type LoadedLevel } from '../../src/sim/index';
import { makeReplay, verifyReplay } from '../../src/sim/replay';
import { levelFile } from './fixtures';

const tutorial = levelFile('levels/tutorial.json');

/** A bot game in which the facilitator, at the start of turn 2, queues an event and reveals every animosity. */
function play(level: LoadedLevel, narrate: boolean, facilitator: Action[]) {
  let s: GameState = newGame(level, { seed: 'fac-log', narrate });
  const actions: { turn: number; action: Action }[] = [];
  const checkpoints = [{ turn: 0, hash: stateHash(s) }];
  for (let t = 1; t <= level.turns; t++) {
    if (t === 2) {
      for (const action of facilitator) {
        const r = applyAction(level, s, action);
        if (!r.ok) throw new Error(r.error);
        s = r.state;
        actions.push({ turn: t, action });
      }
    }
    s = runBots(level, s, { onAction: (e) => actions.push({ turn: e.turn, action: e.action }), stopWhen: (x) => phaseOf(x).phase === 'ended' || phaseOf(x).turn !== t });
    checkpoints.push({ turn: t, hash: stateHash(s) });
  }
  return { state: s, actions, checkpoints };
}

describe('the facilitator’s actions in the log', () => {
  const start = newGame(tutorial, { seed: 'fac-log' });
  const event = tutorial.events.find((e) => !start.news.includes(e.id))!;
  const facilitator: Action[] = [{ type: 'inject', player: 'facilitator', event: event.id }, { type: 'reveal', player: 'facilitator' }];
  const told = play(tutorial, true, facilitator);

  it('a public line for the reveal, a facilitator-only line for the queued event, in the turn they happened', () => {
    const entries = told.state.log[2].filter((e) => e.step === 'facilitator');
    expect(entries.map((e) => [e.text, e.to])).toEqual([
      [`The facilitator queued "${event.title}" for next turn's news.`, 'facilitator'],
      ['The facilitator revealed every animosity to all players.', 'all'],
    ]);
    const read = (v: 'public' | 'georgia' | 'facilitator') => viewFor(tutorial, told.state, v).log[2].map((e) => e.text);
    for (const v of ['public', 'georgia'] as const) {
      expect(read(v)).toContain('The facilitator revealed every animosity to all players.');
      expect(read(v).join('\n')).not.toContain('queued');
    }
    expect(read('facilitator')).toContain(`The facilitator queued "${event.title}" for next turn's news.`);
  });

  it('changes no state hash: the same game without narration has the same checkpoints, and its replay verifies', () => {
    const silent = play(tutorial, false, facilitator);
    expect(silent.actions).toEqual(told.actions);
    expect(silent.checkpoints).toEqual(told.checkpoints);
    const replay = makeReplay(tutorial, { seed: 'fac-log', seats: told.state.seats, actions: told.actions, checkpoints: told.checkpoints });
    const r = verifyReplay(tutorial, replay, { keepStates: true });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.states[2].log[2].map((e) => e.text)).toContain('The facilitator revealed every animosity to all players.');
  });
});
