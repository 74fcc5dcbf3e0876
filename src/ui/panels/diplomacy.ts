// Diplomacy: the inbox (answer), the outbox (what you proposed), deals in force, and
// the proposal builder for all five kinds. The sim checks every proposal; its reason is
// shown when it refuses one.
import { h } from '../dom';
import { money, names, nameIn } from '../format';
import { FEE_LEVELS, type FeeLevel, type PlayerView, type ProposalTerms, type ProposalView, type SegmentView, type StateId } from '../sim';
import type { BotReason } from '../controller';
import type { PanelContext, ProposalDraft } from './context';
import { builderOffer, type BuilderOffer } from './offer';

const KIND_LABEL: Record<ProposalDraft['kind'], string> = {
  segmentDeal: 'Segment deal',
  securityPact: 'Security pact',
  powerPledge: 'Power pledge',
  peaceStep: 'Peace step',
  summit: 'Summit',
};

const KIND_HELP: Record<ProposalDraft['kind'], string> = {
  segmentDeal: 'Co-fund a segment with shares per state and a cap on the transit fee. Partners with a share may then invest in it.',
  securityPact: 'Members pay a contribution each turn; incidents on their segments become less likely. A pact can collapse if two members distrust each other.',
  powerPledge: 'Pledgers pay toward one stage of the power line each turn. A pledger with high animosity towards a state that hosts the stage may withhold its payment.',
  peaceStep: 'Advances the peace track one stage if both parties and the guarantors accept. It can still fall back later.',
  summit: 'You host and pay. Attendees usually warm to each other a little — but with high animosity a summit can backfire.',
};

const STATUS_TEXT: Record<ProposalView['status'], string> = {
  open: 'open',
  bound: 'agreed — takes effect at resolution',
  lapsed: 'lapsed',
  rejected: 'rejected',
  ratified: 'ratified',
  failed: 'failed at home',
};

function responseChips(view: PlayerView, p: ProposalView): HTMLElement {
  return h(
    'ul',
    { class: 'responses', 'aria-label': 'Answers' },
    p.parties.map((id) => {
      const r = p.responses[id];
      // Once a proposal is decided, an answer never given is no longer awaited: "not needed", not "pending".
      const moot = r === 'pending' && p.status !== 'open';
      const mark = r === 'accepted' ? '✓' : r === 'rejected' ? '✗' : moot ? '–' : '…';
      return h('li', { class: `resp ${moot ? 'moot' : r}` }, h('span', { 'aria-hidden': 'true' }, mark), ` ${nameIn(view, id)}${moot ? ' (not needed)' : ''} `, h('span', { class: 'visually-hidden' }, moot ? 'no answer needed' : r));
    }),
  );
}

const SAID: Record<BotReason['kind'], string> = { proposed: 'proposed it', accepted: 'accepted', rejected: 'rejected' };

/** What the bots said of this proposal (why they made, accepted or rejected it). */
function botReasons(ctx: PanelContext, p: ProposalView): HTMLElement | null {
  const reasons = ctx.reasonsFor ?? ((id: string) => ctx.controller?.reasonsFor(id) ?? []);
  const said = p.turn === ctx.view.turn ? reasons(p.id) : []; // earlier turns' cards stay compact
  if (!said.length) return null;
  return h(
    'ul',
    { class: 'reasons', 'aria-label': 'What the bots said', 'data-testid': `reasons-${p.id}` },
    said.map((r) => h('li', { class: `reason ${r.kind}` }, h('span', { class: 'who' }, `${nameIn(ctx.view, r.player)} ${SAID[r.kind]}:`), ` “${r.said}”`)),
  );
}

