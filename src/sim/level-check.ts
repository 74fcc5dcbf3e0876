// Semantic checks on level data beyond what the zod schema can say: references between
// parts of the level, ids, reachability, and things that would make no sense in play.
// The checks read the raw data defensively, so they also run (and never throw) when the
// schema has already found type errors; a part of the level that is not even the right
// shape is skipped here, the schema reports it.
import { MAX_ROUTES, searchRoutes, type MiddleRoute, type RouteSearch } from './routes';
import { FEE_LEVELS, type Level } from './level-schema';
import { capacityBound, demandBound, onSomeRoute, scoreBounds } from './level-bounds';
import type { Finding } from './level';
import { FORBIDDEN_KEYS } from './json-source';
import { formatPath } from './json-path';
import { article, money } from './util';
import { checkMap } from './level-check-map';
import { checkEventConditions } from './level-check-events';

type Path = (string | number)[];
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: unknown, k: string): unknown => (isObj(o) && Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const int = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);

/** The objects of an array with their indexes, or null when it is not an array at all. */
function items(v: unknown): { o: Obj; i: number }[] | null {
  if (!Array.isArray(v)) return null;
  const out: { o: Obj; i: number }[] = [];
  v.forEach((o, i) => {
    if (isObj(o)) out.push({ o, i });
  });
  return out;
}

/** The strings of an array with their indexes ([] when it is not an array). */
function strings(v: unknown): { s: string; i: number }[] {
  if (!Array.isArray(v)) return [];
  const out: { s: string; i: number }[] = [];
  v.forEach((s, i) => {
    if (typeof s === 'string') out.push({ s, i });
  });
  return out;
}

// ---------- did you mean ----------
/** Edit distance where inserting, deleting, changing or swapping two neighbours costs 1. */
function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    const prev = rows[i - 1];
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2][j - 2] + 1);
      cur[j] = v;
    }
    rows.push(cur);
  }
  return rows[a.length][b.length];
}

/** The closest candidate by edit distance (case-insensitive), or a containing one; first wins ties. */
export function closest(target: string, candidates: Iterable<string>): string | undefined {
  const t = target.toLowerCase();
  const limit = Math.max(1, Math.floor(t.length / 3));
  let best: string | undefined;
  let bestD = Infinity;
  let contained: string | undefined;
  for (const c of candidates) {
    if (c === target) continue;
    const l = c.toLowerCase();
    const d = editDistance(t, l);
    if (d <= limit && d < bestD) {
      best = c;
      bestD = d;
    }
    if (contained === undefined && t.length >= 3 && (l.includes(t) || t.includes(l)) && l.length >= 3) contained = c;
  }
  return best ?? contained;
}

export function didYouMean(target: string, candidates: Iterable<string>): string {
  const c = closest(target, candidates);
  return c === undefined ? '' : ` (did you mean ${JSON.stringify(c)}?)`;
}


// ---------- the checks ----------
interface Ctx {
  findings: Finding[];
  err(path: Path, message: string, onKey?: boolean): void;
  warn(path: Path, message: string, onKey?: boolean): void;
}

/** A set of ids and where each was first defined; null when the collection is not an array. */
type Ids = Map<string, Path> | null;

/**
 * The ids of a collection, reporting duplicates and reserved words. Null when the
 * collection is not a list of objects with string ids: then references into it are not
 * checked, since the schema already reports the broken item and every reference to the
 * id it should have had would only repeat that.
 */
function collect(ctx: Ctx, kind: string, raw: unknown, base: Path, into?: Map<string, Path>, intoKind?: string): Ids {
  const list = items(raw);
  if (list === null) return null;
  const ids = new Map<string, Path>();
  let complete = list.length === (raw as unknown[]).length;
  for (const { o, i } of list) {
    const id = str(own(o, 'id'));
    if (id === undefined) {
      complete = false;
      continue;
    }
    const path = [...base, i, 'id'];
    if (FORBIDDEN_KEYS.includes(id)) ctx.err(path, `"${id}" cannot be used as an id (it is a reserved word in JavaScript objects)`);
    const first = ids.get(id) ?? into?.get(id);
    if (first) {
      const what = ids.has(id) ? kind : intoKind ?? kind;
      ctx.err(path, `duplicate ${kind} id "${id}": already used by ${what === kind ? 'the' : 'a'} ${what} at ${formatPath(first)}`);
      continue;
    }
    ids.set(id, path);
  }
  return complete ? ids : null;
}

/**
 * Check a reference. `ids` null means the collection it points into is broken or absent,
 * which the schema reports; `what` names the kind ("node"), `absent` explains a missing
 * collection (e.g. the level has no peace track).
 */
function ref(ctx: Ctx, value: unknown, path: Path, ids: Ids, what: string, extra?: { also?: Ids; alsoWhat?: string; allowAll?: boolean }): boolean {
  const v = str(value);
  if (v === undefined || ids === null || ids.has(v)) return true;
  if (extra?.allowAll && v === 'all') return true;
  if (v === 'all') ctx.err(path, `"all" is not allowed here: name one ${what}`);
  else if (extra?.also?.has(v)) ctx.err(path, `"${v}" is ${article(extra.alsoWhat)} ${extra.alsoWhat}, not ${article(what)} ${what}`);
  else ctx.err(path, `unknown ${what} "${v}"${didYouMean(v, ids.keys())}`);
  return false;
}

