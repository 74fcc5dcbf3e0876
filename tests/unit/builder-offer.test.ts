// The proposal builder offers only what the sim would take (src/ui/panels/offer.ts): it
// offered every segment and the peace step to every state, and the sim refused a segment
// with nothing left to fund and a peace step from a state that is no party to the track.
import { describe, expect, it } from 'vitest';
import { applyAction, checkAction, legalActions, newGame } from '../../src/sim/index';
import { builderOffer } from '../../src/ui/panels/offer';
import { levelFile } from './fixtures';

const main = levelFile('levels/middle-corridor.json');
const s = newGame(main, { seed: 'offer-1' });

describe('what the proposal builder offers', () => {
  it('segment deals only for segments with something left to fund', () => {
    const offer = builderOffer(legalActions(main, s, 'georgia'));
    expect(offer.segments).toContain('anaklia-port'); // planned
    expect(offer.segments).toContain('tbilisi-poti'); // open, its upgrade not built
    for (const id of ['dostyk-moyinty', 'horadiz-aghband', 'kars-dilucu']) expect(offer.segments, id).not.toContain(id); // open without an upgrade, or building
    // Each one left out is one the sim refuses, whoever the partner.
    for (const seg of main.segments.filter((x) => !offer.segments.has(x.id))) {
      const other = seg.owners.find((o) => o !== 'georgia') ?? 'azerbaijan';
      const refused = checkAction(main, s, { type: 'propose', player: 'georgia', terms: { kind: 'segmentDeal', segment: seg.id, shares: { georgia: 5000, [other]: 5000 }, feeCap: 'standard' } });
      expect(refused, seg.id).not.toBeNull();
    }
  });

  it('the peace step only to the parties of the track, and only while none is on the table', () => {
    expect(builderOffer(legalActions(main, s, 'georgia')).kinds).not.toContain('peaceStep');
    expect(builderOffer(legalActions(main, s, 'azerbaijan')).kinds).toContain('peaceStep');
    const r = applyAction(main, s, { type: 'propose', player: 'armenia', terms: { kind: 'peaceStep' } });
    expect(r.ok).toBe(true);
    if (r.ok) expect(builderOffer(legalActions(main, r.state, 'azerbaijan')).kinds).not.toContain('peaceStep');
  });
});
