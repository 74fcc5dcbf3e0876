// The turn being played, as a window that follows a game (projector or facilitator) shows
// it: the phase, who the game waits for, and this turn's proposals as the viewer may see them
// (the facilitator every one with every answer; the public only the deals agreed), and for
// the facilitator the orders submitted so far.
import { h } from '../dom';
import { joinAnd, nameIn, orderLines } from '../format';
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
    view.allOrders && !diplomacy ? ordersSoFar(view, view.allOrders) : null,
  );
}

/** The facilitator's: each state's orders as submitted, sealed from the players until the turn resolves. */
function ordersSoFar(view: PanelContext['view'], orders: NonNullable<PanelContext['view']['allOrders']>): HTMLElement {
  const ids = view.states.map((s) => s.id).filter((id) => orders[id]);
  return h(
    'div',
    { 'data-testid': 'replay-so-far-orders' },
    h('h4', null, 'Orders submitted so far'),
    ids.length
      ? h('ul', { class: 'orders-so-far' }, ids.map((id) => h('li', { 'data-testid': `so-far-orders-${id}` }, h('strong', null, nameIn(view, id)), h('ul', null, orderLines(view, id, orders[id]).map((line) => h('li', null, line))))))
      : h('p', { class: 'hint' }, 'No state has submitted its orders yet.'),
    h('p', { class: 'hint' }, 'Only the facilitator sees these before the turn resolves; each state sees its own.'),
  );
}
