// What the Orders panel says a state owes includes the fee of a summit it hosts that bound
// this turn: the host pays it in ratification, after its orders, so orders that spent it
// postponed the summit.
import { describe, expect, it } from 'vitest';
import { owedThisTurn } from '../../src/sim/obligations';
import { bound, loadTiny, makeState } from './fixtures';

const level = loadTiny();

describe('owedThisTurn and a summit', () => {
  it("counts the summit's fee for its host alone", () => {
    const s = makeState(level);
    bound(s, 'p1-1', 'alpha', ['alpha', 'beta'], { kind: 'summit', attendees: ['alpha', 'beta'] });
    expect(owedThisTurn(level, s, 'alpha')).toBe(level.params.summitCost);
    expect(owedThisTurn(level, s, 'beta')).toBe(0);
  });

  it('counts nothing for a summit that is not bound', () => {
    const s = makeState(level);
    bound(s, 'p1-1', 'alpha', ['alpha', 'beta'], { kind: 'summit', attendees: ['alpha', 'beta'] });
    s.proposals[0].status = 'rejected';
    expect(owedThisTurn(level, s, 'alpha')).toBe(0);
  });
});
