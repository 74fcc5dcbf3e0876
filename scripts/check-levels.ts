// Checks every level under levels/: the loader's verdict, then cross-reference warnings
// the schema cannot express (ids that point nowhere, missing animosity pairs, origins
// that cannot reach a market), and a start-of-game cost table for tuning cargo.
// Usage: npx tsx scripts/check-levels.ts [--costs] [file.json ...]
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatFinding, parseLevelText, type LoadedLevel } from '../src/sim/level';

const levelsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'levels');
const args = process.argv.slice(2);
const showCosts = args.includes('--costs');
const named = args.filter((a) => !a.startsWith('--'));
const files = named.length
  ? named
  : readdirSync(levelsDir)
      .filter((f) => f.endsWith('.json') && f !== 'level.schema.json')
      .sort()
      .map((f) => join(levelsDir, f));

function crossCheck(level: LoadedLevel): string[] {
  const w: string[] = [];
  const nodes = new Set(level.nodes.map((n) => n.id));
  const states = new Set(level.states.map((s) => s.id));
  const forces = new Set(level.forces.map((f) => f.id));
  const segments = new Set(level.segments.map((s) => s.id));
  const alts = new Set(level.alternativeRoutes.map((r) => r.id));
  const stages = new Set((level.peaceTrack?.stages ?? []).map((s) => s.id));
  const powerStages = new Set((level.powerLine?.stages ?? []).map((s) => s.id));
  const events = new Set(level.events.map((e) => e.id));
  const sources = new Set(level.sources.map((s) => s.id));
  const actors = [...states, ...forces];

  const dupes = (what: string, ids: string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) w.push(`duplicate ${what} id "${id}"`);
      seen.add(id);
    }
  };
  dupes('node', level.nodes.map((n) => n.id));
  dupes('segment', level.segments.map((s) => s.id));
  dupes('state/force', actors);
  dupes('event', level.events.map((e) => e.id));
  dupes('source', level.sources.map((s) => s.id));
  dupes('alternative route', level.alternativeRoutes.map((r) => r.id));
  dupes('agenda', level.states.flatMap((s) => s.agendas.map((a) => a.id)));

  const cite = (where: string, refs: string[] | undefined) => {
    for (const r of refs ?? []) if (!sources.has(r)) w.push(`${where}: cites unknown source "${r}"`);
  };
  const need = (where: string, set: Set<string>, id: string, what: string) => {
    if (!set.has(id)) w.push(`${where}: unknown ${what} "${id}"`);
  };
  const who = (where: string, id: string) => {
    if (id !== 'all' && !states.has(id)) w.push(`${where}: "${id}" is not a state (or "all")`);
  };

  for (const n of level.nodes) if (n.country && !states.has(n.country) && !forces.has(n.country)) w.push(`node ${n.id}: country "${n.country}" is not a state or force`);
  for (const s of level.segments) {
    const at = `segment ${s.id}`;
    need(at, nodes, s.from, 'node');
    need(at, nodes, s.to, 'node');
    for (const o of s.owners) need(at, states, o, 'owner state');
    if (s.requires) need(at, stages, s.requires.peace, 'peace stage');
    if (s.upgrade && s.upgrade.capacity <= s.capacity) w.push(`${at}: upgrade capacity ${s.upgrade.capacity} is not above ${s.capacity}`);
    cite(at, s.sources);
  }
  for (const o of level.origins) need('origins', nodes, o, 'node');
  for (const m of level.markets) need('markets', nodes, m, 'node');
  for (const r of level.alternativeRoutes) {
    for (const v of r.via) if (!states.has(v) && !forces.has(v)) w.push(`alternative route ${r.id}: via "${v}" is not a state or force`);
    cite(`alternative route ${r.id}`, r.sources);
  }
  if (level.alternativeRoutes.filter((r) => r.sea).length !== 1) w.push('exactly one alternative route should have "sea": true');
  for (const p of level.powerLine?.stages ?? []) {
    need(`power stage ${p.id}`, nodes, p.from, 'node');
    need(`power stage ${p.id}`, nodes, p.to, 'node');
    for (const h of p.hosts) need(`power stage ${p.id}`, states, h, 'host state');
    cite(`power stage ${p.id}`, p.sources);
  }
  dupes('power stage', [...powerStages]);
  if (level.peaceTrack) {
    for (const p of [...level.peaceTrack.parties, ...level.peaceTrack.guarantors]) need('peace track', states, p, 'state');
    need('peace track start', stages, level.peaceTrack.start, 'stage');
  }
  for (const s of level.states) {
    for (const a of s.agendas) {
      const at = `agenda ${s.id}/${a.id}`;
      if (a.kind === 'segmentOpenBy' || a.kind === 'segmentClosed') need(at, segments, a.segment, 'segment');
      if (a.kind === 'peaceAtLeast' || a.kind === 'peaceBelow') need(at, stages, a.stage, 'peace stage');
      if (a.kind === 'noPactWith') need(at, states, a.state, 'state');
      if (a.kind === 'powerLineBy' && !level.powerLine) w.push(`${at}: the level has no power line`);
      if ('turn' in a && a.turn > level.turns) w.push(`${at}: turn ${a.turn} is after the last turn ${level.turns}`);
    }
  }
  for (const e of level.events) {
    const at = `event ${e.id}`;
    for (const c of e.conditions) {
      if (c.if === 'segmentStatus') need(at, segments, c.segment, 'segment');
      if (c.if === 'peaceAtLeast' || c.if === 'peaceBelow') need(at, stages, c.stage, 'peace stage');
      if (c.if === 'stanceAtLeast' || c.if === 'stanceBelow') need(at, forces, c.force, 'force');
      if (c.if === 'statAtLeast' || c.if === 'statBelow') need(at, states, c.state, 'state');
      if (c.if === 'animosityAtLeast') {
        need(at, new Set(actors), c.from, 'actor');
        need(at, new Set(actors), c.to, 'actor');
      }
      if (c.if === 'eventHappened') need(at, events, c.event, 'event');
      if (c.if === 'powerStagesAtLeast' && !level.powerLine) w.push(`${at}: the level has no power line`);
    }
    for (const f of e.effects) {
      if (f.do === 'stat') who(at, f.state);
      if (f.do === 'segmentStatus' || f.do === 'segmentRisk' || f.do === 'segmentCapacity') need(at, segments, f.segment, 'segment');
      if (f.do === 'altRoute') need(at, alts, f.route, 'alternative route');
      if (f.do === 'animosity') {
        for (const x of [f.from, f.to]) if (x !== 'all' && !actors.includes(x)) w.push(`${at}: "${x}" is not a state, force or "all"`);
      }
      if (f.do === 'stance') need(at, forces, f.force, 'force');
      if (f.do === 'peace' && !level.peaceTrack) w.push(`${at}: the level has no peace track`);
    }
    cite(at, e.sources);
  }

  // Every ordered pair of distinct actors, and nothing else.
  for (const a of actors) {
    for (const b of actors) {
      if (a !== b && !level.animosity[a]?.[b]) w.push(`animosity: missing pair ${a} -> ${b}`);
    }
  }
  for (const [a, row] of Object.entries(level.animosity)) {
    if (!actors.includes(a)) w.push(`animosity: unknown row "${a}"`);
    for (const b of Object.keys(row)) if (!actors.includes(b) || a === b) w.push(`animosity: unexpected pair ${a} -> ${b}`);
  }

  for (const o of level.origins) if (!level.routes.some((r) => r.origin === o)) w.push(`origin ${o} reaches no market over cargo segments`);
  for (const m of level.markets) if (!level.routes.some((r) => r.market === m)) w.push(`market ${m} is reached by no route`);
  if (level.routes.length < 3 || level.routes.length > 150) w.push(`${level.routes.length} middle routes: keep between 3 and 150 (lower maxRouteSegments or thin the graph)`);
  return w;
}

