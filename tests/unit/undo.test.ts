// Undo only until new information is revealed (src/sim/undo.ts), on the shipped tutorial
// level: two human seats (Kazakhstan, Azerbaijan) and a bot (Georgia).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runBots } from '../../src/ai/index';
import { applyAction, emptyOrders, gameStatus, hashValue, newGame, parseLevelText, type Action, type GameState, type LoadedLevel } from '../../src/sim/index';
import { undoBlock, undoRefusal, undoable, type UndoStep } from '../../src/sim/undo';

function tutorial(): LoadedLevel {
  const r = parseLevelText(readFileSync('levels/tutorial.json', 'utf8'));
  if (!r.ok) throw new Error('tutorial level does not load');
  return r.level;
}

/** A game as the browser runs it: every action recorded with undoBlock's verdict, bots after each human move. */
class Table {
  state: GameState;
  steps: UndoStep[] = [];
  constructor(readonly level: LoadedLevel, readonly seats: Record<string, 'human' | 'bot'>) {
    this.state = newGame(level, { seed: 'undo-test', seats });
    this.bots();
  }
  private bots(): void {
    this.state = runBots(this.level, this.state, {
      onAction: (e) => this.steps.push({ action: e.action, block: 'bot' }),
    });
  }
  act(action: Action): void {
    const r = applyAction(this.level, this.state, action);
    if (!r.ok) throw new Error(r.error);
    this.steps.push({ action, block: undoBlock(this.level, this.state, r.state, action) });
    this.state = r.state;
    this.bots();
  }
  /** Event-sourced: the state after all but the last `n` actions, rebuilt from the seed. */
  rebuilt(n: number): GameState {
    let s = newGame(this.level, { seed: 'undo-test', seats: this.seats });
    for (const step of this.steps.slice(0, this.steps.length - n)) {
      const r = applyAction(this.level, s, step.action);
      if (!r.ok) throw new Error(r.error);
      s = r.state;
    }
    return s;
  }
}

const seats = { kazakhstan: 'human', azerbaijan: 'human', georgia: 'bot' } as const;
const pact = (player: string, members: string[]): Action => ({ type: 'propose', player, terms: { kind: 'securityPact', members, contribution: 5, duration: 2 } });

