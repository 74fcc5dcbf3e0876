// The baseline bot: legal, sensible moves chosen from a PlayerView only (never from
// GameState), each with a reason a player can read ("why did they refuse?").
// Deterministic: the same view always gives the same choices.
import { MAX_PLEDGE_PER_TURN, money } from '../sim/index';
import type { Action, FeeLevel, Orders, PlayerView, ProposalTerms, ProposalView, SegmentView, StateId } from '../sim/index';

/**
 * `reason`: why the bot chose it, exactly (kept for a facilitator's screen and tests). `told`:
 * what it tells the other players, where that differs: a reason that rests on the bot's own
 * agenda or on its grudge towards a named state would give away a hidden value.
 */
export interface BotChoice { action: Action; reason: string; told?: string }

/** What a bot tells others when its real reason is a hidden value (its agenda or a grudge). */
export const DISCREET = 'the terms do not suit us at this time';

const ownRow = (v: PlayerView) => v.ownAnimosity ?? {};
const me = (v: PlayerView) => v.states.find((s) => s.id === v.viewer)!;
const grudge = (v: PlayerView, other: StateId) => ownRow(v)[other] ?? 0;
/** How much the bot thinks `other` resents it: the middle of its estimate. */
const suspicion = (v: PlayerView, other: StateId) => {
  const e = v.perceived?.[other];
  return e ? Math.floor((e.lo + e.hi) / 2) : 50;
};
const distrust = (v: PlayerView, other: StateId) => Math.max(grudge(v, other), suspicion(v, other));
/** Our secret agenda wants the power line energised. */
const wantsLine = (v: PlayerView) => me(v).agenda?.kind === 'powerLineBy';

/** Segments this bot may put money into now (mirrors the sim's rule; the sim still validates). */
export function investable(v: PlayerView, seg: SegmentView): boolean {
  const id = v.viewer as StateId;
  if (!seg.owners.includes(id) && !seg.cofunders.includes(id)) return false;
  if (seg.requiresStage !== null && v.peace && v.peace.stage < seg.requiresStage) return false;
  if (seg.status === 'planned') return seg.funded < seg.cost;
  if (seg.status === 'damaged') return true;
  return seg.status === 'open' && seg.upgradeTo !== null;
}

/** `owed`: what this turn already asks of us (committed), and the deals we have agreed to
 * that are not bound yet. */
function judge(v: PlayerView, p: ProposalView, owed: number): { accept: boolean; reason: string; told?: string } {
  const self = me(v);
  const others = p.parties.filter((x) => x !== v.viewer);
  const worst = others.reduce((w, o) => (grudge(v, o) > grudge(v, w) ? o : w), others[0]);
  const worstName = v.states.find((s) => s.id === worst)?.name ?? worst;
  const t = p.terms;
  const budget = Math.max(0, self.treasury - owed);
  switch (t.kind) {
    case 'segmentDeal': {
      const seg = v.segments.find((s) => s.id === t.segment);
      const remaining = seg ? Math.max(0, seg.cost - seg.funded) : 0;
      const myCost = Math.floor((remaining * (t.shares[v.viewer as StateId] ?? 0)) / 10000);
      if (myCost > Math.floor((budget * 6) / 10)) return { accept: false, reason: `our share (${money(myCost)}) is more than we can afford` };
      if (grudge(v, worst) >= 65) return { accept: false, reason: `we do not trust ${worstName} enough to build with them`, told: DISCREET };
      const mine = seg?.owners.includes(v.viewer as StateId);
      return { accept: true, reason: mine ? 'the segment crosses our territory and brings transit revenue' : 'more corridor capacity brings cargo our way' };
    }
    case 'securityPact': {
      if (self.agenda && /neutral/i.test(self.agenda.name)) return { accept: false, reason: 'our policy of neutrality keeps us out of security pacts', told: DISCREET };
      if (t.contribution * t.duration > Math.floor(budget / 3)) return { accept: false, reason: 'the contributions are too expensive for us' };
      if (grudge(v, worst) >= 55) return { accept: false, reason: `we are not ready for a security pact that includes ${worstName}`, told: DISCREET };
      return { accept: true, reason: 'a pact lowers the risk of incidents on our segments' };
    }
    case 'powerPledge': {
      const stage = v.power.find((s) => s.id === t.stage);
      const host = stage?.hosts.includes(v.viewer as StateId);
      const green = wantsLine(v);
      if (t.perTurn > pledgeCap(v, self, budget, t.turns, Boolean(host || green))) return { accept: false, reason: 'the pledge is too large for our budget' };
      if (!host && !green && grudge(v, worst) >= 50) return { accept: false, reason: `the line would mainly benefit ${worstName}`, told: DISCREET };
      // Opinion at home may make us withhold a pledge to a stage a state we resent hosts
      // (RULES.md, pledges: from a grudge of 25 up): from 40, 7.5% a turn or more, we say no
      // rather than break the promise.
      const resented = stage?.hosts.find((h) => h !== v.viewer && grudge(v, h) >= 40);
      if (resented) return { accept: false, reason: `we could not keep a pledge to a stage that ${v.states.find((s) => s.id === resented)?.name ?? resented} hosts`, told: DISCREET };
      return { accept: true, reason: host ? 'the line crosses our territory and pays export revenue' : 'a finished power line pays everyone who funded it' };
    }
    case 'peaceStep': {
      if (self.agenda?.name && /spoil|closed|block/i.test(self.agenda.name)) return { accept: false, reason: 'the current terms do not serve our interests', told: DISCREET };
      if (grudge(v, worst) >= 75) return { accept: false, reason: 'domestic opinion is not ready for the next step', told: DISCREET };
      return { accept: true, reason: 'an agreed peace opens the shortest route' };
    }
    case 'summit': {
      if (grudge(v, p.from) >= 80) return { accept: false, reason: 'the time is not right for a summit with this host', told: DISCREET };
      return { accept: true, reason: 'talking costs us little' };
    }
  }
}

