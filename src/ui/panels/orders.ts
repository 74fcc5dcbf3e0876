// Orders: investment, fees, security and intelligence, secret until resolution. The
// segments offered for investment are those the sim's legalActions lists for you.
import { h } from '../dom';
import { money, mt, nameIn, orderLines, STATUS_LABEL } from '../format';
import { FEE_LEVELS, type FeeLevel, type Orders, type SegmentView } from '../sim';
import type { OrdersDraft, PanelContext } from './context';

function investableSegments(ctx: PanelContext): Set<string> {
  const out = new Set<string>();
  for (const a of ctx.controller?.legal(ctx.me) ?? []) {
    if (a.type === 'submitOrders') for (const inv of a.orders.invest) out.add(inv.segment);
  }
  return out;
}

function freshDraft(ctx: PanelContext): OrdersDraft {
  const fees: Record<string, FeeLevel> = {};
  for (const s of ctx.view.segments) if (s.owners.includes(ctx.me)) fees[s.id] = s.fee[ctx.me] ?? 'standard';
  return { turn: ctx.view.turn, invest: {}, fees, security: 0, intelTarget: '', intelAmount: 0 };
}

export function draftToOrders(d: OrdersDraft): Orders {
  return {
    invest: Object.entries(d.invest).filter(([, v]) => v > 0).map(([segment, amount]) => ({ segment, amount })),
    fees: { ...d.fees },
    security: Math.max(0, d.security),
    intel: d.intelTarget && d.intelAmount > 0 ? { target: d.intelTarget, amount: d.intelAmount } : null,
  };
}

export function currentOrdersDraft(ctx: PanelContext): OrdersDraft {
  if (!ctx.memory.orders || ctx.memory.orders.turn !== ctx.view.turn) ctx.memory.orders = freshDraft(ctx);
  return ctx.memory.orders;
}

function spend(d: OrdersDraft): number {
  return Object.values(d.invest).reduce((a, b) => a + Math.max(0, b), 0) + Math.max(0, d.security) + (d.intelTarget ? Math.max(0, d.intelAmount) : 0);
}

function whyNot(s: SegmentView): string {
  if (s.status === 'building' && !s.upgrading) return 'being built — fully funded';
  if (s.status === 'open' && !s.upgrading) return 'open — nothing to fund';
  if (s.upgrading) return 'upgrade under way';
  if (s.requires && !s.usable) return `needs the peace track at "${s.requires}"`;
  return 'not available now';
}