describe('undo', () => {
  const level = tutorial();

  it('allows taking back an unanswered proposal to a human, and the rebuilt state is the one before it', () => {
    const t = new Table(level, seats);
    expect(gameStatus(level, t.state).waitingFor).toContain('kazakhstan');
    const before = hashValue(t.state);
    const start = t.state;
    t.act(pact('kazakhstan', ['kazakhstan', 'azerbaijan']));
    expect(undoRefusal(level, t.steps, 'kazakhstan')).toBeNull();
    expect(undoable(level, start, t.state, t.steps[t.steps.length - 1].action)).toBe(true);
    // Only the proposer may take it back.
    expect(undoRefusal(level, t.steps, 'azerbaijan')).toMatch(/Kazakhstan has acted since|not acted/);
    expect(hashValue(t.rebuilt(1))).toBe(before);
  });

  it('allows taking back several own actions in a row, one at a time', () => {
    const t = new Table(level, seats);
    t.act(pact('kazakhstan', ['kazakhstan', 'azerbaijan']));
    t.act({ type: 'propose', player: 'kazakhstan', terms: { kind: 'summit', attendees: ['kazakhstan', 'azerbaijan'] } });
    expect(undoRefusal(level, t.steps, 'kazakhstan')).toBeNull();
    expect(undoRefusal(level, t.steps.slice(0, -1), 'kazakhstan')).toBeNull();
  });

  it('refuses once a bot has answered the proposal', () => {
    const t = new Table(level, seats);
    const n = t.steps.length;
    t.act(pact('kazakhstan', ['kazakhstan', 'georgia']));
    // Georgia (a bot) answered at once: that answer is news to Kazakhstan.
    expect(t.steps.length).toBeGreaterThan(n + 1);
    expect(t.steps[t.steps.length - 1].action).toMatchObject({ type: 'respond', player: 'georgia' });
    expect(undoRefusal(level, t.steps, 'kazakhstan')).toBe('Georgia has acted since');
  });

  it('refuses across the change from diplomacy to orders', () => {
    const t = new Table(level, { kazakhstan: 'human', azerbaijan: 'bot', georgia: 'bot' });
    // Answer whatever the bots proposed, then finish diplomacy: the phase changes.
    for (let guard = 0; guard < 20 && t.state.phase === 'diplomacy'; guard++) {
      const open = t.state.proposals.find((p) => p.turn === t.state.turn && p.status === 'open' && p.responses.kazakhstan === 'pending');
      t.act(open ? { type: 'respond', player: 'kazakhstan', proposal: open.id, accept: false } : { type: 'endDiplomacy', player: 'kazakhstan' });
    }
    expect(t.state.phase).toBe('orders');
    // The bots gave their orders at once; the action that closed diplomacy stays refused on its own terms too.
    const i = t.steps.findIndex((s) => s.action.player === 'kazakhstan' && s.action.type === 'endDiplomacy');
    expect(t.steps[i].block).toBe('diplomacy has closed and orders have begun');
    expect(undoRefusal(level, t.steps.slice(0, i + 1), 'kazakhstan')).toBe('diplomacy has closed and orders have begun');
    if (t.steps.length > i + 1) expect(undoRefusal(level, t.steps, 'kazakhstan')).toMatch(/has acted since/);
  });

  it('refuses across a resolution (the dice have been rolled)', () => {
    const t = new Table(level, { kazakhstan: 'human', azerbaijan: 'bot', georgia: 'bot' });
    for (let guard = 0; guard < 20 && t.state.phase === 'diplomacy'; guard++) {
      const open = t.state.proposals.find((p) => p.turn === t.state.turn && p.status === 'open' && p.responses.kazakhstan === 'pending');
      t.act(open ? { type: 'respond', player: 'kazakhstan', proposal: open.id, accept: true } : { type: 'endDiplomacy', player: 'kazakhstan' });
    }
    expect(t.state.turn).toBe(1);
    t.act({ type: 'submitOrders', player: 'kazakhstan', orders: emptyOrders() });
    expect(t.state.turn).toBe(2);
    const turnTwoBots = t.steps.filter((s) => s.block === 'bot' && s.action.player !== 'kazakhstan');
    expect(turnTwoBots.length).toBeGreaterThan(0);
    // Whatever the bots did at the start of turn 2, the orders themselves cannot come back.
    const i = t.steps.findIndex((s) => s.action.type === 'submitOrders' && s.action.player === 'kazakhstan');
    expect(t.steps[i].block).toBe('the turn has been resolved since');
    expect(undoRefusal(level, t.steps.slice(0, i + 1), 'kazakhstan')).toBe('the turn has been resolved since');
  });

  it('allows taking back an answer to a proposal while no one has acted since', () => {
    const t = new Table(level, seats);
    t.act(pact('kazakhstan', ['kazakhstan', 'azerbaijan']));
    t.act({ type: 'endDiplomacy', player: 'kazakhstan' });
    // Azerbaijan's screen now: it answers, and may change its mind.
    const p = t.state.proposals.find((x) => x.from === 'kazakhstan' && x.status === 'open')!;
    t.act({ type: 'respond', player: 'azerbaijan', proposal: p.id, accept: true });
    const last = t.steps[t.steps.length - 1];
    expect(last.action.player).toBe('azerbaijan');
    expect(undoRefusal(level, t.steps, 'azerbaijan')).toBeNull();
    // Kazakhstan's earlier actions are out of reach now: Azerbaijan has acted.
    expect(undoRefusal(level, t.steps, 'kazakhstan')).not.toBeNull();
  });

  it('never lets the facilitator take back a reveal', () => {
    const t = new Table(level, seats);
    const before = t.state;
    const action: Action = { type: 'reveal', player: 'facilitator' };
    const r = applyAction(level, before, action);
    expect(r.ok).toBe(true);
    if (r.ok) expect(undoBlock(level, before, r.state, action)).toMatch(/facilitator/);
  });
});