/** What a state already pays each turn: its running pledges and the pacts it is in (public). */
function perTurnCommitted(v: PlayerView, id: StateId): number {
  let sum = 0;
  for (const p of v.pledges) if (p.state === id && p.turnsLeft > 0) sum += p.perTurn;
  for (const p of v.pacts) if (p.members.includes(id) && p.endsTurn >= v.turn) sum += p.contribution;
  return sum;
}

/**
 * The most a state pledges a turn for `turns` turns: a quarter of what it has left to spend
 * (`budget`), spread over the pledge; a state that hosts the stage or wants the line (`keen`)
 * also up to 60% of its income less what it already pays each turn, so that it pays from
 * income, but never more than its budget (the first payment falls due before any revenue).
 */
function pledgeCap(v: PlayerView, s: PlayerView['states'][number], budget: number, turns: number, keen: boolean): number {
  const quarter = Math.floor(Math.floor(budget / 4) / Math.max(1, turns));
  if (!keen) return quarter;
  const half = Math.floor(Math.floor(budget / 2) / Math.max(1, turns));
  return Math.max(half, Math.min(budget, Math.floor((s.income * 6) / 10) - perTurnCommitted(v, s.id)));
}

/** What another state may be asked to pledge a turn, read from public figures: its treasury
 * less what it already pays each turn stands in for its budget. */
function partnerCap(v: PlayerView, f: PlayerView['states'][number], stage: PlayerView['power'][number], turns: number): number {
  return pledgeCap(v, f, Math.max(0, f.treasury - perTurnCommitted(v, f.id)), turns, stage.hosts.includes(f.id));
}

/**
 * A pledge that funds what `stage` still needs (after the pledges running and those proposed
 * this turn) in time for it to be built before the game ends, shared by us and its other
 * hosts, our most trusted other state, or neither, each within what it can be expected to
 * accept; null when no such pledge can. A stage funded on turn T builds from T, so it is done
 * on T + buildTurns - 1.
 */
