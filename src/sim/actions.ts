// Actions: validation with human reasons, the phase flow, and applyAction, which is one
// copy-on-write step per action and never throws for bad input.
import { copyObject, deepFreeze, freezeEntries, jsonCopy, markOpen, sealRun, sealState, workingCopy } from './cow';
import { grownFrom } from './hash';
import type { LoadedLevel } from './level';
import { FEE_LEVELS, type FeeLevel } from './level-schema';
import { indexOf } from './lookup';
import { logEntry } from './log';
import { checkTerms, partiesOf, settle, thisTurnStart } from './proposals';
import { restoreRng } from './rng';
import { finalizeGame, lastTurnOf, resolveTurn, startTurn } from './turn/index';
import type { Action, ActionResult, GameState, Orders, Proposal, StateId } from './types';
import { article, isInt, isObject, money, nameOf } from './util';

const ACTION_KEYS: Record<Action['type'], string[]> = {
  propose: ['type', 'player', 'terms'],
  respond: ['type', 'player', 'proposal', 'accept'],
  endDiplomacy: ['type', 'player'],
  submitOrders: ['type', 'player', 'orders'],
  inject: ['type', 'player', 'event'],
  reveal: ['type', 'player'],
  endEarly: ['type', 'player'],
};

const ORDER_KEYS = ['invest', 'fees', 'security', 'intel'];

const feeRank = (f: FeeLevel) => FEE_LEVELS.indexOf(f);

/** The first own member of `o` not in `allowed`, or null (checked on every action: no arrays made). */
function firstExtra(o: Record<string, unknown>, allowed: readonly string[]): string | null {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) return k;
  return null;
}

/** Segments a state may put money into this turn, with why not for the others. */
export function investReason(level: LoadedLevel, s: GameState, player: StateId, segment: string): string | null {
  const seg = indexOf(level).segments.get(segment);
  if (!seg) return `segment ${JSON.stringify(segment)} does not exist`;
  const st = s.segments[segment];
  if (!seg.owners.includes(player) && !st.cofunders.includes(player)) {
    return `you neither own nor co-fund ${seg.name}: propose a segment deal with ${seg.owners.map((o) => nameOf(level, o)).join(', ')}`;
  }
  if (seg.requires && level.peaceTrack) {
    const need = indexOf(level).peaceStageIndex.get(seg.requires.peace) ?? 0;
    if (s.peaceStage < need) return `${seg.name} cannot be built until the ${level.peaceTrack.name} reaches "${level.peaceTrack.stages[need].name}"`;
  }
  if (st.status === 'planned') return st.funded >= seg.cost ? `${seg.name} is fully funded` : null;
  if (st.status === 'damaged') return null;
  if (st.status === 'open' && seg.upgrade && !st.upgrading && st.capacity < seg.upgrade.capacity) return null;
  return st.status === 'building' ? `${seg.name} is already being built` : `${seg.name} has nothing left to fund`;
}

function checkOrders(level: LoadedLevel, s: GameState, player: StateId, raw: unknown): string | null {
  if (!isObject(raw)) return 'orders must be an object with invest, fees, security and intel';
  const extra = firstExtra(raw, ORDER_KEYS);
  if (extra !== null) return `unexpected field "${extra}" in orders`;
  const idx = indexOf(level);
  const p = s.players[player];
  let spend = 0;
  if (!Array.isArray(raw.invest)) return 'orders.invest must be a list of {segment, amount}';
  if (raw.invest.length > 40) return 'orders.invest has more than 40 entries';
  const seen = new Set<string>();
  for (const [i, inv] of raw.invest.entries()) {
    if (!isObject(inv) || Object.keys(inv).some((k) => k !== 'segment' && k !== 'amount')) return `orders.invest[${i}] must be {segment, amount}`;
    if (typeof inv.segment !== 'string') return `orders.invest[${i}].segment must be a segment id`;
    if (seen.has(inv.segment)) return `orders.invest lists ${inv.segment} twice`;
    seen.add(inv.segment);
    if (!isInt(inv.amount) || inv.amount < 1) return `orders.invest[${i}].amount must be a whole number of $M, at least 1`;
    const why = investReason(level, s, player, inv.segment);
    if (why) return `orders.invest[${i}]: ${why}`;
    spend += inv.amount;
  }
  if (!isObject(raw.fees)) return 'orders.fees must map your segment ids to low, standard or high';
  for (const segId of Object.keys(raw.fees)) {
    const fee = raw.fees[segId];
    const seg = idx.segments.get(segId);
    if (!seg) return `orders.fees: segment "${segId}" does not exist`;
    if (!seg.owners.includes(player)) return `orders.fees: you do not own ${seg.name}`;
    if (typeof fee !== 'string' || !(FEE_LEVELS as readonly string[]).includes(fee)) return `orders.fees.${segId} must be low, standard or high`;
    const cap = s.segments[segId].feeCap;
    if (cap && feeRank(fee as FeeLevel) > feeRank(cap)) return `orders.fees.${segId}: a deal caps the fee on ${seg.name} at ${cap}`;
  }
  if (!isInt(raw.security) || raw.security < 0) return 'orders.security must be a whole number of $M, 0 or more';
  spend += raw.security;
  if (raw.intel !== null) {
    if (!isObject(raw.intel) || Object.keys(raw.intel).some((k) => k !== 'target' && k !== 'amount')) return 'orders.intel must be null or {target, amount}';
    if (typeof raw.intel.target !== 'string' || !idx.states.has(raw.intel.target) || raw.intel.target === player) return 'orders.intel.target must be another player state';
    if (!isInt(raw.intel.amount) || raw.intel.amount < 1) return 'orders.intel.amount must be a whole number of $M, at least 1';
    spend += raw.intel.amount;
  }
  if (spend > Math.max(0, p.treasury)) return `these orders spend ${money(spend)} but your treasury has ${money(p.treasury)}`;
  return null;
}