export function proposalCard(ctx: PanelContext, p: ProposalView, answerable: boolean): HTMLElement {
  const { view, me } = ctx;
  // The confirmation names the proposal: several answered in a row must stay tellable apart.
  const answered = (verb: string) => `You ${verb} ${nameIn(view, p.from)}'s ${KIND_LABEL[p.terms.kind].toLowerCase()}.`;
  return h(
    'li',
    { class: `proposal ${p.status}`, 'data-testid': `proposal-${p.id}`, 'data-proposal': p.id },
    h('div', { class: 'proposal-head' }, h('span', { class: 'kind' }, KIND_LABEL[p.terms.kind]), h('span', { class: 'from' }, p.from === me ? 'from you' : `from ${nameIn(view, p.from)}`), h('span', { class: `status ${p.status}` }, STATUS_TEXT[p.status])),
    h('p', { class: 'summary' }, p.summary),
    responseChips(view, p),
    botReasons(ctx, p),
    answerable
      ? h(
          'div',
          { class: 'answer' },
          h('button', { type: 'button', class: 'primary', 'data-testid': `accept-${p.id}`, onclick: () => ctx.act({ type: 'respond', player: me, proposal: p.id, accept: true }, answered('accepted')) }, 'Accept'),
          h('button', { type: 'button', class: 'danger', 'data-testid': `reject-${p.id}`, onclick: () => ctx.act({ type: 'respond', player: me, proposal: p.id, accept: false }, answered('rejected')) }, 'Reject'),
        )
      : null,
  );
}

export function pendingForMe(view: PlayerView, me: StateId): ProposalView[] {
  return view.proposals.filter((p) => p.status === 'open' && p.responses[me] === 'pending');
}

export function renderDiplomacy(ctx: PanelContext): HTMLElement {
  const { view, me } = ctx;
  const thisTurn = view.proposals.filter((p) => p.turn === view.turn);
  // Proposals still waiting for this player's answer come first.
  const waitingOnMe = (p: ProposalView) => (p.status === 'open' && p.responses[me] === 'pending' ? 0 : 1);
  const inbox = thisTurn.filter((p) => p.from !== me && p.parties.includes(me)).sort((a, b) => waitingOnMe(a) - waitingOnMe(b));
  const outbox = thisTurn.filter((p) => p.from === me);
  const others = view.proposals.filter((p) => !p.parties.includes(me) && p.turn === view.turn);
  const earlier = view.proposals.filter((p) => p.turn < view.turn && (p.status === 'bound' || p.status === 'ratified' || p.status === 'failed')).slice(-8).reverse();
  const st = view.states.find((s) => s.id === me)!;
  const canPropose = view.phase === 'diplomacy' && !st.diplomacyDone;
  const maxPer = ctx.level.params.maxProposalsPerTurn;
  const left = Math.max(0, maxPer - outbox.length);
  const pending = pendingForMe(view, me);
  return h(
    'div',
    { class: 'panel diplomacy', 'data-testid': 'diplomacy' },
    h('h2', null, 'Diplomacy'),
    view.phase !== 'diplomacy' ? h('p', { class: 'hint' }, 'Diplomacy is over for this turn: proposals open again next turn.') : null,
    h(
      'section',
      { 'aria-labelledby': 'inbox-h' },
      h('h3', { id: 'inbox-h' }, `Inbox${pending.length ? ` — ${pending.length} of ${inbox.length} waiting for your answer` : ''}`),
      inbox.length ? h('ul', { class: 'proposals', 'data-testid': 'inbox' }, inbox.map((p) => proposalCard(ctx, p, p.status === 'open' && p.responses[me] === 'pending' && view.phase === 'diplomacy'))) : h('p', { class: 'hint' }, 'No proposals to you this turn.'),
    ),
    h(
      'section',
      { 'aria-labelledby': 'outbox-h' },
      h('h3', { id: 'outbox-h' }, 'Your proposals'),
      outbox.length ? h('ul', { class: 'proposals', 'data-testid': 'outbox' }, outbox.map((p) => proposalCard(ctx, p, false))) : h('p', { class: 'hint' }, 'You have made no proposals this turn.'),
    ),
    canPropose
      ? left > 0
        ? builder(ctx, left)
        : h('p', { class: 'hint' }, `You have made the most proposals allowed this turn (${maxPer}).`)
      : view.phase === 'diplomacy'
        ? h('p', { class: 'hint' }, 'You have ended diplomacy for this turn; you can still answer proposals sent to you.')
        : null,
    others.length ? h('section', null, h('h3', null, 'Agreed between others this turn'), h('ul', { class: 'proposals' }, others.map((p) => proposalCard(ctx, p, false)))) : null,
    earlier.length ? h('section', null, h('h3', null, 'Recent agreements'), h('ul', { class: 'proposals compact' }, earlier.map((p) => proposalCard(ctx, p, false)))) : null,
  );
}