function fundingPledge(v: PlayerView, stage: PlayerView['power'][number], friends: PlayerView['states'], owed: number): { perTurn: number; turns: number; pledgers: StateId[] } | null {
  const self = me(v);
  const turns = Math.min(8, v.turns - v.turn - stage.buildTurns + 2);
  if (turns < 1) return null;
  // What the pledges running will pay in time, and the pledges proposed this turn if they bind.
  let running = v.pledges.reduce((sum, p) => sum + (p.stage === stage.id ? p.perTurn * Math.min(p.turnsLeft, turns) : 0), 0);
  for (const p of v.proposals) {
    const t = p.terms;
    if (p.turn === v.turn && t.kind === 'powerPledge' && t.stage === stage.id && (p.status === 'open' || p.status === 'bound')) running += t.perTurn * Math.min(t.turns, turns) * t.pledgers.length;
  }
  const need = stage.cost - stage.funded - running;
  if (need <= 0) return null;
  // Partners: not already asked this turn, and not a state that has said no to a pledge to
  // this stage this turn or last (its reason may be a grudge we cannot see).
  const free = friends.filter((f) => !onTable(v, f.id, stage.id) && !refused(v, f.id, stage.id));
  const co = free.filter((f) => stage.hosts.includes(f.id)).slice(0, 2);
  const friend = free.find((f) => !stage.hosts.includes(f.id));
  // Each pledger pays the same, so a poorer partner may sink a pair that a third could carry;
  // last, alone.
  const tries = [co.length ? co : null, co.length && friend ? [...co, friend] : null, !co.length && friend ? [friend] : null, []];
  const mine = pledgeCap(v, self, Math.max(0, self.treasury - owed), turns, true);
  for (const partners of tries) {
    if (!partners) continue;
    const perTurn = Math.max(10, Math.ceil(need / ((partners.length + 1) * turns)));
    const ceiling = Math.min(MAX_PLEDGE_PER_TURN, mine, ...partners.map((f) => partnerCap(v, f, stage, turns)));
    if (perTurn <= ceiling) return { perTurn, turns, pledgers: [self.id, ...partners.map((f) => f.id)] };
  }
  return null;
}

/** Where no pledge can finish the stage in time: a token, a fortieth of our treasury a turn
 * for 3 turns, with the most trusted of its other hosts if that one would accept as much, else
 * alone (a state that hosts nothing may resent a host, and withhold). */
function tokenPledge(v: PlayerView, stage: PlayerView['power'][number], friends: PlayerView['states'], owed: number): { perTurn: number; turns: number; pledgers: StateId[] } | null {
  const self = me(v);
  const turns = Math.min(3, v.turns);
  const perTurn = Math.min(MAX_PLEDGE_PER_TURN, Math.max(10, Math.floor(self.treasury / 40)), pledgeCap(v, self, Math.max(0, self.treasury - owed), turns, true));
  if (perTurn < 10) return null;
  const friend = friends.find((f) => !pledging(v, f.id, stage.id) && !refused(v, f.id, stage.id) && stage.hosts.includes(f.id));
  const withFriend = friend && partnerCap(v, friend, stage, turns) >= perTurn;
  return { perTurn, turns, pledgers: withFriend ? [self.id, friend.id] : [self.id] };
}

/** A pledge of `id`'s to the stage is on the table this turn. */
function onTable(v: PlayerView, id: StateId, stageId: string): boolean {
  return v.proposals.some((p) => p.turn === v.turn && p.terms.kind === 'powerPledge' && p.terms.stage === stageId && p.parties.includes(id) && (p.status === 'open' || p.status === 'bound'));
}

/** `id` has said no to a pledge to the stage this turn or last (what a bot's brief view
 * holds: it does not ask again at once). */
function refused(v: PlayerView, id: StateId, stageId: string): boolean {
  return v.proposals.some((p) => p.turn >= v.turn - 1 && p.terms.kind === 'powerPledge' && p.terms.stage === stageId && p.responses[id] === 'rejected');
}

/** The states that said no to our deal on this segment last turn: not asked again at once
 * (the rejection is ours to know: we made the proposal). */
function turnedDown(v: PlayerView, segmentId: string): Set<StateId> {
  const out = new Set<StateId>();
  for (const p of v.proposals) {
    if (p.turn !== v.turn - 1 || p.from !== v.viewer || p.terms.kind !== 'segmentDeal' || p.terms.segment !== segmentId) continue;
    for (const id of p.parties) if (p.responses[id] === 'rejected') out.add(id);
  }
  return out;
}

/** Already pledged to a stage, or a pledge to it is on the table this turn. */
function pledging(v: PlayerView, id: StateId, stageId: string): boolean {
  return v.pledges.some((p) => p.state === id && p.stage === stageId && p.turnsLeft > 0) || onTable(v, id, stageId);
}