/** Why an action is not allowed now, or null when it is. */
export function checkAction(level: LoadedLevel, s: GameState, action: unknown): string | null {
  if (!isObject(action)) return 'an action must be an object with a type';
  const type = action.type;
  if (typeof type !== 'string' || !(type in ACTION_KEYS)) return `unknown action type ${JSON.stringify(type)}; expected one of ${Object.keys(ACTION_KEYS).join(', ')}`;
  const extra = firstExtra(action, ACTION_KEYS[type as Action['type']]);
  if (extra !== null) return `unexpected field "${extra}" in ${article(type)} ${type} action`;
  if (s.phase === 'ended') return 'the game is over';
  const player = action.player;
  if (type === 'inject' || type === 'reveal' || type === 'endEarly') {
    if (player !== 'facilitator') return `only the facilitator can ${type === 'inject' ? 'inject events' : type === 'reveal' ? 'reveal animosities' : 'end the game early'}`;
    if (type === 'reveal') return s.revealed ? 'animosities are already revealed' : null;
    if (type === 'endEarly') {
      if (s.endsAfter !== undefined) return `the game already ends when turn ${s.endsAfter} resolves`;
      return s.turn >= level.turns ? `turn ${s.turn} is the last turn already: the game ends when it resolves` : null;
    }
    const ev = typeof action.event === 'string' ? indexOf(level).events.get(action.event) : undefined;
    if (!ev) return `event ${JSON.stringify(action.event)} is not in this level`;
    if (s.injected.includes(ev.id)) return `${ev.title} is already queued for next turn`;
    return null;
  }
  if (typeof player !== 'string' || !indexOf(level).states.has(player)) return `player ${JSON.stringify(player)} is not a state in this level`;
  switch (type) {
    case 'propose': {
      if (s.phase !== 'diplomacy') return 'proposals can only be made during diplomacy';
      if (s.diplomacyDone[player]) return 'you have ended diplomacy for this turn';
      let made = 0;
      for (let i = thisTurnStart(s); i < s.proposals.length; i++) if (s.proposals[i].from === player) made++;
      if (made >= level.params.maxProposalsPerTurn) return `you can make at most ${level.params.maxProposalsPerTurn} proposals a turn`;
      return checkTerms(level, s, player, action.terms);
    }
    case 'respond': {
      if (s.phase !== 'diplomacy') return 'proposals can only be answered during diplomacy';
      // This turn's first (the only ones that can be open), then the rest, as a find over each would.
      const start = thisTurnStart(s);
      let p: Proposal | undefined;
      for (let i = start; i < s.proposals.length && !p; i++) if (s.proposals[i].id === action.proposal) p = s.proposals[i];
      for (let i = 0; i < start && !p; i++) if (s.proposals[i].id === action.proposal) p = s.proposals[i];
      if (!p) return `there is no proposal ${JSON.stringify(action.proposal)}`;
      if (!p.parties.includes(player)) return 'you are not a party to this proposal';
      if (p.status !== 'open') return `this proposal is already ${p.status}`;
      if (p.responses[player] !== 'pending') return 'you have already answered this proposal';
      if (typeof action.accept !== 'boolean') return 'accept must be true or false';
      return null;
    }
    case 'endDiplomacy':
      if (s.phase !== 'diplomacy') return 'diplomacy is already over this turn';
      return s.diplomacyDone[player] ? 'you have already ended diplomacy this turn' : null;
    case 'submitOrders':
      if (s.phase !== 'orders') return 'orders are given after diplomacy';
      return checkOrders(level, s, player, action.orders);
  }
  return 'unknown action';
}

