import { describe, expect, it } from 'vitest';
import { newContext } from '../../src/sim/turn/context';
import { ratifyDeals, ratifyFailChance } from '../../src/sim/turn/ratify';
import { bound, forcedRng, loadTiny, makeState, texts, tinyLevelData } from './fixtures';

const level = loadTiny();

describe('ratification', () => {
  it('fails with ratifyFailPerAnimosityBp per point of mean mutual animosity above 20, capped at 9000', () => {
    const s = makeState(level);
    expect(ratifyFailChance(level, s, ['alpha', 'gamma'])).toBe(0);
    expect(ratifyFailChance(level, s, ['beta', 'delta'])).toBe(600);
    s.animosity.alpha.gamma = 100;
    s.animosity.gamma.alpha = 60;
    expect(ratifyFailChance(level, s, ['alpha', 'gamma'])).toBe(60 * 60);
    const data = tinyLevelData();
    data.params = { ratifyFailPerAnimosityBp: 1000 };
    expect(ratifyFailChance(loadTiny(data), s, ['alpha', 'gamma'])).toBe(9000);
  });

  it('a failed deal has no effect and tells parties and facilitator why', () => {
    const s = makeState(level);
    bound(s, 'p1-1', 'beta', ['beta', 'delta'], { kind: 'securityPact', members: ['beta', 'delta'], contribution: 5, duration: 3 });
    ratifyDeals(level, s, forcedRng('always'), newContext());
    expect(s.proposals[0].status).toBe('failed');
    expect(s.pacts).toEqual([]);
    const e = s.log[1].find((x) => x.step === 'ratify')!;
    expect(e.to).toBe('all');
    expect(e.causes.map((c) => c.to)).toEqual([['beta', 'delta'], 'facilitator']);
    expect(e.causes[1].text).toContain('failure chance 6% = ');
  });

  it('a segment deal collects shares of the remaining cost, pennies to the largest share', () => {
    const s = makeState(level);
    bound(s, 'p1-1', 'alpha', ['alpha', 'beta', 'gamma'], { kind: 'segmentDeal', segment: 's-new', shares: { alpha: 3333, beta: 3333, gamma: 3334 }, feeCap: 'low' });
    ratifyDeals(level, s, forcedRng('never'), newContext());
    expect(s.proposals[0].status).toBe('ratified');
    expect(s.segments['s-new'].funded).toBe(80);
    expect([s.players.alpha.treasury, s.players.beta.treasury, s.players.gamma.treasury]).toEqual([474, 474, 472]);
    expect(s.segments['s-new'].cofunders).toEqual(['alpha', 'beta']);
    expect(s.segments['s-new'].feeCap).toBe('low');
    expect(s.players.gamma.fees['s-new']).toBe('low');
    // kept deal: -2 both ways between every pair
    expect(s.animosity.alpha.gamma).toBe(18);
    expect(s.animosity.gamma.beta).toBe(18);
  });

  it('a share the treasury cannot cover is a broken promise', () => {
    const s = makeState(level);
    s.players.alpha.treasury = 10;
    bound(s, 'p1-1', 'alpha', ['alpha', 'gamma'], { kind: 'segmentDeal', segment: 's-new', shares: { alpha: 5000, gamma: 5000 }, feeCap: 'standard' });
    ratifyDeals(level, s, forcedRng('never'), newContext());
    expect(s.segments['s-new'].funded).toBe(50);
    expect(s.players.alpha.treasury).toBe(0);
    expect(s.players.alpha.reputation).toBe(45);
    expect(s.animosity.gamma.alpha).toBe(28);
    expect(s.animosity.alpha.gamma).toBe(20); // no kept-deal bonus with the one who broke it
    expect(texts(s).some((t) => t.includes('paid $10M of the $40M'))).toBe(true);
  });

  it('a security pact starts this turn for duration turns and marks its members', () => {
    const s = makeState(level);
    s.turn = 3;
    bound(s, 'p3-1', 'beta', ['alpha', 'beta'], { kind: 'securityPact', members: ['alpha', 'beta'], contribution: 5, duration: 4 });
    ratifyDeals(level, s, forcedRng('never'), newContext());
    expect(s.pacts).toEqual([{ id: 'p3-1', members: ['alpha', 'beta'], contribution: 5, formedTurn: 3, endsTurn: 6 }]);
    expect(s.players.alpha.joinedPact).toBe(true);
    expect(s.players.beta.pactPartners).toEqual(['alpha']);
  });

  it('a power pledge becomes one pledge per pledger', () => {
    const s = makeState(level);
    bound(s, 'p1-1', 'alpha', ['alpha', 'beta'], { kind: 'powerPledge', stage: 'pw1', perTurn: 20, turns: 3, pledgers: ['alpha', 'beta'] });
    ratifyDeals(level, s, forcedRng('never'), newContext());
    expect(s.pledges.map((p) => [p.id, p.state, p.turnsLeft, p.perTurn])).toEqual([
      ['p1-1:alpha', 'alpha', 3, 20],
      ['p1-1:beta', 'beta', 3, 20],
    ]);
  });

  it('a peace step moves the track one stage and spares it this turn\'s fall-back check', () => {
    const s = makeState(level);
    const ctx = newContext();
    bound(s, 'p1-1', 'beta', ['beta', 'delta', 'gamma'], { kind: 'peaceStep' });
    ratifyDeals(level, s, forcedRng('never'), ctx);
    expect(s.peaceStage).toBe(1);
    expect(ctx.peaceMoved).toBe(true);
  });

  it('a summit costs the host summitCost; each attendee pair warms by 4 or, by chance, sours by 6', () => {
    const warm = makeState(level);
    bound(warm, 'p1-1', 'alpha', ['alpha', 'beta'], { kind: 'summit', attendees: ['alpha', 'beta'] });
    ratifyDeals(level, warm, forcedRng('never'), newContext());
    expect(warm.players.alpha.treasury).toBe(480);
    expect([warm.animosity.alpha.beta, warm.animosity.beta.alpha]).toEqual([16, 16]);
    expect(warm.animosityLog.every((c) => c.cause === 'summit')).toBe(true);

    const sour = makeState(level);
    bound(sour, 'p1-1', 'alpha', ['alpha', 'beta'], { kind: 'summit', attendees: ['alpha', 'beta'] });
    const rng = forcedRng('always');
    ratifyDeals(level, sour, rng, newContext());
    // ratification roll at 0 bp is no draw; then one per ordered pair at 60 x 20 / 2 = 600 bp
    expect(rng.asked).toEqual([0, 600, 600]);
    expect([sour.animosity.alpha.beta, sour.animosity.beta.alpha]).toEqual([26, 26]);
  });

  it('a summit whose host cannot pay is postponed', () => {
    const s = makeState(level);
    s.players.alpha.treasury = 5;
    bound(s, 'p1-1', 'alpha', ['alpha', 'beta'], { kind: 'summit', attendees: ['alpha', 'beta'] });
    ratifyDeals(level, s, forcedRng('never'), newContext());
    expect(s.proposals[0].status).toBe('failed');
    expect(s.players.alpha.treasury).toBe(5);
  });

  it('leaves proposals that are not bound alone', () => {
    const s = makeState(level);
    bound(s, 'p1-1', 'alpha', ['alpha', 'beta'], { kind: 'summit', attendees: ['alpha', 'beta'] });
    s.proposals[0].status = 'rejected';
    ratifyDeals(level, s, forcedRng('always'), newContext());
    expect(s.proposals[0].status).toBe('rejected');
    expect(s.log[1]).toEqual([]);
  });
});