/**
 * Shares (basis points) of a segment's `remaining` cost for us and `partners` that each can
 * pay at ratification: for us at most an equal share and what we can afford (`mine`), for a
 * partner at most what judge's rule lets it accept, read from public figures (60% of its
 * treasury less what it already pays each turn and what the deals bound this turn ask of it;
 * a little under, as the deals it has only accepted so far are not public). The rest is
 * spread evenly over those with room, the poorest filled first; null when together they
 * cannot pay it all (the deal would be refused).
 */
export function dealSharesFor(v: PlayerView, remaining: number, partners: StateId[], mine: number): Record<StateId, number> | null {
  if (remaining <= 0) return null;
  const id = v.viewer as StateId;
  const capOf = (x: StateId) => {
    const s = v.states.find((t) => t.id === x);
    if (!s) return 0;
    let bound = 0;
    for (const p of v.proposals) if (p.turn === v.turn && p.status === 'bound') bound += costTo(v, p, x);
    return Math.floor((Math.max(0, s.treasury - perTurnCommitted(v, x) - bound) * 55) / 100);
  };
  const payers = [{ id, cap: Math.min(mine, Math.floor(remaining / (partners.length + 1))) }, ...partners.map((x) => ({ id: x, cap: capOf(x) }))];
  if (payers.reduce((n, p) => n + p.cap, 0) < remaining) return null;
  // Water-filling, the smallest cap first (ties in the order above).
  const order = payers.map((p, i) => ({ ...p, i })).sort((a, b) => a.cap - b.cap || a.i - b.i);
  const amount = new Map<StateId, number>();
  let left = remaining;
  for (let k = 0; k < order.length; k++) {
    const give = Math.min(order[k].cap, Math.ceil(left / (order.length - k)));
    amount.set(order[k].id, give);
    left -= give;
  }
  // In basis points, rounded down; the points left go to the payer with the most room among
  // those with a share (one always has: the amounts add up to `remaining`), never to a payer
  // with none, which would put a share of 0 in the terms (the sim refuses it).
  const shares: Record<StateId, number> = {};
  let points = 0;
  for (const p of payers) {
    const bp = Math.floor(((amount.get(p.id) ?? 0) * 10000) / remaining);
    if (bp > 0) shares[p.id] = bp;
    points += bp;
  }
  const room = (p: { id: StateId; cap: number }) => p.cap - (amount.get(p.id) ?? 0);
  const roomiest = payers.filter((p) => shares[p.id] !== undefined).sort((a, b) => room(b) - room(a))[0];
  shares[roomiest.id] += 10000 - points;
  return shares;
}

