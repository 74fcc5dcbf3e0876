// legalActions: a representative list of actions the player may take now. Every entry
// passes checkAction (a property test holds us to that), so a bot or a test that picks
// from it never makes an illegal move.
import type { LoadedLevel } from './level';
import { checkAction, emptyOrders, investReason } from './actions';
import { indexOf } from './lookup';
import type { Action, GameState, ProposalTerms, StateId, Viewer } from './types';

export function legalActions(level: LoadedLevel, s: GameState, player: Viewer): Action[] {
  if (s.phase === 'ended') return [];
  const idx = indexOf(level);
  const out: Action[] = [];
  if (player === 'facilitator') {
    if (!s.revealed) out.push({ type: 'reveal', player });
    if (s.endsAfter === undefined && s.turn < level.turns) out.push({ type: 'endEarly', player });
    for (const ev of level.events) out.push({ type: 'inject', player, event: ev.id });
  } else if (player !== 'public' && idx.states.has(player)) {
    if (s.phase === 'diplomacy') {
      for (const p of s.proposals) {
        if (p.status === 'open' && p.responses[player] === 'pending') {
          out.push({ type: 'respond', player, proposal: p.id, accept: true });
          out.push({ type: 'respond', player, proposal: p.id, accept: false });
        }
      }
      if (!s.diplomacyDone[player]) {
        out.push({ type: 'endDiplomacy', player });
        for (const terms of proposalIdeas(level, s, player)) out.push({ type: 'propose', player, terms });
      }
    } else if (s.phase === 'orders') {
      out.push({ type: 'submitOrders', player, orders: emptyOrders() });
      const t = s.players[player].treasury;
      if (t >= 10) {
        for (const seg of level.segments) {
          if (!investReason(level, s, player, seg.id)) out.push({ type: 'submitOrders', player, orders: { ...emptyOrders(), invest: [{ segment: seg.id, amount: Math.min(t, 50) }] } });
        }
        out.push({ type: 'submitOrders', player, orders: { ...emptyOrders(), security: 10 } });
        for (const other of idx.stateIds) if (other !== player) out.push({ type: 'submitOrders', player, orders: { ...emptyOrders(), intel: { target: other, amount: 10 } } });
      }
      const fees: Record<string, 'low' | 'high'> = {};
      for (const seg of level.segments) if (seg.owners.includes(player)) fees[seg.id] = 'low';
      out.push({ type: 'submitOrders', player, orders: { ...emptyOrders(), fees } });
    }
  }
  return out.filter((a) => checkAction(level, s, a) === null);
}

function proposalIdeas(level: LoadedLevel, s: GameState, player: StateId): ProposalTerms[] {
  const idx = indexOf(level);
  const others = idx.stateIds.filter((id) => id !== player);
  const ideas: ProposalTerms[] = [];
  for (const other of others) {
    ideas.push({ kind: 'summit', attendees: [player, other] });
    ideas.push({ kind: 'securityPact', members: [player, other], contribution: 10, duration: 4 });
  }
  ideas.push({ kind: 'peaceStep' });
  for (const st of level.powerLine?.stages ?? []) ideas.push({ kind: 'powerPledge', stage: st.id, perTurn: 20, turns: 2, pledgers: [player] });
  for (const seg of level.segments) {
    const partner = seg.owners.find((o) => o !== player) ?? others[0];
    ideas.push({ kind: 'segmentDeal', segment: seg.id, shares: { [player]: 5000, [partner]: 5000 }, feeCap: 'standard' });
  }
  return ideas;
}