// ---------- the builder ----------
/** A sensible first partner for a segment deal: another owner, else a state owning a segment
 * that meets it (a neighbour on the route), not simply the first state in the list. */
function partnerFor(view: PlayerView, me: StateId, seg: SegmentView): StateId | undefined {
  const other = seg.owners.find((o) => o !== me);
  if (other) return other;
  // Otherwise a state owning a segment that joins this one: the one the player gets on with
  // best (its own feelings, which it knows exactly), ties in network order. The first found
  // was often a neighbour it resents (Armenia for Azerbaijan's Nakhchivan railway).
  const near: StateId[] = [];
  for (const s of view.segments) {
    if (s.id === seg.id || ![s.from, s.to].some((n) => n === seg.from || n === seg.to)) continue;
    for (const o of s.owners) if (o !== me && !near.includes(o) && view.states.some((st) => st.id === o)) near.push(o);
  }
  const feel = (id: StateId) => view.ownAnimosity?.[id] ?? 0;
  return near.reduce<StateId | undefined>((best, id) => (best === undefined || feel(id) < feel(best) ? id : best), undefined);
}

/** The kinds in the order of the builder's tabs: those this level has, and (in a running game)
 * those the sim would take from this player now. */
function kindsOffered(view: PlayerView, offer: BuilderOffer | null): ProposalDraft['kind'][] {
  const kinds = (Object.keys(KIND_LABEL) as ProposalDraft['kind'][]).filter((k) => (k !== 'peaceStep' || view.peace !== null) && (k !== 'powerPledge' || view.power.length > 0));
  // A pact's terms are the player's to choose and hang on nothing in the game: the legal list's
  // one example (4 turns) would leave it out of a level shorter than that.
  return offer ? kinds.filter((k) => k === 'securityPact' || offer.kinds.has(k)) : kinds;
}

/** Segments a deal may fund (never a cable; in a running game, what the sim would take). */
function dealSegments(view: PlayerView, offer: BuilderOffer | null): SegmentView[] {
  return view.segments.filter((s) => s.mode !== 'cable' && (!offer || offer.segments.has(s.id)));
}

function defaultDraft(ctx: PanelContext, offer: BuilderOffer | null): ProposalDraft {
  const { view, me } = ctx;
  const segs = dealSegments(view, offer);
  const mine = segs.find((s) => s.owners.includes(me) && s.status === 'planned') ?? segs.find((s) => s.status === 'planned') ?? segs.find((s) => s.owners.includes(me)) ?? segs[0];
  const partner = (mine && partnerFor(view, me, mine)) ?? view.states.find((s) => s.id !== me)!.id;
  const stage = view.power.find((p) => p.status === 'planned' && (!offer || offer.stages.has(p.id)));
  return {
    kind: kindsOffered(view, offer)[0] ?? 'segmentDeal',
    segment: mine?.id ?? '',
    shares: { [me]: 50, [partner]: 50 },
    feeCap: 'standard',
    members: [me],
    contribution: 10,
    duration: 4,
    stage: stage?.id ?? '',
    perTurn: 20,
    turns: 3,
    pledgers: [me],
    attendees: [me],
  };
}