/** Read on the state before the action, with this action's effect given apart. */
function diplomacyCloses(before: GameState, done: Record<string, boolean>, stillOpen: (p: GameState['proposals'][number]) => boolean): boolean {
  for (const id in done) if (!done[id]) return false;
  const list = before.proposals;
  for (let i = list.length - 1; i >= 0 && list[i].turn === before.turn; i--) if (stillOpen(list[i])) return false;
  return true;
}

function closeDiplomacy(s: GameState): void {
  s.phase = 'orders';
  s.orders = resetAll(s.orders, null);
}

/** The same keys in the same order, every value set to `value`. */
function resetAll<V>(rec: Record<string, unknown>, value: V): Record<string, V> {
  const out: Record<string, V> = {};
  for (const id of Object.keys(rec)) out[id] = value;
  return out;
}

/** Resolves the turn on a working copy of `s` (which has every seat's orders) and starts the next. */
function resolve(level: LoadedLevel, s: GameState, inPlace: boolean): GameState {
  const w = workingCopy(s, inPlace);
  const rng = restoreRng(w.rng);
  resolveTurn(level, w, rng);
  if (w.turn >= lastTurnOf(level, w)) {
    w.phase = 'ended';
    finalizeGame(level, w);
  } else {
    w.turn += 1;
    w.phase = 'diplomacy';
    w.log.push([]);
    w.diplomacyDone = resetAll(w.diplomacyDone, false);
    w.orders = resetAll(w.orders, null);
    startTurn(level, w, rng);
  }
  w.rng = rng.save();
  return w;
}

// The state keeps its own copies of what an action carries (checked already).
function copyOrders(raw: Orders): Orders {
  const fees: Orders['fees'] = {};
  for (const k of Object.keys(raw.fees)) fees[k] = raw.fees[k]; // fee levels: checked, never "__proto__"
  return {
    invest: raw.invest.map((i) => ({ segment: i.segment, amount: i.amount })),
    fees,
    security: raw.security,
    intel: raw.intel ? { target: raw.intel.target, amount: raw.intel.amount } : null,
  };
}

/**
 * One copy-on-write step per action (in place of an immer produce): the next state is a new
 * object that copies only what the action changes and shares every other subtree with the
 * old state, which is never changed. Every state is deep-frozen, so nothing can change one
 * later and treeHash may cache the digests of its parts.
 */
export function applyAction(level: LoadedLevel, state: GameState, action: Action): ActionResult {
  return step(level, state, action, true);
}

/**
 * applyAction for a run of actions whose states the caller does not keep (a replay being
 * verified, a bot game between turns): the state it returns is open (not frozen) and
 * belongs to the caller, who passes it to the next openStep and lets nothing keep it
 * (reading it meanwhile, as a view does, is fine); the turn's resolution then works on it in
 * place instead of on a copy. The run ends with closeRun, or (a replay) with freezeEntries
 * at each checkpoint so that treeHash remembers what will not change again. What the
 * actions do is the same code as applyAction's.
 */
export function openStep(level: LoadedLevel, state: GameState, action: Action): ActionResult {
  return step(level, state, action, false);
}

