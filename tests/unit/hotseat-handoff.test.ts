// Hot-seat hand-offs in diplomacy (Controller): the seat on screen keeps the device until it
// has nothing left to do. A proposal to a seat earlier in the level's order took the device
// there to answer and back again: two hand-offs a proposal.
import { describe, expect, it } from 'vitest';
import { Controller } from '../../src/ui/controller';
import { levelFile } from './fixtures';

const tutorial = levelFile('levels/tutorial.json');
const seats = { kazakhstan: 'human', azerbaijan: 'bot', georgia: 'human' } as const;

/** Answers every proposal waiting for `who`; returns how many there were. */
function answerAll(c: Controller, who: 'kazakhstan' | 'georgia', accept: boolean): number {
  const owed = c.view(who).proposals.filter((x) => x.status === 'open' && x.responses[who] === 'pending');
  for (const p of owed) expect(c.dispatch({ type: 'respond', player: who, proposal: p.id, accept })).toEqual({ ok: true });
  return owed.length;
}

describe('hot-seat hand-offs', () => {
  it('a proposal to a seat that already had its turn waits for Georgia to finish; then the device goes once', () => {
    const c = new Controller({ level: tutorial, seed: 'handoff-1', seats: { ...seats } });
    const handOffs: string[] = [];
    const confirm = () => {
      expect(c.curtain).toBe(true);
      c.confirmCurtain();
      handOffs.push(c.shown!);
    };
    confirm();
    expect(c.shown).toBe('kazakhstan');
    // Kazakhstan answers whatever the bot put to it and ends diplomacy: the device goes to Georgia.
    answerAll(c, 'kazakhstan', false);
    expect(c.dispatch({ type: 'endDiplomacy', player: 'kazakhstan' })).toEqual({ ok: true });
    confirm();
    expect(c.shown).toBe('georgia');
    // Georgia proposes a summit to Kazakhstan and keeps the device.
    expect(c.dispatch({ type: 'propose', player: 'georgia', terms: { kind: 'summit', attendees: ['georgia', 'kazakhstan'] } })).toEqual({ ok: true });
    expect(c.curtain, 'Georgia is not done: no hand-off yet').toBe(false);
    expect(c.shown).toBe('georgia');
    expect(c.dispatch({ type: 'propose', player: 'georgia', terms: { kind: 'securityPact', members: ['georgia', 'kazakhstan'], contribution: 5, duration: 2 } })).toEqual({ ok: true });
    expect(c.shown).toBe('georgia');
    answerAll(c, 'georgia', false);
    expect(c.dispatch({ type: 'endDiplomacy', player: 'georgia' })).toEqual({ ok: true });
    // Now Kazakhstan answers both at its own turn with the device.
    confirm();
    expect(c.shown).toBe('kazakhstan');
    expect(answerAll(c, 'kazakhstan', true)).toBe(2);
    expect(c.status().phase).toBe('orders');
    expect(handOffs).toEqual(['kazakhstan', 'georgia', 'kazakhstan']);
  });
});