export function draftToTerms(d: ProposalDraft, me: StateId): ProposalTerms {
  switch (d.kind) {
    case 'segmentDeal': {
      const shares: Record<StateId, number> = {};
      for (const [id, pct] of Object.entries(d.shares)) if (pct > 0) shares[id] = Math.round(pct * 100);
      return { kind: 'segmentDeal', segment: d.segment, shares, feeCap: d.feeCap };
    }
    case 'securityPact':
      return { kind: 'securityPact', members: withMe(d.members, me), contribution: d.contribution, duration: d.duration };
    case 'powerPledge':
      return { kind: 'powerPledge', stage: d.stage, perTurn: d.perTurn, turns: d.turns, pledgers: withMe(d.pledgers, me) };
    case 'peaceStep':
      return { kind: 'peaceStep' };
    case 'summit':
      return { kind: 'summit', attendees: withMe(d.attendees, me) };
  }
}

function withMe(ids: StateId[], me: StateId): StateId[] {
  return ids.includes(me) ? [...ids] : [me, ...ids];
}

function numberField(label: string, id: string, value: number, min: number, max: number, step: number, onChange: (v: number) => void, suffix = ''): HTMLElement {
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    h('span', { class: 'with-suffix' },
      h('input', { id, type: 'number', inputmode: 'numeric', min, max, step, value, 'data-testid': id, oninput: (e: Event) => onChange(Math.trunc(Number((e.target as HTMLInputElement).value) || 0)) }),
      suffix ? h('span', { class: 'suffix' }, suffix) : null,
    ),
  );
}

/** `selected` is read at each change: a list captured when the form was drawn kept only
 * the last state ticked (each tick replaced the one before). */
function stateChecks(view: PlayerView, me: StateId, selected: () => StateId[], legend: string, idPrefix: string, onChange: (ids: StateId[]) => void): HTMLElement {
  return h(
    'fieldset',
    { class: 'checks' },
    h('legend', null, legend),
    view.states.map((s) =>
      h(
        'label',
        { class: 'check' },
        h('input', {
          type: 'checkbox',
          'data-testid': `${idPrefix}-${s.id}`,
          checked: s.id === me || selected().includes(s.id),
          disabled: s.id === me,
          onchange: (e: Event) => {
            const on = (e.target as HTMLInputElement).checked;
            const rest = selected().filter((x) => x !== s.id);
            onChange(on ? [...rest, s.id] : rest);
          },
        }),
        ` ${s.name}${s.id === me ? ' (you)' : ''}`,
      ),
    ),
  );
}