/** `owed`: as for judge, before this view's answers. */
function ideas(v: PlayerView, owed: number): { terms: ProposalTerms; reason: string; told?: string }[] {
  const self = me(v);
  const id = v.viewer as StateId;
  const out: { terms: ProposalTerms; reason: string; told?: string }[] = [];
  // Each state's distrust worked out once, not at every comparison of the sort.
  const others = v.states.filter((s) => s.id !== id);
  const distrustOf = new Map(others.map((s) => [s.id, distrust(v, s.id)]));
  const friends = others.sort((a, b) => distrustOf.get(a.id)! - distrustOf.get(b.id)! || (a.id < b.id ? -1 : 1));
  // 1. Co-fund an expensive planned segment on our territory.
  // (Never a cable: a deal cannot fund one; its owners fund it by orders.)
  // Not one with a deal on the table this turn that we can see (another owner's, say): a
  // second deal on it would ask its partners for the same money twice.
  const dealt = new Set(v.proposals.filter((p) => p.turn === v.turn && (p.status === 'open' || p.status === 'bound') && p.terms.kind === 'segmentDeal').map((p) => (p.terms.kind === 'segmentDeal' ? p.terms.segment : '')));
  const planned = v.segments.filter((s) => s.mode !== 'cable' && s.owners.includes(id) && investable(v, s) && s.status === 'planned' && !dealt.has(s.id) && s.cost - s.funded > Math.floor(self.treasury / 3));
  if (planned.length) {
    const seg = planned.sort((a, b) => a.cost - a.funded - (b.cost - b.funded) || (a.id < b.id ? -1 : 1))[0];
    // Its other owners and our most trusted other state with money, but not one that said no
    // to this deal last turn: asking the same again at once wastes a proposal (and annoys a player).
    const declined = turnedDown(v, seg.id);
    const asked = (x: StateId) => x !== id && !declined.has(x);
    const partners = [...new Set([...seg.owners.filter((o) => o !== id), ...friends.filter((f) => f.treasury > 300 && asked(f.id)).slice(0, 1).map((f) => f.id)])].slice(0, 2);
    const shares = partners.length ? dealSharesFor(v, seg.cost - seg.funded, partners, Math.floor((Math.max(0, self.treasury - owed) * 6) / 10)) : null;
    if (shares) out.push({ terms: { kind: 'segmentDeal', segment: seg.id, shares, feeCap: 'standard' }, reason: `${seg.name} is too costly to build alone` });
  }
  // 2. The peace track, if we are a party and relations allow.
  const peaceOnTable = v.proposals.some((p) => p.turn === v.turn && p.terms.kind === 'peaceStep' && (p.status === 'open' || p.status === 'bound'));
  if (v.peace && v.peace.parties.includes(id) && !peaceOnTable && v.peace.stage < v.peace.stages.length - 1 && v.turn % 2 === 1) {
    const other = v.peace.parties.find((p) => p !== id)!;
    if (grudge(v, other) < 70 && !/spoil|closed|block/i.test(self.agenda?.name ?? '')) out.push({ terms: { kind: 'peaceStep' }, reason: 'the next peace step opens the shortest route' });
  }
  // 3. Power line: pledge to an unfunded stage we host (or any, with a power-line agenda): the
  // first that a pledge can finish in time (a token pledge of ours running on it does not
  // stop that: the rest is what it still needs), else a token pledge to the first we do
  // not pledge to yet.
  const keenOn = v.power.filter((s) => s.status === 'planned' && s.funded < s.cost && !onTable(v, id, s.id) && (s.hosts.includes(id) || wantsLine(v)));
  if (keenOn.length && self.treasury > 200) {
    let pledge = null;
    for (const stage of keenOn) {
      const terms = fundingPledge(v, stage, friends, owed);
      if (terms) {
        pledge = { stage, terms };
        break;
      }
    }
    const first = keenOn.find((s) => !pledging(v, id, s.id));
    if (!pledge && first) {
      const terms = tokenPledge(v, first, friends, owed);
      if (terms) pledge = { stage: first, terms };
    }
    if (pledge) out.push({ terms: { kind: 'powerPledge', stage: pledge.stage.id, ...pledge.terms }, reason: `${pledge.stage.name} needs funding` });
  }
  // 4. A pact with our most trusted neighbour when security is low (not for the neutral).
  if (self.security < 50 && !self.inPact && !/neutral/i.test(self.agenda?.name ?? '') && friends.length && v.turn % 3 === 1) {
    out.push({ terms: { kind: 'securityPact', members: [id, friends[0].id], contribution: 10, duration: Math.min(4, v.turns) }, reason: 'incidents threaten our segments' });
  }
  // 5. A summit to mend our worst relation, if it is not beyond repair.
  const worst = friends[friends.length - 1];
  if (worst && v.turn % 4 === 2 && grudge(v, worst.id) >= 35 && grudge(v, worst.id) < 70 && self.treasury > Math.max(100, v.summitCost)) {
    out.push({ terms: { kind: 'summit', attendees: [id, worst.id] }, reason: `relations with ${worst.name} need attention`, told: 'talking helps relations' });
  }
  return out;
}

/** Everything a bot does in diplomacy right now: answers, then proposals, then done. */
export function diplomacyChoices(v: PlayerView, maxProposals: number): BotChoice[] {
  const id = v.viewer as StateId;
  const out: BotChoice[] = [];
  // Each acceptance adds to what we owe, so that together they stay affordable.
  const before = committed(v) + promisedOpen(v);
  let owed = before;
  for (const p of v.proposals) {
    if (p.turn === v.turn && p.status === 'open' && p.responses[id] === 'pending') {
      const { accept, reason, told } = judge(v, p, owed);
      if (accept) owed += costToUs(v, p);
      out.push({ action: { type: 'respond', player: id, proposal: p.id, accept }, reason, told });
    }
  }
  const self = me(v);
  if (!self.diplomacyDone) {
    const made = v.proposals.filter((p) => p.turn === v.turn && p.from === id).length;
    for (const idea of ideas(v, before).slice(0, Math.max(0, Math.min(2, maxProposals - made)))) {
      out.push({ action: { type: 'propose', player: id, terms: idea.terms }, reason: idea.reason, told: idea.told });
    }
    out.push({ action: { type: 'endDiplomacy', player: id }, reason: 'done for this turn' });
  }
  return out;
}