function dupList(ctx: Ctx, arr: unknown, base: Path, what: string): void {
  const seen = new Set<string>();
  for (const { s, i } of strings(arr)) {
    if (seen.has(s)) ctx.err([...base, i], `"${s}" is listed twice in ${what}`);
    seen.add(s);
  }
}

export interface CheckOptions {
  /** Routes already enumerated by the caller (to avoid doing it twice). */
  routes?: MiddleRoute[];
  /** Whether the caller's list was cut short (searchRoutes().stopped); when `routes` is given
   * without it and holds MAX_ROUTES routes, the routes are searched again to know. */
  routesStopped?: RouteSearch['stopped'];
}

// Stats that the rules keep within 0..100 (income only stays at 0 or above).
const PCT_STATS = ['stability', 'security', 'reputation'];


/**
 * Semantic findings for level data. `parsed` is the zod output when the schema accepted
 * the data: only then are the checks that need a well-formed level (route enumeration) run.
 */
export function checkLevel(data: unknown, parsed?: Level, options: CheckOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const mk = (severity: Finding['severity']) => (path: Path, message: string, onKey?: boolean) => {
    findings.push(onKey ? { severity, path, message, onKey: true } : { severity, path, message });
  };
  const ctx: Ctx = { findings, err: mk('error'), warn: mk('warning') };
  if (!isObj(data)) return findings;
  const d = data;
  findings.push(...checkMap(d));
  findings.push(...checkEventConditions(d));
  const turns = int(own(d, 'turns'));

  // --- ids ---
  const sources = collect(ctx, 'source', own(d, 'sources'), ['sources']);
  const stateList = items(own(d, 'states'));
  const states = collect(ctx, 'state', own(d, 'states'), ['states']);
  const forces = collect(ctx, 'outside force', own(d, 'forces'), ['forces'], states ?? undefined, 'state');
  const actors: Ids = states && forces ? new Map([...states, ...forces]) : null;
  const nodeList = items(own(d, 'nodes'));
  const nodes = collect(ctx, 'node', own(d, 'nodes'), ['nodes']);
  const segList = items(own(d, 'segments'));
  const segments = collect(ctx, 'segment', own(d, 'segments'), ['segments']);
  const altList = items(own(d, 'alternativeRoutes'));
  const alts = collect(ctx, 'alternative route', own(d, 'alternativeRoutes'), ['alternativeRoutes']);
  const eventList = items(own(d, 'events'));
  const events = collect(ctx, 'event', own(d, 'events'), ['events']);

  const power = own(d, 'powerLine');
  const stageList = isObj(power) ? items(own(power, 'stages')) : null;
  // Inside a level only a powerFunding effect names a stage (pledges do, in play).
  const powerStages: Ids = isObj(power) ? collect(ctx, 'power stage', own(power, 'stages'), ['powerLine', 'stages']) : new Map();
  // The level's own id keys the browser's level list and saves, as the others key their tables.
  const levelId = str(own(d, 'id'));
  if (levelId !== undefined && FORBIDDEN_KEYS.includes(levelId)) ctx.err(['id'], `"${levelId}" cannot be used as an id (it is a reserved word in JavaScript objects)`);
  if (isObj(power)) {
    const pid = str(own(power, 'id'));
    if (pid !== undefined && FORBIDDEN_KEYS.includes(pid)) ctx.err(['powerLine', 'id'], `"${pid}" cannot be used as an id (it is a reserved word in JavaScript objects)`);
  }

  const peace = own(d, 'peaceTrack');
  const peaceStages: Ids = peace === undefined ? new Map() : isObj(peace) ? collect(ctx, 'peace stage', own(peace, 'stages'), ['peaceTrack', 'stages']) : null;
  const hasPeace = peace !== undefined;
  const hasPower = power !== undefined;
  let peaceUsed = false;

  const sourceRefs = (o: Obj, base: Path) => {
    for (const { s, i } of strings(own(o, 'sources'))) ref(ctx, s, [...base, 'sources', i], sources, 'source');
  };
  const stateRef = (v: unknown, path: Path, allowAll = false) => ref(ctx, v, path, states, 'state', { also: forces, alsoWhat: 'outside force', allowAll });
  const actorRef = (v: unknown, path: Path, allowAll = false) => ref(ctx, v, path, actors, 'state or outside force', { allowAll });
  const peaceRef = (v: unknown, path: Path) => {
    if (str(v) === undefined) return;
    peaceUsed = true;
    if (!hasPeace) ctx.err(path, 'this level has no peaceTrack, so there is no peace stage to name');
    else ref(ctx, v, path, peaceStages, 'peace stage');
  };
  // The first stage of the track: nothing is below it, everything is at least it.
  const firstStage = isObj(peace) ? str(own(items(own(peace, 'stages'))?.[0]?.o, 'id')) : undefined;
  const onFirstStage = (kind: unknown, v: unknown, path: Path, what: 'agenda' | 'condition') => {
    if (firstStage === undefined || v !== firstStage) return;
    if (kind === 'peaceBelow') ctx.warn(path, `no stage is below the first stage "${firstStage}", so this ${what} is never ${what === 'agenda' ? 'met' : 'true'}`);
    else if (what === 'agenda') ctx.warn(path, `the track is always at least its first stage "${firstStage}", so this agenda is always met`);
  };
  const afterLastTurn = (v: unknown, path: Path, what: string) => {
    const t = int(v);
    if (t !== undefined && turns !== undefined && t > turns) ctx.warn(path, `turn ${t} is after the last turn (${turns}), so ${what}`);
  };
  /** The deadline an agenda's `turn` really sets: the game ends on the last turn. */
  const deadline = (t: number) => (turns !== undefined && t > turns ? { turn: turns, text: `the last turn, ${turns}` } : { turn: t, text: `turn ${t}` });

  // Segments some event opens at once ("segmentStatus": "open"), whatever the event's
  // weight: a facilitator can inject any event, so their opening turn is not bounded.
  const openedByEvent = new Set<string>();
  for (const { o } of eventList ?? []) {
    for (const { o: e } of items(own(o, 'effects')) ?? []) {
      const sg = str(own(e, 'segment'));
      if (own(e, 'do') === 'segmentStatus' && own(e, 'status') === 'open' && sg !== undefined) openedByEvent.add(sg);
    }
  }
  // States some event takes money from ("all" for every state): only an event can put a
  // treasury in debt, since the rules cut every payment to what the treasury holds.
  const takesMoney = new Set<string>();
  for (const { o } of eventList ?? []) {
    for (const { o: e } of items(own(o, 'effects')) ?? []) {
      const delta = int(own(e, 'delta'));
      const who = str(own(e, 'state'));
      if (own(e, 'do') === 'stat' && own(e, 'stat') === 'treasury' && delta !== undefined && delta < 0 && who !== undefined) takesMoney.add(who);
    }
  }
  const segById = new Map<string, Obj>();
  for (const { o } of segList ?? []) {
    const sid = str(own(o, 'id'));
    if (sid !== undefined && !segById.has(sid)) segById.set(sid, o);
  }
  /**
   * The earliest turn a planned or building segment can open, or undefined when that is not
   * bounded here. Funded in full on turn 1 (orders and deals come before construction), it
   * makes its first turn of progress that turn and opens at buildTurns of progress.
   */
  const earliestBuilt = (o: Obj, sid: string | undefined): number | undefined => {
    const status = own(o, 'status');
    if ((status !== 'planned' && status !== 'building') || sid === undefined || openedByEvent.has(sid)) return undefined;
    return int(own(o, 'buildTurns'));
  };
  // throughputAtLeast agendas, checked against the most the corridor can carry once the
  // network is known to be sound (a broken origin would only repeat its error here).
  const throughputGoals: { kt: number; path: Path }[] = [];

  // --- states: colours, agendas ---
  const colours = new Map<string, Path>();
  const stateNames = new Map<string, Path>();
  for (const { o, i } of stateList ?? []) {
    const name = str(own(o, 'name'));
    if (name !== undefined) {
      const key = name.trim().toLowerCase();
      const first = stateNames.get(key);
      if (first) ctx.warn(['states', i, 'name'], `name ${JSON.stringify(name)} is already used by ${formatPath(first.slice(0, 2))}; players will not tell the two states apart`);
      else stateNames.set(key, ['states', i, 'name']);
    }
    const c = str(own(o, 'color'));
    if (c !== undefined) {
      const first = colours.get(c.toLowerCase());
      if (first) ctx.warn(['states', i, 'color'], `colour ${c} is already used by ${formatPath(first.slice(0, 2))}; players will not tell the two apart on the map`);
      else colours.set(c.toLowerCase(), ['states', i, 'color']);
    }
    const sid = str(own(o, 'id'));
    const agendaList = items(own(o, 'agendas'));
    collect(ctx, 'agenda', own(o, 'agendas'), ['states', i, 'agendas']);
    for (const { o: a, i: j } of agendaList ?? []) {
      const base: Path = ['states', i, 'agendas', j];
      switch (own(a, 'kind')) {
        case 'segmentOpenBy': {
          ref(ctx, own(a, 'segment'), [...base, 'segment'], segments, 'segment');
          const sid = str(own(a, 'segment'));
          const seg = sid === undefined ? undefined : segById.get(sid);
          const t = int(own(a, 'turn'));
          // A segment open at the start counts as opened on turn 0, and a repair keeps that turn.
          if (seg !== undefined && own(seg, 'status') === 'open') ctx.warn([...base, 'segment'], `segment "${sid}" is open at the start, so this agenda is always met`);
          const built = seg === undefined ? undefined : earliestBuilt(seg, sid);
          const by = t === undefined ? undefined : deadline(t);
          if (built !== undefined && by !== undefined && built > by.turn) {
            ctx.warn([...base, 'turn'], `segment "${sid}" needs ${built} turns of building, so it opens on turn ${built} at the earliest and this agenda (by ${by.text}) is never met`);
          } else afterLastTurn(own(a, 'turn'), [...base, 'turn'], 'the deadline is the end of the game');
          break;
        }
        case 'segmentClosed':
          ref(ctx, own(a, 'segment'), [...base, 'segment'], segments, 'segment');
          break;
        case 'peaceAtLeast':
        case 'peaceBelow':
          peaceRef(own(a, 'stage'), [...base, 'stage']);
          onFirstStage(own(a, 'kind'), own(a, 'stage'), [...base, 'stage'], 'agenda');
          break;
        case 'noPactWith': {
          const other = own(a, 'state');
          stateRef(other, [...base, 'state']);
          if (sid !== undefined && other === sid) ctx.warn([...base, 'state'], `a state is never in a pact with itself, so this agenda is always met`);
          break;
        }
        case 'powerLineBy': {
          if (!hasPower) ctx.err([...base, 'kind'], 'this level has no powerLine, so a powerLineBy agenda can never be met');
          // Every stage must be done; one funded in full on turn 1 is done on turn buildTurns.
          const t = int(own(a, 'turn'));
          let slowest: { id: string; turns: number } | undefined;
          for (const { o: st } of stageList ?? []) {
            const bt = int(own(st, 'buildTurns'));
            const stId = str(own(st, 'id'));
            if (bt !== undefined && stId !== undefined && (slowest === undefined || bt > slowest.turns)) slowest = { id: stId, turns: bt };
          }
          if (t !== undefined && slowest !== undefined && slowest.turns > deadline(t).turn) {
            ctx.warn([...base, 'turn'], `power stage "${slowest.id}" needs ${slowest.turns} turns of building, so the line is energised on turn ${slowest.turns} at the earliest and this agenda (by ${deadline(t).text}) is never met`);
          } else afterLastTurn(own(a, 'turn'), [...base, 'turn'], 'the deadline is the end of the game');
          break;
        }
        case 'stabilityAtLeast': {
          const v = int(own(a, 'value'));
          if (v !== undefined && v <= 0) ctx.warn([...base, 'value'], 'stability is never below 0, so this agenda is always met');
          break;
        }
        case 'treasuryAtLeast': {
          // Judged at the end, so a goal within the starting treasury is not always met
          // (spending can bring the treasury down to 0); one at or below the least the treasury
          // can ever hold is. Income is never below 0.
          const amount = int(own(a, 'amount'));
          const start = int(own(o, 'treasury'));
          if (amount === undefined || start === undefined || sid === undefined || takesMoney.has(sid) || takesMoney.has('all')) break;
          const floor = Math.min(0, start);
          if (amount <= floor) ctx.warn([...base, 'amount'], `no event takes money from this state and the rules never spend more than a treasury holds, so its treasury is never below ${money(floor)} and this agenda is always met`);
          break;
        }
        case 'throughputAtLeast': {
          const kt = int(own(a, 'kt'));
          if (kt === undefined) break;
          if (kt <= 0) ctx.warn([...base, 'kt'], 'corridor throughput is never below 0, so this agenda is always met');
          else throughputGoals.push({ kt, path: [...base, 'kt'] });
          break;
        }
        default:
          break;
      }
    }
  }

  // --- nodes ---
  for (const { o, i } of nodeList ?? []) {
    if (own(o, 'country') !== undefined) actorRef(own(o, 'country'), ['nodes', i, 'country']);
  }

  // --- segments ---
  for (const { o, i } of segList ?? []) {
    const base: Path = ['segments', i];
    const from = own(o, 'from');
    const to = own(o, 'to');
    ref(ctx, from, [...base, 'from'], nodes, 'node');
    ref(ctx, to, [...base, 'to'], nodes, 'node');
    if (typeof from === 'string' && from === to) ctx.err([...base, 'to'], `a segment cannot start and end at the same node ("${from}")`);
    for (const { s, i: j } of strings(own(o, 'owners'))) stateRef(s, [...base, 'owners', j]);
    dupList(ctx, own(o, 'owners'), [...base, 'owners'], 'owners');
    const req = own(o, 'requires');
    if (isObj(req)) peaceRef(own(req, 'peace'), [...base, 'requires', 'peace']);
    const up = own(o, 'upgrade');
    const cap = int(own(o, 'capacity'));
    const upCap = int(own(up, 'capacity'));
    if (cap !== undefined && upCap !== undefined && upCap <= cap) {
      ctx.warn([...base, 'upgrade', 'capacity'], `the upgrade's capacity ${upCap} is not above the segment's capacity ${cap}, so the upgrade adds nothing`);
    }
    // Opening on the last turn still counts (construction comes before cargo), so only
    // more turns of building than the level has can never finish.
    const built = earliestBuilt(o, str(own(o, 'id')));
    if (built !== undefined && turns !== undefined && built > turns) {
      ctx.warn([...base, 'buildTurns'], `${built} turns of building is more than the level's ${turns} turns, so this segment never opens`);
    }
    sourceRefs(o, base);
  }

  // --- origins and markets ---
  const origins = strings(own(d, 'origins'));
  const markets = strings(own(d, 'markets'));
  // Once an origin or market is faulted, "no route at all" would only repeat it.
  let networkFault = false;
  for (const { s, i } of origins) if (!ref(ctx, s, ['origins', i], nodes, 'node')) networkFault = true;
  for (const { s, i } of markets) if (!ref(ctx, s, ['markets', i], nodes, 'node')) networkFault = true;
  dupList(ctx, own(d, 'origins'), ['origins'], 'origins');
  dupList(ctx, own(d, 'markets'), ['markets'], 'markets');
  const marketSet = new Set(markets.map((m) => m.s));
  for (const { s, i } of origins) {
    if (marketSet.has(s)) {
      ctx.err(['origins', i], `"${s}" is both an origin and a market`);
      networkFault = true;
    }
  }

  // --- demand and the shared goal ---
  // Growth and demand events change demand by a share of itself, so 0 stays 0.
  if (int(own(own(d, 'demand'), 'start')) === 0) ctx.warn(['demand', 'start'], 'demand starts at 0 and every change is a share of it, so no cargo ever moves');
  if (int(own(d, 'targetThroughput')) === 0) ctx.warn(['targetThroughput'], 'a target of 0 kt is met from the first turn, so the shared goal asks nothing');

  // --- alternative routes ---
  if (altList) {
    const sea = altList.filter(({ o }) => own(o, 'sea') === true);
    const seaFlagsValid = altList.every(({ o }) => own(o, 'sea') === undefined || typeof own(o, 'sea') === 'boolean');
    if (altList.length > 0 && sea.length === 0 && seaFlagsValid) {
      ctx.err(['alternativeRoutes'], 'no alternative route has "sea": true; exactly one route must take the cargo that no other route can');
    }
    for (const { i } of sea.slice(1)) {
      ctx.warn(['alternativeRoutes', i, 'sea'], `more than one sea route: only ${formatPath(['alternativeRoutes', sea[0].i])} takes the overflow`);
    }
    for (const { o, i } of altList) {
      for (const { s, i: j } of strings(own(o, 'via'))) {
        if (actors && !actors.has(s)) ctx.warn(['alternativeRoutes', i, 'via', j], `unknown state or outside force "${s}"${didYouMean(s, actors.keys())}`);
      }
      sourceRefs(o, ['alternativeRoutes', i]);
    }
  }

  // --- power line ---
  for (const { o, i } of stageList ?? []) {
    const base: Path = ['powerLine', 'stages', i];
    const from = own(o, 'from');
    ref(ctx, from, [...base, 'from'], nodes, 'node');
    ref(ctx, own(o, 'to'), [...base, 'to'], nodes, 'node');
    if (typeof from === 'string' && from === own(o, 'to')) ctx.err([...base, 'to'], `a power stage cannot start and end at the same node ("${from}")`);
    for (const { s, i: j } of strings(own(o, 'hosts'))) stateRef(s, [...base, 'hosts', j]);
    dupList(ctx, own(o, 'hosts'), [...base, 'hosts'], 'hosts');
    sourceRefs(o, base);
  }

  // --- peace track ---
  if (isObj(peace)) {
    ref(ctx, own(peace, 'start'), ['peaceTrack', 'start'], peaceStages, 'peace stage');
    const stageNames = new Map<string, Path>();
    for (const { o, i } of items(own(peace, 'stages')) ?? []) {
      const name = str(own(o, 'name'));
      if (name === undefined) continue;
      const key = name.trim().toLowerCase();
      const first = stageNames.get(key);
      if (first) ctx.warn(['peaceTrack', 'stages', i, 'name'], `name ${JSON.stringify(name)} is already used by ${formatPath(first.slice(0, 3))}; players will not tell the two stages apart`);
      else stageNames.set(key, ['peaceTrack', 'stages', i, 'name']);
    }
    const pid = str(own(peace, 'id'));
    if (pid !== undefined && FORBIDDEN_KEYS.includes(pid)) ctx.err(['peaceTrack', 'id'], `"${pid}" cannot be used as an id (it is a reserved word in JavaScript objects)`);
    const parties = strings(own(peace, 'parties'));
    for (const { s, i } of parties) stateRef(s, ['peaceTrack', 'parties', i]);
    if (parties.length === 2 && parties[0].s === parties[1].s) ctx.err(['peaceTrack', 'parties', 1], `the two parties must be different states (both are "${parties[0].s}")`);
    const partySet = new Set(parties.map((p) => p.s));
    for (const { s, i } of strings(own(peace, 'guarantors'))) {
      actorRef(s, ['peaceTrack', 'guarantors', i]);
      if (partySet.has(s)) ctx.warn(['peaceTrack', 'guarantors', i], `"${s}" is a party and a guarantor; it already has to accept every step`);
    }
    dupList(ctx, own(peace, 'guarantors'), ['peaceTrack', 'guarantors'], 'guarantors');
  }

  // --- params.headStart: keys are player states (a typo would silently give 0) ---
  const params = own(d, 'params');
  const head = isObj(params) ? own(params, 'headStart') : undefined;
  if (isObj(head) && states) for (const k of Object.keys(head)) if (!states.has(k)) ctx.err(['params', 'headStart', k], `unknown state "${k}"${forces?.has(k) ? ' (an outside force has no score)' : didYouMean(k, states.keys())}`, true);

  // --- params that switch a part of the game off ---
  if (int(own(params, 'agendaPoints')) === 0) ctx.warn(['params', 'agendaPoints'], 'a secret agenda met at the end adds 0 points, so the secret agendas never affect the score');
  const fees = own(params, 'feeBp');
  if (FEE_LEVELS.every((k) => own(fees, k) === 0)) ctx.warn(['params', 'feeBp'], 'all three fee levels are 0, so owning a segment never earns transit revenue');

  // --- animosity: keys are actors, every ordered pair present ---
  const anim = own(d, 'animosity');
  if (isObj(anim) && actors) {
    for (const a of Object.keys(anim)) {
      if (!actors.has(a)) {
        ctx.err(['animosity', a], `unknown state or outside force "${a}"${didYouMean(a, actors.keys())}`, true);
        continue;
      }
      const row = anim[a];
      if (!isObj(row)) continue;
      for (const b of Object.keys(row)) {
        if (b === a) ctx.warn(['animosity', a, b], `animosity of "${a}" towards itself is never used`, true);
        else if (!actors.has(b)) ctx.err(['animosity', a, b], `unknown state or outside force "${b}"${didYouMean(b, actors.keys())}`, true);
        const pair = row[b];
        if (isObj(pair)) sourceRefs(pair, ['animosity', a, b]);
      }
    }
    for (const a of actors.keys()) {
      const row = own(anim, a);
      const missing = [...actors.keys()].filter((b) => b !== a && (!isObj(row) || own(row, b) === undefined));
      if (missing.length === 0) continue;
      if (row === undefined) ctx.err(['animosity'], `no animosity row for "${a}": it needs an entry for each of ${missing.map((m) => `"${m}"`).join(', ')}`);
      else if (isObj(row)) ctx.err(['animosity', a], `animosity of "${a}" is missing ${missing.length === 1 ? 'the pair' : 'pairs'} towards ${missing.map((m) => `"${m}"`).join(', ')}`);
    }
  }

  // --- events ---
  const stageCount = stageList?.length;
  for (const { o, i } of eventList ?? []) {
    const base: Path = ['events', i];
    // The latest turnAtLeast and the earliest turnAtMost that no other warning covers.
    let from: { turn: number; path: Path } | undefined;
    let until: { turn: number; path: Path } | undefined;
    for (const { o: c, i: j } of items(own(o, 'conditions')) ?? []) {
      const cp: Path = [...base, 'conditions', j];
      switch (own(c, 'if')) {
        case 'turnAtLeast': {
          afterLastTurn(own(c, 'turn'), [...cp, 'turn'], 'this condition is never true');
          const t = int(own(c, 'turn'));
          if (t !== undefined && (turns === undefined || t <= turns) && (from === undefined || t > from.turn)) from = { turn: t, path: [...cp, 'turn'] };
          break;
        }
        case 'turnAtMost': {
          const t = int(own(c, 'turn'));
          if (t !== undefined && t < 1) ctx.warn([...cp, 'turn'], 'the first turn is 1, so this condition is never true');
          else if (t !== undefined && (until === undefined || t < until.turn)) until = { turn: t, path: [...cp, 'turn'] };
          break;
        }
        case 'segmentStatus':
          ref(ctx, own(c, 'segment'), [...cp, 'segment'], segments, 'segment');
          break;
        case 'peaceAtLeast':
        case 'peaceBelow':
          peaceRef(own(c, 'stage'), [...cp, 'stage']);
          onFirstStage(own(c, 'if'), own(c, 'stage'), [...cp, 'stage'], 'condition');
          break;
        case 'stanceAtLeast':
        case 'stanceBelow': {
          ref(ctx, own(c, 'force'), [...cp, 'force'], forces, 'outside force', { also: states, alsoWhat: 'state' });
          const v = int(own(c, 'value'));
          if (own(c, 'if') === 'stanceBelow' && v !== undefined && v <= 0) ctx.warn([...cp, 'value'], 'a stance is never below 0, so this condition is never true');
          break;
        }
        case 'statBelow':
        case 'statAtLeast': {
          stateRef(own(c, 'state'), [...cp, 'state']);
          const stat = str(own(c, 'stat'));
          const v = int(own(c, 'value'));
          if (stat === undefined || v === undefined) break;
          if (own(c, 'if') === 'statAtLeast' && PCT_STATS.includes(stat) && v > 100) ctx.warn([...cp, 'value'], `${stat} is at most 100, so this condition is never true`);
          if (own(c, 'if') === 'statBelow' && (PCT_STATS.includes(stat) || stat === 'income') && v <= 0) ctx.warn([...cp, 'value'], `${stat} is never below 0, so this condition is never true`);
          break;
        }
        case 'animosityAtLeast':
          actorRef(own(c, 'from'), [...cp, 'from']);
          actorRef(own(c, 'to'), [...cp, 'to']);
          if (typeof own(c, 'from') === 'string' && own(c, 'from') === own(c, 'to')) ctx.warn([...cp, 'to'], 'animosity towards oneself is always 0, so this condition is never true');
          break;
        case 'powerStagesAtLeast': {
          const count = int(own(c, 'count'));
          if (!hasPower) ctx.err([...cp, 'if'], 'this level has no powerLine, so no power stage is ever done');
          else if (count !== undefined && stageCount !== undefined && count > stageCount) ctx.warn([...cp, 'count'], `the power line has only ${stageCount} stages, so this condition is never true`);
          break;
        }
        case 'eventHappened': {
          ref(ctx, own(c, 'event'), [...cp, 'event'], events, 'event');
          // A once-only event is not drawn after it has happened, and this keeps it from being
          // drawn before. (Naming another event of weight 0 is no error, as it can be injected;
          // level-check-events.ts warns that this one is then drawn only after it is.)
          const self = str(own(o, 'id'));
          if (self !== undefined && own(c, 'event') === self && own(o, 'once') !== false && own(o, 'weight') !== 0) {
            ctx.warn([...cp, 'event'], 'this once-only event is not drawn again after it has happened, so needing itself to have happened means the news never draws it (only a facilitator can inject it)');
          }
          break;
        }
        default:
          break;
      }
    }
    if (from !== undefined && until !== undefined && from.turn > until.turn) {
      ctx.warn(until.path, `turnAtLeast ${from.turn} at ${formatPath(from.path.slice(0, -1))} is after this turnAtMost ${until.turn}, so the two conditions are never both true`);
    }
    for (const { o: e, i: j } of items(own(o, 'effects')) ?? []) {
      const ep: Path = [...base, 'effects', j];
      switch (own(e, 'do')) {
        case 'stat':
          stateRef(own(e, 'state'), [...ep, 'state'], true);
          break;
        case 'segmentStatus':
        case 'segmentRisk':
        case 'segmentCapacity':
          ref(ctx, own(e, 'segment'), [...ep, 'segment'], segments, 'segment');
          break;
        case 'altRoute':
          ref(ctx, own(e, 'route'), [...ep, 'route'], alts, 'alternative route');
          break;
        case 'animosity': {
          actorRef(own(e, 'from'), [...ep, 'from'], true);
          actorRef(own(e, 'to'), [...ep, 'to'], true);
          const from = own(e, 'from');
          if (typeof from === 'string' && from !== 'all' && from === own(e, 'to')) ctx.warn([...ep, 'to'], 'animosity towards oneself is never used, so this effect does nothing');
          break;
        }
        case 'stance':
          ref(ctx, own(e, 'force'), [...ep, 'force'], forces, 'outside force', { also: states, alsoWhat: 'state' });
          break;
        case 'peace':
          peaceUsed = true;
          if (!hasPeace) ctx.err([...ep, 'do'], 'this level has no peaceTrack, so a peace effect does nothing');
          break;
        case 'powerFunding':
          if (!hasPower) ctx.err([...ep, 'do'], 'this level has no powerLine, so there is no stage to fund');
          else ref(ctx, own(e, 'stage'), [...ep, 'stage'], powerStages, 'power stage');
          break;
        default:
          break;
      }
    }
    sourceRefs(o, base);
  }
  if (eventList && eventList.length > 0 && eventList.every(({ o }) => own(o, 'weight') === 0)) {
    const perTurn = int(own(own(d, 'params'), 'eventsPerTurn'));
    if (perTurn !== 0) ctx.warn(['events'], 'every event has weight 0, so the news never draws one (only a facilitator can inject them)');
  }

  // --- a peace track nothing uses ---
  if (isObj(peace) && !peaceUsed) {
    ctx.warn(['peaceTrack'], 'no segment requires this peace track and no event or agenda refers to it, so it changes nothing in play');
  }

  // --- every player state has a stake in the network ---
  const stake = new Set<string>();
  for (const { o } of segList ?? []) for (const { s } of strings(own(o, 'owners'))) stake.add(s);
  for (const { o } of stageList ?? []) for (const { s } of strings(own(o, 'hosts'))) stake.add(s);
  if (segList && (stageList || !hasPower)) {
    for (const { o, i } of stateList ?? []) {
      const sid = str(own(o, 'id'));
      if (sid !== undefined && !stake.has(sid)) ctx.warn(['states', i, 'id'], `state "${sid}" owns no segment and hosts no power stage, so it has no stake in the network`);
    }
  }

  // --- every origin reaches a market over cargo segments (any status) ---
  if (segList && nodes) {
    const adj = new Map<string, string[]>();
    const link = (a: string, b: string) => {
      const l = adj.get(a);
      if (l) l.push(b);
      else adj.set(a, [b]);
    };
    for (const { o } of segList) {
      const from = str(own(o, 'from'));
      const to = str(own(o, 'to'));
      if (from === undefined || to === undefined || own(o, 'mode') === 'cable') continue;
      link(from, to);
      link(to, from);
    }
    for (const { s, i } of origins) {
      if (!nodes.has(s) || marketSet.has(s)) continue;
      const seen = new Set([s]);
      const queue = [s];
      let reached = false;
      for (let q = 0; q < queue.length && !reached; q++) {
        for (const next of adj.get(queue[q]) ?? []) {
          if (marketSet.has(next)) {
            reached = true;
            break;
          }
          if (!seen.has(next)) {
            seen.add(next);
            queue.push(next);
          }
        }
      }
      if (!reached && marketSet.size > 0) {
        const cables = segList.some(({ o }) => own(o, 'mode') === 'cable');
        ctx.err(['origins', i], `origin "${s}" cannot reach any market over cargo segments${cables ? ' (cable segments carry no cargo)' : ''}`);
        networkFault = true;
      }
    }
  }

  // --- middle routes (needs a well-formed level) ---
  if (parsed) {
    // A caller that gave routes without saying whether the list was cut short: only a full
    // list can have been, and then a fresh search tells.
    const given = options.routes;
    const { routes, stopped: routesStopped } = given
      ? { routes: given, stopped: options.routesStopped !== undefined ? options.routesStopped : given.length >= MAX_ROUTES ? searchRoutes(parsed).stopped : null }
      : searchRoutes(parsed);
    if (routes.length === 0 && !networkFault) {
      ctx.err(['maxRouteSegments'], `no middle-corridor route: no path of at most ${parsed.maxRouteSegments} cargo segments links an origin to a market`);
    } else if (routesStopped === 'routes') {
      ctx.warn(['maxRouteSegments'], `route enumeration stopped at ${MAX_ROUTES} routes, so some paths are ignored; lower maxRouteSegments or simplify the network`);
    }
    // Cargo moves only on the enumerated routes, so a cargo segment on none of them never
    // carries any. Said only when the enumeration was complete (it can stop early) and a
    // longer route would use the segment: one that leads nowhere (a line to a closed border,
    // there for an agenda) is left alone.
    if (routes.length > 0 && routesStopped === null && !networkFault) {
      const used = new Set<string>();
      for (const r of routes) for (const sg of r.segments) used.add(sg);
      for (let i = 0; i < parsed.segments.length; i++) {
        const sg = parsed.segments[i];
        if (sg.mode !== 'cable' && !used.has(sg.id) && onSomeRoute(parsed, sg)) ctx.warn(['segments', i, 'id'], `no middle-corridor route within maxRouteSegments (${parsed.maxRouteSegments}) uses this segment, so it never carries cargo`);
      }
    }
    // The shared goal (targetThroughput) is judged on the same throughput as these agendas.
    if (routes.length > 0 && !networkFault && (throughputGoals.length > 0 || parsed.targetThroughput > 0)) {
      const demand = demandBound(parsed);
      const cap = capacityBound(parsed);
      const most = demand <= cap.kt ? { kt: demand, why: `demand is at most ${demand} kt a year by the last turn` } : { kt: cap.kt, why: `the cargo segments at the ${cap.at} can carry at most ${cap.kt} kt a year in all` };
      for (const g of throughputGoals) if (g.kt > most.kt) ctx.warn(g.path, `${most.why}, so throughput never reaches ${g.kt} kt and this agenda is never met`);
      const target = parsed.targetThroughput;
      if (target > most.kt) ctx.warn(['targetThroughput'], `${most.why}, so throughput never reaches ${target} kt and the shared goal is never met`);
    }
    // A head start that fixes the winner: one state's lowest possible final score above
    // another's highest, i.e. head starts apart by more than prosperityPoints + agendaPoints +
    // 200 (stability and reputation move within 0..100) plus the stability and reputation the
    // leading state starts with above the other. States tied on the top score share first
    // place, so equal scores are left alone. Said at the larger head start of the two in size, which tips it.
    const scores = scoreBounds(parsed);
    for (const a of scores) {
      const others = scores.filter((b) => b !== a);
      const most = Math.max(...others.map((b) => b.most));
      if (a.headStart > 0 && a.least > most && others.some((b) => a.headStart >= -b.headStart)) {
        ctx.warn(['params', 'headStart', a.id], `"${a.id}" starts ${a.headStart} points ahead and scores at least ${a.least} (with no corridor revenue, no agenda and its stability and reputation at 0), more than the ${most} any other state can reach, so "${a.id}" always wins`);
      }
      const beater = others.filter((b) => b.headStart < -a.headStart && b.least > a.most).sort((x, y) => y.least - x.least)[0];
      if (a.headStart < 0 && beater) {
        ctx.warn(['params', 'headStart', a.id], `"${a.id}" starts ${-a.headStart} points behind and scores at most ${a.most} (with all ${parsed.params.prosperityPoints} prosperity points, the ${parsed.params.agendaPoints} agenda points and its stability and reputation at 100), less than the ${beater.least} "${beater.id}" always scores, so "${a.id}" never wins`);
      }
    }
    const fee = parsed.params.feeBp;
    if (!(fee.low <= fee.standard && fee.standard <= fee.high)) {
      ctx.warn(['params', 'feeBp'], `fee levels should rise from low to high (found low ${fee.low}, standard ${fee.standard}, high ${fee.high})`);
    }
  }
  return findings;
}
