// Every payment the turn takes from a state is in that state's report, so its money adds
// up: the summit host's fee and a pact member's contribution were taken without a line.
import { describe, expect, it } from 'vitest';
import { ratifyDeals } from '../../src/sim/turn/ratify';
import { checkPacts } from '../../src/sim/turn/pacts';
import { newContext } from '../../src/sim/turn/context';
import { bound, forcedRng, loadTiny, makeState } from './fixtures';
import type { GameState } from '../../src/sim/types';

const level = loadTiny();
const entries = (s: GameState, step: string) => (s.log[s.turn] ?? []).filter((e) => e.step === step).map((e) => ({ text: e.text, to: e.to }));

describe('payments in the report', () => {
  it("the summit host's fee is a line for the host alone", () => {
    const s = makeState(level);
    bound(s, 'p1-1', 'alpha', ['alpha', 'beta'], { kind: 'summit', attendees: ['alpha', 'beta'] });
    ratifyDeals(level, s, forcedRng('never'), newContext());
    expect(entries(s, 'ratify')).toContainEqual({ text: `Alpha paid $${level.params.summitCost}M to host the summit.`, to: ['alpha'] });
  });

  it("each member's pact contribution is a line for that member alone", () => {
    const s = makeState(level);
    s.turn = 2;
    s.players.gamma.treasury = 4;
    s.pacts.push({ id: 'p1-1', members: ['alpha', 'beta', 'gamma'], contribution: 10, formedTurn: 1, endsTurn: 5 });
    checkPacts(level, s, forcedRng('never'));
    const lines = entries(s, 'pacts');
    expect(lines).toContainEqual({ text: 'Alpha paid $10M into the security pact of Alpha, Beta, Gamma.', to: ['alpha'] });
    expect(lines).toContainEqual({ text: 'Beta paid $10M into the security pact of Alpha, Beta, Gamma.', to: ['beta'] });
    // A short payment keeps its own line, which the members read: no second line for it.
    expect(lines.filter((l) => l.text.startsWith('Gamma'))).toEqual([{ text: 'Gamma paid $4M of its $10M pact contribution.', to: ['alpha', 'beta', 'gamma'] }]);
  });

  it('a pact with no contribution writes no payment line each turn', () => {
    const s = makeState(level);
    s.turn = 2;
    s.pacts.push({ id: 'p1-1', members: ['alpha', 'beta'], contribution: 0, formedTurn: 1, endsTurn: 5 });
    checkPacts(level, s, forcedRng('never'));
    expect(entries(s, 'pacts').filter((l) => / paid /.test(l.text))).toEqual([]);
  });
});