function builder(ctx: PanelContext, left: number): HTMLElement {
  const { view, me } = ctx;
  const offer = ctx.controller ? builderOffer(ctx.controller.legal(me)) : null;
  const d = (ctx.memory.proposal ??= defaultDraft(ctx, offer));
  // A draft kept from earlier may name what is no longer on offer (a segment since funded, a
  // peace step another state put on the table): start that part afresh.
  const kinds = kindsOffered(view, offer);
  const fresh = defaultDraft(ctx, offer);
  if (!kinds.includes(d.kind)) d.kind = fresh.kind;
  if (!dealSegments(view, offer).some((s) => s.id === d.segment)) {
    d.segment = fresh.segment;
    d.shares = fresh.shares;
  }
  if (offer && !offer.stages.has(d.stage)) d.stage = fresh.stage;
  const body = h('div', { class: 'builder-body' });
  const sumNote = h('p', { class: 'hint', role: 'status' });
  const redraw = () => ctx.rerender();

  const form = (): HTMLElement[] => {
    switch (d.kind) {
      case 'segmentDeal': {
        const segs = dealSegments(view, offer);
        const seg = segs.find((s) => s.id === d.segment);
        const total = Object.values(d.shares).reduce((a, b) => a + b, 0);
        // What each share comes to in money, kept up to date as the share is typed.
        const amounts = new Map<StateId, HTMLElement>();
        // Nothing to show for a segment a deal has nothing left to fund (an open one whose upgrade is built).
        const toFund = seg && !(seg.status === 'open' && seg.upgradeTo === null && !seg.upgrading) ? Math.max(0, seg.cost - seg.funded) : 0;
        const amountText = (id: StateId) => (toFund > 0 && d.shares[id] ? ` ≈ ${money(Math.floor((toFund * d.shares[id]) / 100))}` : '');
        const amount = (id: StateId) => {
          const el = h('span', { class: 'share-amount', 'data-testid': `share-amount-${id}` }, amountText(id));
          amounts.set(id, el);
          return el;
        };
        sumNote.textContent = `Shares add up to ${total}%${total === 100 ? '' : ' — they must add up to 100%'}.`;
        sumNote.className = total === 100 ? 'hint' : 'hint warn';
        return [
          h(
            'div',
            { class: 'field' },
            h('label', { for: 'deal-segment' }, 'Segment'),
            h(
              'select',
              { id: 'deal-segment', 'data-testid': 'deal-segment', onchange: (e: Event) => {
                d.segment = (e.target as HTMLSelectElement).value;
                const s = view.segments.find((x) => x.id === d.segment);
                if (s) {
                  const partner = partnerFor(view, me, s) ?? Object.keys(d.shares).find((x) => x !== me);
                  d.shares = partner ? { [me]: 50, [partner]: 50 } : { [me]: 100 };
                  ctx.highlightSegment(s.id);
                }
                redraw();
              } },
              segs.map((s) => h('option', { value: s.id, selected: s.id === d.segment }, `${s.name} — ${s.status}${s.status === 'open' ? ', upgrade to fund' : ''}${s.owners.includes(me) ? ' (yours)' : ''}`)),
            ),
          ),
          seg ? h('p', { class: 'hint' }, `Owners: ${names(view, seg.owners)} · cost ${money(seg.cost)} · funded ${money(seg.funded)}`) : h('span'),
          h(
            'fieldset',
            { class: 'shares' },
            h('legend', null, 'Shares of the cost (%)'),
            view.states.map((s) =>
              h(
                'div',
                { class: 'share' },
                h('label', { for: `share-${s.id}` }, s.name, amount(s.id)),
                h('input', {
                  id: `share-${s.id}`,
                  'data-testid': `share-${s.id}`,
                  type: 'number',
                  min: 0,
                  max: 100,
                  step: 5,
                  value: d.shares[s.id] ?? 0,
                  oninput: (e: Event) => {
                    d.shares[s.id] = Math.max(0, Math.min(100, Math.trunc(Number((e.target as HTMLInputElement).value) || 0)));
                    amounts.get(s.id)!.textContent = amountText(s.id);
                    const t = Object.values(d.shares).reduce((a, b) => a + b, 0);
                    sumNote.textContent = `Shares add up to ${t}%${t === 100 ? '' : ' — they must add up to 100%'}.`;
                    sumNote.className = t === 100 ? 'hint' : 'hint warn';
                  },
                }),
              ),
            ),
          ),
          sumNote,
          h(
            'div',
            { class: 'field' },
            h('label', { for: 'deal-feecap' }, 'Transit fee cap'),
            h('select', { id: 'deal-feecap', 'data-testid': 'deal-feecap', onchange: (e: Event) => (d.feeCap = (e.target as HTMLSelectElement).value as FeeLevel) }, FEE_LEVELS.map((f) => h('option', { value: f, selected: f === d.feeCap }, f))),
          ),
        ];
      }
      case 'securityPact':
        return [
          stateChecks(view, me, () => d.members, 'Members', 'pact-member', (ids) => (d.members = ids)),
          numberField('Contribution per member', 'pact-contribution', d.contribution, 0, 1000, 5, (v) => (d.contribution = v), '$M / turn'),
          numberField('Duration', 'pact-duration', d.duration, 1, view.turns, 1, (v) => (d.duration = v), 'turns'),
        ];
      case 'powerPledge': {
        if (!view.power.length) return [h('p', { class: 'hint' }, 'This level has no power line.')];
        return [
          h(
            'div',
            { class: 'field' },
            h('label', { for: 'pledge-stage' }, 'Stage'),
            h('select', { id: 'pledge-stage', 'data-testid': 'pledge-stage', onchange: (e: Event) => (d.stage = (e.target as HTMLSelectElement).value) },
              view.power.filter((p) => !offer || offer.stages.has(p.id)).map((p) => h('option', { value: p.id, selected: p.id === d.stage }, `${p.name} — ${p.status === 'planned' ? `${money(p.funded)} of ${money(p.cost)}` : p.status}`))),
          ),
          numberField('Each pledger pays', 'pledge-perturn', d.perTurn, 1, 5000, 5, (v) => (d.perTurn = v), '$M / turn'),
          numberField('For', 'pledge-turns', d.turns, 1, view.turns, 1, (v) => (d.turns = v), 'turns'),
          stateChecks(view, me, () => d.pledgers, 'Pledgers', 'pledger', (ids) => (d.pledgers = ids)),
        ];
      }
      case 'peaceStep': {
        const p = view.peace;
        if (!p) return [h('p', { class: 'hint' }, 'This level has no peace track.')];
        const next = p.stages[p.stage + 1];
        return [
          h('p', null, `${p.name}: now at "${p.stageName}"${next ? `; a step would move it to "${next}".` : ' — already at its last stage.'}`),
          h('p', { class: 'hint' }, `Must be accepted by ${names(view, [...p.parties, ...p.guarantors].filter((id) => view.states.some((s) => s.id === id)))}, the only states that can propose it.`),
        ];
      }
      case 'summit':
        return [
          stateChecks(view, me, () => d.attendees, 'Attendees', 'summit-attendee', (ids) => (d.attendees = ids)),
          h('p', { class: 'hint' }, `Hosting costs ${money(view.summitCost)}, paid by you.`),
        ];
    }
  };

  body.append(...form());
  return h(
    'section',
    { class: 'builder', 'aria-labelledby': 'builder-h', 'data-testid': 'proposal-builder' },
    h('h3', { id: 'builder-h' }, `New proposal (${left} left this turn)`),
    h(
      'div',
      { class: 'kind-tabs', role: 'radiogroup', 'aria-label': 'Kind of proposal' },
      // Only the kinds this level has (no peace step without a peace track, no pledge without a
      // power line) and this player may propose now (a peace step only from its parties).
      kinds.map((k) =>
        h('button', {
          type: 'button',
          role: 'radio',
          'aria-checked': d.kind === k ? 'true' : 'false',
          class: d.kind === k ? 'kind-tab active' : 'kind-tab',
          'data-testid': `kind-${k}`,
          onclick: () => {
            d.kind = k;
            redraw();
          },
        }, KIND_LABEL[k]),
      ),
    ),
    h('p', { class: 'kind-help' }, KIND_HELP[d.kind]),
    body,
    h(
      'div',
      { class: 'builder-actions' },
      h('button', {
        type: 'button',
        class: 'primary',
        'data-testid': 'send-proposal',
        onclick: () => {
          const terms = draftToTerms(d, me);
          const r = ctx.act({ type: 'propose', player: me, terms }, `${KIND_LABEL[d.kind]} proposed.`);
          if (r.ok) ctx.memory.proposal = { ...defaultDraft(ctx, offer), kind: d.kind };
        },
      }, 'Send proposal'),
      ctx.error ? h('p', { class: 'error inline', role: 'alert', 'data-testid': 'proposal-error' }, ctx.error) : null,
    ),
  );
}
