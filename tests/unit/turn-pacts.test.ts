import { describe, expect, it } from 'vitest';
import { checkPacts, pairBreakChance } from '../../src/sim/turn/pacts';
import type { SecurityPact } from '../../src/sim/types';
import { forcedRng, loadTiny, makeState, texts } from './fixtures';

const level = loadTiny();
const pact = (extra: Partial<SecurityPact> = {}): SecurityPact => ({ id: 'p1-1', members: ['alpha', 'beta', 'gamma'], contribution: 10, formedTurn: 1, endsTurn: 5, ...extra });

describe('security pacts', () => {
  it('a pair breaks it with pactBreakPerPointBp per point of the higher direction above pactBreakThreshold', () => {
    const s = makeState(level);
    expect(pairBreakChance(level, s, 'alpha', 'beta').bp).toBe(0);
    s.animosity.beta.alpha = 72;
    expect(pairBreakChance(level, s, 'alpha', 'beta')).toEqual({ bp: 250 * 12, value: 72 });
  });

  it('collapses on one break: members\' mutual animosity +10, the pair named in public', () => {
    const s = makeState(level);
    s.turn = 2;
    s.animosity.gamma.beta = 80;
    s.pacts.push(pact());
    checkPacts(level, s, forcedRng('always'));
    expect(s.pacts).toEqual([]);
    expect(s.animosity.alpha.beta).toBe(30);
    expect(s.animosity.gamma.beta).toBe(90);
    expect(texts(s, 2)[0]).toContain('Beta and Gamma fell out');
    expect(s.players.alpha.treasury).toBe(500); // no contribution from a collapsed pact
  });

  it('is not checked in the turn it was formed', () => {
    const s = makeState(level);
    s.animosity.gamma.beta = 100;
    s.pacts.push(pact());
    const rng = forcedRng('always');
    checkPacts(level, s, rng);
    expect(rng.asked).toEqual([]);
    expect(s.pacts.length).toBe(1);
  });

  it('a surviving pact collects contributions and gives +1 security', () => {
    const s = makeState(level);
    s.turn = 2;
    s.players.gamma.treasury = 4;
    s.pacts.push(pact());
    checkPacts(level, s, forcedRng('never'));
    expect(s.players.alpha).toMatchObject({ treasury: 490, security: 21 });
    expect(s.players.gamma).toMatchObject({ treasury: 0, security: 21, reputation: 48 });
    expect(s.pacts.length).toBe(1);
  });

  it('ends as agreed after its last turn', () => {
    const s = makeState(level);
    s.turn = 5;
    s.pacts.push(pact());
    checkPacts(level, s, forcedRng('never'));
    expect(s.pacts).toEqual([]);
    expect(s.players.alpha.treasury).toBe(490);
    expect(texts(s, 5).some((t) => t.includes('ends as agreed'))).toBe(true);
  });
});