/**
 * Generalised cost of the cheapest usable routes at the start (open segments, peace
 * requirements met, standard fees) beside each alternative's cost + days + risk, as the
 * cargo step prices them (before the risk premium for a hostile force, which is drawn).
 * The cargo step fills routes in cost order and passes overflow down that order, so an
 * alternative sorted before the busy middle routes gets only its own share.
 */
function costTable(level: LoadedLevel): string[] {
  const p = level.params;
  const byId = new Map(level.segments.map((s) => [s.id, s]));
  const stageIndex = (id: string) => (level.peaceTrack ? level.peaceTrack.stages.findIndex((s) => s.id === id) : -1);
  const peaceAt = level.peaceTrack ? stageIndex(level.peaceTrack.start) : -1;
  const usable = (id: string) => {
    const s = byId.get(id)!;
    return s.status === 'open' && (!s.requires || stageIndex(s.requires.peace) <= peaceAt);
  };
  const segCost = (id: string) => {
    const s = byId.get(id)!;
    return Math.floor((s.transitCost * p.feeBp.standard) / 10000) + s.days * p.dayCost + s.risk * p.riskCost;
  };
  const open = level.routes
    .filter((r) => r.segments.every(usable))
    .map((r) => ({ id: r.id, cost: r.segments.reduce((n, s) => n + segCost(s), 0), cap: Math.min(...r.segments.map((s) => byId.get(s)!.capacity)) }))
    .sort((a, b) => a.cost - b.cost);
  const out = [`  ${open.length} of ${level.routes.length} routes usable at start; demand ${level.demand.start} kt/yr, target ${level.targetThroughput}`];
  for (const r of open.slice(0, 6)) out.push(`    ${r.id.padEnd(34)} cost ${String(r.cost).padStart(4)}  bottleneck ${r.cap} kt`);
  for (const a of level.alternativeRoutes) out.push(`    alt ${a.id.padEnd(30)} cost ${String(a.cost + a.days * p.dayCost + a.risk * p.riskCost).padStart(4)}  capacity ${a.capacity} kt`);
  return out;
}

let failed = false;
for (const file of files) {
  const name = basename(file);
  const result = parseLevelText(readFileSync(file, 'utf8'), name);
  if (!result.ok) {
    failed = true;
    const errors = result.findings.filter((f) => f.severity === 'error').length;
    const warned = result.findings.length - errors;
    console.log(`${name}: ${errors} error(s)${warned ? `, ${warned} warning(s)` : ''}`);
    for (const f of result.findings) console.log(`  ${formatFinding(f)}`);
    continue;
  }
  const level = result.level;
  // A loader warning says `warning:` itself (formatFinding); the cross-checks' lines do not.
  const warnings = [...result.findings.map((f) => formatFinding(f)), ...crossCheck(level).map((x) => `warning: ${x}`)];
  console.log(`${name}: ok (${level.routes.length} routes; ${level.nodes.length} nodes, ${level.segments.length} segments, ${level.events.length} events)`);
  for (const x of warnings) console.log(`  ${x}`);
  if (showCosts) for (const line of costTable(level)) console.log(line);
}
process.exit(failed ? 1 : 0);
