// The turn being played, as a window that follows a game (projector or facilitator) shows
// it: the phase, who the game waits for, and this turn's proposals as the viewer may see them
// (the facilitator every one with every answer; the public only the deals agreed).
import { h } from '../dom';
import { joinAnd, nameIn } from '../format';
import type { PanelContext } from './context';
import { proposalCard } from './diplomacy';

export function renderTurnSoFar(ctx: PanelContext): HTMLElement {
  const { view } = ctx;
  const waiting = view.waitingFor.map((id) => nameIn(view, id));
  const diplomacy = view.phase === 'diplomacy';
  const proposals = view.proposals.filter((p) => p.turn === view.turn);
  const seesAll = view.viewer === 'facilitator';
  const none = seesAll || view.viewer !== 'public' ? 'No proposal so far this turn.' : 'No deal agreed so far this turn.';
  return h(
    'section',
    { class: 'so-far', 'data-testid': 'replay-so-far', 'aria-labelledby': 'so-far-h' },
    h('h3', { id: 'so-far-h' }, `Turn ${view.turn} so far: ${diplomacy ? 'diplomacy' : 'orders'}`),
    h(
      'p',
      { 'data-testid': 'replay-waiting' },
      waiting.length
        ? `Waiting for ${joinAnd(waiting)} ${diplomacy ? 'to finish diplomacy or answer a proposal' : 'to submit orders'}.`
        : 'Every state has finished this phase.',
    ),
    h('h4', null, seesAll || view.viewer !== 'public' ? 'Proposals this turn' : 'Deals agreed this turn'),
    proposals.length ? h('ul', { class: 'proposals', 'data-testid': 'replay-so-far-proposals' }, proposals.map((p) => proposalCard(ctx, p, false))) : h('p', { class: 'hint' }, none),
    view.viewer === 'public' ? h('p', { class: 'hint' }, 'A proposal still being negotiated is seen only by the states it names and the facilitator.') : null,
  );
}