/** What this turn's resolution will ask of us after our orders: the view says (src/sim/obligations.ts). */
export function committed(v: PlayerView): number {
  return v.owed ?? 0;
}

/** What an open deal would ask of us this turn once bound, as the view lets us estimate it:
 * our share of the segment's remaining cost, a pledge's first payment, a pact's first
 * contribution (0 if we are not a party). */
function costToUs(v: PlayerView, p: ProposalView): number {
  return costTo(v, p, v.viewer as StateId);
}

/** The same for any state `id`, from what the view shows of the proposal. */
function costTo(v: PlayerView, p: ProposalView, id: StateId): number {
  if (!p.parties.includes(id)) return 0;
  const t = p.terms;
  if (t.kind === 'segmentDeal') {
    const seg = v.segments.find((s) => s.id === t.segment);
    return seg ? Math.floor((Math.max(0, seg.cost - seg.funded) * (t.shares[id] ?? 0)) / 10000) : 0;
  }
  if (t.kind === 'powerPledge') return t.perTurn;
  if (t.kind === 'securityPact') return t.contribution;
  if (t.kind === 'summit' && p.from === id) return v.summitCost; // the host pays it (owedThisTurn)
  return 0;
}

/** This turn's deals we have accepted (or made) that are still open: they may yet bind. */
function promisedOpen(v: PlayerView): number {
  const id = v.viewer as StateId;
  let sum = 0;
  for (const p of v.proposals) if (p.turn === v.turn && p.status === 'open' && p.responses[id] === 'accepted') sum += costToUs(v, p);
  return sum;
}

export function orderChoice(v: PlayerView): BotChoice {
  const id = v.viewer as StateId;
  const self = me(v);
  let budget = Math.max(0, self.treasury - committed(v));
  const orders: Orders = { invest: [], fees: {}, security: 0, intel: null };
  const reasons: string[] = [];
  if ((self.stability < 45 || self.security < 35) && budget >= 40) {
    orders.security = Math.floor(budget / 20);
    budget -= orders.security;
    reasons.push('raising security');
  }
  const targets = v.segments
    .filter((s) => investable(v, s))
    .sort((a, b) => a.cost - a.funded - (b.cost - b.funded) || (a.id < b.id ? -1 : 1));
  let investBudget = Math.floor((budget * 45) / 100);
  for (const seg of targets) {
    const need = seg.status === 'damaged' ? Math.max(1, seg.cost - seg.funded) : seg.cost - seg.funded;
    const amount = Math.min(need, investBudget);
    if (amount < 1) break;
    orders.invest.push({ segment: seg.id, amount });
    investBudget -= amount;
    budget -= amount;
  }
  if (orders.invest.length) reasons.push(`investing in ${orders.invest.length} segment(s)`);
  const gatekeeper = /gate|share|hub/i.test(self.agenda?.name ?? '');
  for (const seg of v.segments) {
    if (!seg.owners.includes(id)) continue;
    let fee: FeeLevel = gatekeeper ? 'low' : self.treasury < 150 ? 'high' : 'standard';
    if (seg.feeCap === 'low' || (seg.feeCap === 'standard' && fee === 'high')) fee = seg.feeCap;
    orders.fees[seg.id] = fee;
  }
  if (v.turn % 3 === 0 && budget >= 30) {
    const target = v.states
      .filter((s) => s.id !== id)
      .sort((a, b) => {
        const ea = v.perceived?.[a.id];
        const eb = v.perceived?.[b.id];
        return (eb ? eb.hi - eb.lo : 0) - (ea ? ea.hi - ea.lo : 0) || (a.id < b.id ? -1 : 1);
      })[0];
    if (target) {
      orders.intel = { target: target.id, amount: 20 };
      reasons.push(`intelligence on ${target.name}`);
    }
  }
  return { action: { type: 'submitOrders', player: id, orders }, reason: reasons.join(', ') || 'holding course' };
}
