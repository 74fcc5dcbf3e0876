// What the proposal builder may offer: only what the sim would take from this player now,
// read from its legal actions (legalActions lists a proposal of each kind, segment and
// power-line stage that passes its checks). The builder offered every segment and the peace
// step to everyone, and the sim then refused a segment with nothing left to fund, or a peace
// step from a state that is no party to the track.
import type { Action, ProposalTerms } from '../sim';

export interface BuilderOffer {
  kinds: Set<ProposalTerms['kind']>;
  segments: Set<string>;
  stages: Set<string>;
}

export function builderOffer(legal: readonly Action[]): BuilderOffer {
  const offer: BuilderOffer = { kinds: new Set(), segments: new Set(), stages: new Set() };
  for (const a of legal) {
    if (a.type !== 'propose') continue;
    offer.kinds.add(a.terms.kind);
    if (a.terms.kind === 'segmentDeal') offer.segments.add(a.terms.segment);
    if (a.terms.kind === 'powerPledge') offer.stages.add(a.terms.stage);
  }
  return offer;
}
