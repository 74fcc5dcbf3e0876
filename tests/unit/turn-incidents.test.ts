import { describe, expect, it } from 'vitest';
import { incidentOdds, rollIncidents } from '../../src/sim/turn/incidents';
import { neighboursOf } from '../../src/sim/network';
import { forcedRng, loadTiny, makeState } from './fixtures';

const level = loadTiny();
const ferry = level.segments.find((x) => x.id === 's-ferry')!;

describe('incidents', () => {
  it('neighbours are owners of segments sharing a node and the nodes\' countries', () => {
    expect(neighboursOf(level, 's-ferry')).toEqual(['gamma', 'delta']);
    expect(neighboursOf(level, 's-east')).toEqual(['beta', 'delta', 'china']);
  });

  it('odds: risk x 20 + 15 per point of the worst grudge above 40 - 10 per point of security above 30 - 2000 with a pact', () => {
    const s = makeState(level);
    expect(incidentOdds(level, s, ferry).chance).toBe(400);
    s.animosity.gamma.alpha = 70;
    expect(incidentOdds(level, s, ferry)).toMatchObject({ chance: 850, suspect: 'gamma', target: 'alpha', grudge: 70 });
    s.players.alpha.security = 50;
    s.players.beta.security = 60;
    expect(incidentOdds(level, s, ferry)).toMatchObject({ chance: 850 - 10 * 25, security: 55 });
    s.pacts.push({ id: 'p', members: ['alpha', 'beta', 'delta'], contribution: 0, formedTurn: 1, endsTurn: 4 });
    expect(incidentOdds(level, s, ferry)).toMatchObject({ chance: 0, pact: true });
  });

  it('never exceeds 3000 bp', () => {
    const s = makeState(level);
    s.segments['s-ferry'].risk = 100;
    s.animosity.gamma.alpha = 100;
    expect(incidentOdds(level, s, ferry).chance).toBeLessThanOrEqual(3000);
  });

  it('an incident damages an open segment, costs owners stability and turns them against the suspect', () => {
    const s = makeState(level);
    s.animosity.gamma.alpha = 70;
    for (const id of ['s-east', 's-west']) s.segments[id].risk = 0;
    s.segments['s-cable'].status = 'planned';
    s.segments['s-ferry'].funded = 20;
    s.segments['s-ferry'].progress = 1;
    rollIncidents(level, s, forcedRng('always'));
    expect(s.segments['s-ferry']).toMatchObject({ status: 'damaged', progress: 0, funded: 0, capacity: 4000 });
    expect(s.players.alpha.stability).toBe(45);
    expect(s.players.beta.stability).toBe(45);
    expect(s.animosity.alpha.gamma).toBe(25);
    expect(s.animosity.beta.gamma).toBe(25);
    const e = s.log[1].find((x) => x.text.includes('S-FERRY'))!;
    expect(e.to).toBe('all');
    expect(e.causes[0].to).toEqual(['alpha', 'beta']);
    expect(e.causes[0].text).not.toContain('Gamma');
    expect(e.causes[1]).toMatchObject({ to: 'facilitator' });
    expect(e.causes[1].text).toContain('Gamma');
  });

  it('an incident on works sets them back a turn; planned and unusable segments are spared', () => {
    const s = makeState(level);
    s.segments['s-new'].status = 'building';
    s.segments['s-new'].progress = 1;
    const rng = forcedRng('always');
    rollIncidents(level, s, rng);
    expect(s.segments['s-new']).toMatchObject({ status: 'building', progress: 0 });
    expect(s.segments['s-peace'].status).toBe('open'); // not usable: requires peace, not rolled
    expect(rng.asked.length).toBe(5); // s-east, s-ferry, s-west, s-new, s-cable
  });
});