function step(level: LoadedLevel, state: GameState, action: Action, freeze: boolean): ActionResult {
  const error = checkAction(level, state, action);
  if (error) return { ok: false, error };
  // An open state belongs to the caller (openStep): it is changed in place, lists included.
  const own = (x: object) => !freeze && !Object.isFrozen(x);
  const s: GameState = own(state) ? state : freeze ? copyObject(state) : markOpen(copyObject(state));
  // What this action made, to be frozen: lists are frozen on their own once their new
  // entries are (their other entries are the old state's, frozen already).
  const made: unknown[] = [];
  const lists: unknown[][] = [];
  switch (action.type) {
    case 'propose': {
      const parties = partiesOf(level, action.player, action.terms);
      const responses: Proposal['responses'] = {};
      for (const id of parties) responses[id] = id === action.player ? 'accepted' : 'pending';
      const p: Proposal = {
        id: `p${s.turn}-${s.nextProposal}`,
        turn: s.turn,
        from: action.player,
        parties,
        terms: jsonCopy(action.terms),
        responses,
        status: 'open',
      };
      s.nextProposal += 1;
      settle(p);
      if (own(state.proposals)) s.proposals.push(p);
      else {
        s.proposals = [...state.proposals, p];
        grownFrom(s.proposals, state.proposals);
      }
      made.push(p);
      lists.push(s.proposals);
      break;
    }
    case 'respond': {
      const list = state.proposals;
      // checkAction found it; ids are unique, and an open one is among the latest.
      let i = list.length - 1;
      while (list[i].id !== action.proposal) i--;
      const old = list[i];
      // Copies and plain stores: an object literal with a computed key is many times slower.
      const responses = copyObject(old.responses);
      responses[action.player] = action.accept ? 'accepted' : 'rejected';
      const p: Proposal = copyObject(old);
      p.responses = responses;
      settle(p);
      const proposals = own(list) ? list : [...list];
      proposals[i] = p;
      if (proposals !== list) grownFrom(proposals, list);
      s.proposals = proposals;
      made.push(p);
      lists.push(proposals);
      const status = p.status;
      if (diplomacyCloses(state, state.diplomacyDone, (q) => (q.id === action.proposal ? status === 'open' : q.status === 'open'))) {
        closeDiplomacy(s);
        made.push(s.orders);
      }
      break;
    }
    case 'endDiplomacy': {
      const done = copyObject(state.diplomacyDone);
      done[action.player] = true;
      // Diplomacy closes when every seat is done and no proposal awaits an answer.
      if (diplomacyCloses(state, done, (q) => q.status === 'open')) {
        closeDiplomacy(s);
        made.push(s.orders);
      }
      s.diplomacyDone = done;
      made.push(s.diplomacyDone);
      break;
    }
    case 'submitOrders': {
      const orders = copyObject(state.orders);
      orders[action.player] = copyOrders(action.orders);
      s.orders = orders;
      let all = true;
      for (const id in s.orders) if (s.orders[id] === null) all = false;
      if (all) return { ok: true, state: freeze ? sealState(state, resolve(level, s, false)) : markOpen(resolve(level, s, true)) };
      made.push(s.orders);
      break;
    }
    case 'inject': {
      s.injected = [...state.injected, action.event];
      made.push(s.injected);
      // Narration only (the hash leaves the log out): the debrief's record of the queueing;
      // the players learn of the event when it is dealt as news.
      const ev = indexOf(level).events.get(action.event);
      facilitatorNote(s, `The facilitator queued "${ev?.title ?? action.event}" for next turn's news.`, 'facilitator', made);
      break;
    }
    case 'reveal':
      s.revealed = true;
      facilitatorNote(s, 'The facilitator revealed every animosity to all players.', 'all', made);
      break;
    case 'endEarly':
      s.endsAfter = state.turn;
      facilitatorNote(s, `The facilitator ends the game when turn ${state.turn} resolves: it is the last turn, scored as a last turn is.`, 'all', made);
      break;
  }
  // An open run's new proposal is not frozen: within the turn it is never changed (an answer
  // replaces it), which is all the bots' views need (view.ts), and the checkpoints freeze it
  // (freezeEntries) before it is hashed.
  if (!freeze) return { ok: true, state: s };
  if (Object.isFrozen(state)) {
    for (const x of made) deepFreeze(x);
    for (const x of lists) Object.freeze(x);
    Object.freeze(s);
  } else deepFreeze(s); // a state read from JSON: frozen with the new one, as immer froze what it shared
  return { ok: true, state: s };
}

/** A log line for one of the facilitator's actions, in this turn's log (a copy of a frozen
 * log first; the new slot is frozen with the rest of what the action made). */
function facilitatorNote(s: GameState, text: string, to: 'all' | 'facilitator', made: unknown[]): void {
  if (s.silent) return;
  if (Object.isFrozen(s.log)) s.log = [...s.log];
  logEntry(s, 'facilitator', text, to);
  made.push(s.log[s.turn]);
  made.push(s.log);
}

/**
 * Ends a run of openStep that the caller keeps (a bot game, at each turn's end): the open
 * state, sealed against `base`, the frozen state the run started from. What the run left
 * unchanged is shared with it, the rest frozen, as a run of applyAction would have left it.
 * `base` null: the run started from openGame, so there is nothing to share; all is frozen.
 */
export function closeRun(base: GameState | null, state: GameState): GameState {
  return base ? sealRun(base, state) : deepFreeze(state);
}

/**
 * At a turn's end in an open run whose states are hashed but not kept (a bot game's
 * checkpoints): freezes what will never change again (turn records, proposals, pacts,
 * pledges), so that the next checkpoint's hash reuses their digests. The state stays open.
 */
export function checkpointOpen(state: GameState): void {
  freezeEntries(state);
}

export function emptyOrders(): Orders {
  return { invest: [], fees: {}, security: 0, intel: null };
}
