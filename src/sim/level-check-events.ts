// Warnings about events the news can never draw because of how their conditions combine:
// two conditions of one event that are never both true (a stance or a number at least one
// value and below a lower one, a peace track at or beyond a stage and below an earlier one,
// a segment in two statuses), and events that each need another to have happened first, in
// a ring, so that none of them can be the first. (An event that needs itself is checked in
// level-check.ts; a turn window that is empty too.) A facilitator can still inject them.
// Also events that need an event of weight 0: drawn only after a facilitator injects it.
import type { Finding } from './level';
import { formatPath } from './json-path';

type Path = (string | number)[];
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v : []).map((o) => (isObj(o) ? o : {}));

/** `label`: the bound as said (40, stage "ratified"); `field`: the condition's field that holds it. */
interface Bound { key: string; value: number; label: string; field: string; path: Path }

/** Each condition as a lower or upper bound on one quantity, where it is one. */
function bound(c: Obj, path: Path, stageIndex: Map<string, number>): { lower?: Bound; upper?: Bound; status?: { segment: string; status: string; path: Path } } {
  const v = typeof c.value === 'number' ? c.value : undefined;
  switch (c.if) {
    case 'stanceAtLeast':
    case 'stanceBelow': {
      if (typeof c.force !== 'string' || v === undefined) return {};
      const b = { key: `the stance of "${c.force}"`, value: v, label: String(v), field: 'value', path };
      return c.if === 'stanceAtLeast' ? { lower: b } : { upper: b };
    }
    case 'statAtLeast':
    case 'statBelow': {
      if (typeof c.state !== 'string' || typeof c.stat !== 'string' || v === undefined) return {};
      const b = { key: `the ${c.stat} of "${c.state}"`, value: v, label: String(v), field: 'value', path };
      return c.if === 'statAtLeast' ? { lower: b } : { upper: b };
    }
    case 'peaceAtLeast':
    case 'peaceBelow': {
      const at = typeof c.stage === 'string' ? stageIndex.get(c.stage) : undefined;
      if (at === undefined) return {};
      const b = { key: 'the peace track', value: at, label: `stage "${String(c.stage)}"`, field: 'stage', path };
      return c.if === 'peaceAtLeast' ? { lower: b } : { upper: b };
    }
    case 'segmentStatus':
      return typeof c.segment === 'string' && typeof c.status === 'string' ? { status: { segment: c.segment, status: c.status, path } } : {};
    default:
      return {};
  }
}

export function checkEventConditions(data: Obj): Finding[] {
  const out: Finding[] = [];
  const warn = (path: Path, message: string) => out.push({ severity: 'warning', path, message });
  const peace = isObj(data.peaceTrack) ? data.peaceTrack : {};
  const stageIndex = new Map<string, number>();
  list(peace.stages).forEach((s, i) => typeof s.id === 'string' && !stageIndex.has(s.id) && stageIndex.set(s.id, i));
  const events = list(data.events);

  // --- two conditions of one event that are never both true ---
  events.forEach((e, i) => {
    const lowers: Bound[] = [];
    const uppers: Bound[] = [];
    const statuses = new Map<string, { status: string; path: Path }>();
    list(e.conditions).forEach((c, j) => {
      const b = bound(c, ['events', i, 'conditions', j], stageIndex);
      if (b.lower) lowers.push(b.lower);
      if (b.upper) uppers.push(b.upper);
      if (b.status) {
        const first = statuses.get(b.status.segment);
        if (!first) statuses.set(b.status.segment, b.status);
        else if (first.status !== b.status.status) warn([...b.status.path, 'status'], `segment "${b.status.segment}" cannot be "${b.status.status}" and "${first.status}" (at ${formatPath(first.path)}) at once, so this event is never drawn`);
      }
    });
    for (const u of uppers) {
      const l = lowers.find((x) => x.key === u.key && x.value >= u.value);
      if (l) warn([...u.path, u.field], `${u.key} is never below ${u.label} while at least ${l.label} (at ${formatPath(l.path)}), so this event is never drawn`);
    }
  });

  // --- events that need each other (in a ring of any length) ---
  const ids = events.map((e) => (typeof e.id === 'string' ? e.id : undefined));
  const index = new Map<string, number>();
  ids.forEach((id, i) => id !== undefined && !index.has(id) && index.set(id, i));
  const needs = events.map((e, i) =>
    list(e.conditions)
      .map((c, j) => ({ c, j }))
      .filter(({ c }) => c.if === 'eventHappened' && typeof c.event === 'string' && index.has(c.event) && index.get(c.event) !== i)
      .map(({ c, j }) => ({ to: index.get(c.event as string)!, j })),
  );
  const reaches = (from: number, target: number) => {
    const seen = new Set([from]);
    const queue = [from];
    for (let q = 0; q < queue.length; q++) {
      for (const { to } of needs[queue[q]]) {
        if (to === target) return true;
        if (!seen.has(to)) {
          seen.add(to);
          queue.push(to);
        }
      }
    }
    return false;
  };
  const ringed = new Set<string>();
  needs.forEach((list_, i) => {
    for (const { to, j } of list_) {
      if (!reaches(to, i)) continue;
      warn(['events', i, 'conditions', j, 'event'], `"${ids[to]}" needs this event "${ids[i]}" to have happened first${needs[to].some((n) => n.to === i) ? ', so neither' : ' (through other events), so none of them'} can happen first and the news never draws them (only a facilitator can inject one)`);
      ringed.add(`${i}.${j}`);
      break;
    }
  });

  // --- events that need an event of weight 0 ---
  // The news never draws that one, so it happens only when a facilitator injects it; nor,
  // then, any event that needs it, however many steps on (`root`: the weight-0 event an
  // event waits for). Not said of an event of weight 0 itself (it is injected or nothing),
  // nor where the news draws nothing at all (eventsPerTurn 0), nor again of a condition the
  // ring warning names.
  const perTurn = isObj(data.params) ? data.params.eventsPerTurn : undefined;
  if (perTurn !== 0) {
    const root = new Map<number, number>();
    for (let changed = true; changed; ) {
      changed = false;
      needs.forEach((list_, i) => {
        if (events[i].weight === 0 || root.has(i)) return;
        for (const { to, j } of list_) {
          if (ringed.has(`${i}.${j}`)) continue;
          const r = events[to].weight === 0 ? to : root.get(to);
          if (r === undefined) continue;
          root.set(i, r);
          changed = true;
          return;
        }
      });
    }
    needs.forEach((list_, i) => {
      if (!root.has(i)) return;
      for (const { to, j } of list_) {
        if (ringed.has(`${i}.${j}`)) continue;
        const path = ['events', i, 'conditions', j, 'event'];
        if (events[to].weight === 0) warn(path, `"${ids[to]}" has weight 0, so the news never draws it: this event can be drawn only after a facilitator injects "${ids[to]}"`);
        else if (root.has(to)) warn(path, `"${ids[to]}" can happen only after a facilitator injects "${ids[root.get(to)!]}" (weight 0), so this event too can be drawn only after that`);
      }
    });
  }
  return out;
}