export function renderOrders(ctx: PanelContext): HTMLElement {
  const { view, me } = ctx;
  const st = view.states.find((s) => s.id === me)!;
  if (view.phase !== 'orders') {
    return h('div', { class: 'panel orders', 'data-testid': 'orders' }, h('h2', null, 'Orders'), h('p', { class: 'hint' }, view.phase === 'diplomacy' ? 'Orders come after diplomacy. When every state has finished diplomacy you give your orders here: invest, set fees, pay for security and intelligence.' : 'The game is over.'));
  }
  if (st.ordersSubmitted) {
    const o = view.myOrders;
    return h(
      'div',
      { class: 'panel orders', 'data-testid': 'orders' },
      h('h2', null, 'Orders submitted'),
      h('p', null, 'Your orders are sealed until resolution.'),
      o ? h('ul', { class: 'plain' }, orderLines(view, me, o).map((line) => h('li', null, line))) : null,
    );
  }
  const d = currentOrdersDraft(ctx);
  const allowed = investableSegments(ctx);
  const mineOrCofunded = view.segments.filter((s) => s.owners.includes(me) || s.cofunders.includes(me));
  const total = h('strong', { 'data-testid': 'orders-total' });
  const remaining = h('span', { role: 'status' });
  // Deals, pledges and pacts are paid after the orders (docs/RULES.md): say how much of the
  // treasury they will ask, and warn when the orders leave too little for them.
  const owed = view.owed ?? 0;
  const promised = h('p', { 'data-testid': 'orders-owed' });
  // The same warning beside the Submit button at the foot of the form, which is what one
  // sees after typing a large figure further down.
  const over = h('p', { class: 'warn', role: 'status', 'data-testid': 'orders-over' });
  const updateTotals = () => {
    const t = spend(d);
    over.hidden = t <= st.treasury;
    over.textContent = t > st.treasury ? `These orders spend ${money(t)}, ${money(t - st.treasury)} more than your treasury: security is bought first, then intelligence, then the investments in order, each cut to what is left.` : '';
    total.textContent = money(t);
    remaining.textContent = t > st.treasury ? ` — ${money(t - st.treasury)} more than your treasury` : ` of ${money(st.treasury)} (${money(st.treasury - t)} left)`;
    remaining.className = t > st.treasury ? 'warn' : '';
    const short = owed > 0 && t <= st.treasury && t > st.treasury - owed;
    promised.hidden = owed === 0;
    promised.className = short ? 'warn' : 'hint';
    promised.textContent = short
      ? `These orders leave less than the ${money(owed)} your deals, pledges, pacts and any summit you host will ask after them: spend at most ${money(Math.max(0, st.treasury - owed))} to keep every promise (a summit you cannot pay for is postponed).`
      : `Your deals, pledges, pacts and any summit you host will ask ${money(owed)} after your orders are carried out.`;
  };
  const params = ctx.level.params;

  // Cables too: they carry no cargo, but their owners fund them here (a deal cannot).
  const investRows = mineOrCofunded
    .sort((a, b) => Number(allowed.has(b.id)) - Number(allowed.has(a.id)))
    .map((s) => {
      const can = allowed.has(s.id);
      const need = Math.max(0, s.cost - s.funded);
      const input = h('input', {
        type: 'number',
        id: `invest-${s.id}`,
        'data-testid': `invest-${s.id}`,
        min: 0,
        step: 10,
        value: d.invest[s.id] ?? 0,
        disabled: !can,
        'aria-describedby': `invest-${s.id}-info`,
        oninput: (e: Event) => {
          d.invest[s.id] = Math.max(0, Math.trunc(Number((e.target as HTMLInputElement).value) || 0));
          updateTotals();
        },
      });
      const set = (v: number) => {
        d.invest[s.id] = Math.max(0, v);
        input.value = String(d.invest[s.id]);
        updateTotals();
      };
      return h(
        'li',
        { class: `invest-row${can ? '' : ' disabled'}`, onmouseenter: () => ctx.highlightSegment(s.id), onmouseleave: () => ctx.highlightSegment(null) },
        h('div', { class: 'invest-name' }, h('label', { for: `invest-${s.id}` }, s.name), h('button', { type: 'button', class: 'link nowrap', 'aria-label': `Show ${s.name} on the map`, onclick: () => ctx.focusSegment(s.id) }, 'show on map')),
        h('div', { class: 'invest-info', id: `invest-${s.id}-info` }, can ? `${STATUS_LABEL[s.status]}${s.status === 'open' ? ' — upgrade' : ''} · ${money(s.funded)} of ${money(s.cost)} funded · ${worksTime(s)}` : whyNot(s)),
        can
          ? h('div', { class: 'invest-input' },
              h('span', { class: 'with-suffix' }, input, h('span', { class: 'suffix' }, '$M')),
              // Named for a screen reader: "+10" alone says neither what nor where.
              [10, 50].map((more) => h('button', { type: 'button', class: 'small', 'aria-label': `+${more}: invest ${money(more)} more in ${s.name}`, onclick: () => set((d.invest[s.id] ?? 0) + more) }, `+${more}`)),
              need > 0 ? h('button', { type: 'button', class: 'small', title: 'Put in what is still needed (up to what you have left)', 'aria-label': `Invest the rest still needed in ${s.name}, ${money(need)}, up to what you have left`, onclick: () => set(Math.min(need, Math.max(0, st.treasury - (spend(d) - (d.invest[s.id] ?? 0))))) }, `rest ${money(need)}`) : null,
              h('button', { type: 'button', class: 'small', 'aria-label': `Clear the investment in ${s.name}`, onclick: () => set(0) }, 'Clear'))
          : null,
      );
    });

  const owned = view.segments.filter((s) => s.owners.includes(me) && s.mode !== 'cable');
  const feeRows = owned.map((s) =>
    h(
      'li',
      { class: 'fee-row' },
      h('label', { for: `fee-${s.id}` }, s.name, h('span', { class: 'hint' }, ` · ${STATUS_LABEL[s.status]} · flow ${mt(s.flow)}`)),
      h(
        'select',
        { id: `fee-${s.id}`, 'data-testid': `fee-${s.id}`, onchange: (e: Event) => (d.fees[s.id] = (e.target as HTMLSelectElement).value as FeeLevel) },
        FEE_LEVELS.map((f) => {
          const capped = s.feeCap !== null && FEE_LEVELS.indexOf(f) > FEE_LEVELS.indexOf(s.feeCap);
          return h('option', { value: f, selected: (d.fees[s.id] ?? 'standard') === f, disabled: capped }, `${f}${capped ? ' (capped by a deal)' : ''}`);
        }),
      ),
    ),
  );

  const others = view.states.filter((s) => s.id !== me);
  const estimate = d.intelTarget ? view.perceived?.[d.intelTarget] : undefined;
  const form = h(
    'form',
    {
      class: 'panel orders',
      'data-testid': 'orders',
      onsubmit: (e: Event) => {
        e.preventDefault();
        ctx.act({ type: 'submitOrders', player: me, orders: draftToOrders(d) }, 'Orders submitted.');
      },
    },
    h('h2', null, 'Orders'),
    h('p', { class: 'hint' }, 'Orders are secret until resolution, and everyone gives them at the same time.'),
    h('p', { class: 'budget' }, 'Spending ', total, remaining),
    promised,
    h(
      'section',
      { 'aria-labelledby': 'invest-h' },
      h('h3', { id: 'invest-h' }, 'Invest in segments'),
      investRows.length ? h('ul', { class: 'invest-list' }, investRows) : h('p', { class: 'hint' }, 'You own or co-fund no segment that needs money. A segment deal in diplomacy lets you co-fund one.'),
    ),
    owned.length ? h('section', { 'aria-labelledby': 'fees-h' }, h('h3', { id: 'fees-h' }, 'Transit fees on your segments'), h('p', { class: 'hint' }, 'Higher fees earn more per Mt but send cargo to cheaper routes.'), h('ul', { class: 'fee-list' }, feeRows)) : null,
    h(
      'section',
      { 'aria-labelledby': 'sec-h', class: 'two-col' },
      h('h3', { id: 'sec-h' }, 'Security and intelligence'),
      h('div', { class: 'field' },
        h('label', { for: 'security' }, 'Security spending'),
        h('span', { class: 'with-suffix' }, h('input', { id: 'security', 'data-testid': 'security', type: 'number', min: 0, step: 5, value: d.security, oninput: (e: Event) => { d.security = Math.max(0, Math.trunc(Number((e.target as HTMLInputElement).value) || 0)); updateTotals(); } }), h('span', { class: 'suffix' }, '$M')),
        h('span', { class: 'hint' }, `about ${money(params.securityCostPerPoint)} per point of security; fewer incidents on your segments`),
      ),
      h('div', { class: 'field' },
        h('label', { for: 'intel-target' }, 'Intelligence on'),
        h('select', { id: 'intel-target', 'data-testid': 'intel-target', onchange: (e: Event) => { d.intelTarget = (e.target as HTMLSelectElement).value; if (d.intelTarget && d.intelAmount === 0) d.intelAmount = params.intelCostPerLevel * 2; ctx.rerender(); } },
          h('option', { value: '', selected: d.intelTarget === '' }, 'nobody'),
          others.map((s) => h('option', { value: s.id, selected: d.intelTarget === s.id }, s.name))),
      ),
      d.intelTarget
        ? h('div', { class: 'field' },
            h('label', { for: 'intel-amount' }, 'Intelligence spending'),
            h('span', { class: 'with-suffix' }, h('input', { id: 'intel-amount', 'data-testid': 'intel-amount', type: 'number', min: 0, step: 5, value: d.intelAmount, oninput: (e: Event) => { d.intelAmount = Math.max(0, Math.trunc(Number((e.target as HTMLInputElement).value) || 0)); updateTotals(); } }), h('span', { class: 'suffix' }, '$M')),
            h('span', { class: 'hint' }, `${estimate ? `Your estimate of how ${nameIn(view, d.intelTarget)} feels about you: ${estimate.lo}–${estimate.hi} (${estimate.label}), ${estimate.hi - estimate.lo} points wide. ` : ''}Each ${money(params.intelCostPerLevel)} buys a level of intelligence on them; the estimate narrows a point for about every 3 levels, from 40 points wide with none to 8 at 100 levels.`))
        : null,
    ),
    over,
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary', 'data-testid': 'submit-orders-inline' }, 'Submit orders'), ctx.error ? h('p', { class: 'error inline', role: 'alert', 'data-testid': 'orders-error' }, ctx.error) : null),
  );
  updateTotals();
  return form;
}

/** How long the works take: a damaged segment reopens after the view's buildTurns (its
 * repairTurns, of which progress are done) or as soon as its repair is paid for. */
function worksTime(s: SegmentView): string {
  if (s.status !== 'damaged') return `${s.buildTurns} turns to build`;
  const left = Math.max(1, s.buildTurns - s.progress);
  return `reopens within ${left} turn${left === 1 ? '' : 's'}, at once if repaired`;
}
