// The level validator: a corpus of broken levels (one per kind of finding) with the exact
// message and position each must produce, the JSON source parser, migrations, the CLI, and
// the levels that must pass (shipped levels, the fixture base, the modding guide's level).
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatFinding, formatPath, loadLevelData, parseLevelText, type Finding } from '../../src/sim/level';
import { formatJsonProblem, locate, MAX_JSON_CHARS, parseJsonSource } from '../../src/sim/json-source';
import { migrateLevel, migrations, originalPath, type MigrationStep } from '../../src/sim/level-migrate';
import { checkLevel, closest } from '../../src/sim/level-check';
import { LEVEL_FORMAT_VERSION, levelSchema, type LevelInput } from '../../src/sim/level-schema';
import { enumerateRoutes } from '../../src/sim/routes';
import { main as validateMain } from '../../src/cli/validate';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const brokenDir = join(root, 'tests', 'levels-broken');
const read = (...p: string[]) => readFileSync(join(root, ...p), 'utf8');
const show = (f: Finding) => `${f.line}:${f.col} ${f.severity} ${formatPath(f.path)}: ${f.message}`;

// file (without .json) -> every finding, in order: "LINE:COL severity PATH: message"
const EXPECTED: Record<string, string[]> = {
  'agenda-open-at-start': [
    `57:22 warning $.states[1].agendas[0].segment: segment "baku-tbilisi" is open at the start, so this agenda is always met`,
  ],
  'agenda-open-too-early': [
    `58:19 warning $.states[1].agendas[0].turn: segment "baku-meghri" needs 4 turns of building, so it opens on turn 4 at the earliest and this agenda (by turn 3) is never met`,
  ],
  'agenda-points-zero': [
    `512:51 warning $.params.agendaPoints: a secret agenda met at the end adds 0 points, so the secret agendas never affect the score`,
  ],
  'agenda-peace-first-stage': [
    `139:20 warning $.states[3].agendas[3].stage: no stage is below the first stage "talks", so this agenda is never met`,
  ],
  'agenda-power-too-early': [
    `37:19 warning $.states[0].agendas[1].turn: power stage "caspian-cable" needs 4 turns of building, so the line is energised on turn 4 at the earliest and this agenda (by turn 3) is never met`,
  ],
  'agenda-stability-zero': [
    `132:20 warning $.states[3].agendas[2].value: stability is never below 0, so this agenda is always met`,
  ],
  'agenda-throughput-over-capacity': [
    `98:17 warning $.states[2].agendas[2].kt: the cargo segments at the origins can carry at most 20000 kt a year in all, so throughput never reaches 1000000 kt and this agenda is never met`,
  ],
  'agenda-throughput-over-demand': [
    `98:17 warning $.states[2].agendas[2].kt: demand is at most 9868 kt a year by the last turn, so throughput never reaches 19000 kt and this agenda is never met`,
  ],
  'agenda-throughput-zero': [
    `98:17 warning $.states[2].agendas[2].kt: corridor throughput is never below 0, so this agenda is always met`,
  ],
  'agenda-treasury-zero': [
    `65:21 warning $.states[1].agendas[1].amount: no event takes money from this state and the rules never spend more than a treasury holds, so its treasury is never below $0M and this agenda is always met`,
  ],
  'agenda-turn-late': [
    `37:19 warning $.states[0].agendas[1].turn: turn 20 is after the last turn (12), so the deadline is the end of the game`,
  ],
  'agenda-unknown-segment': [
    `57:22 error $.states[1].agendas[0].segment: unknown segment "baku-megri" (did you mean "baku-meghri"?)`,
  ],
  'agenda-unknown-stage': [
    `118:20 error $.states[3].agendas[0].stage: unknown peace stage "signed"`,
  ],
  'animosity-source-unknown': [
    `375:65 error $.animosity.kazakhstan.georgia.sources[1]: unknown source "caspian" (did you mean "caspian-level"?)`,
  ],
  'animosity-missing-row': [
    `372:16 error $.animosity: no animosity row for "china": it needs an entry for each of "kazakhstan", "azerbaijan", "georgia", "armenia", "eu", "russia"`,
  ],
  'animosity-missing': [
    `389:16 error $.animosity.georgia: animosity of "georgia" is missing pairs towards "eu", "russia"`,
  ],
  'animosity-unknown': [
    `380:7 error $.animosity.kazakhstan.armenai: unknown state or outside force "armenai" (did you mean "armenia"?)`,
  ],
  'colour-duplicate': [
    `72:16 warning $.states[2].color: colour #1F77B4 is already used by $.states[0]; players will not tell the two apart on the map`,
  ],
  'demand-start-zero': [
    `98:17 warning $.states[2].agendas[2].kt: demand is at most 0 kt a year by the last turn, so throughput never reaches 3000 kt and this agenda is never met`,
    `312:24 warning $.demand.start: demand starts at 0 and every change is a share of it, so no cargo ever moves`,
    `313:23 warning $.targetThroughput: demand is at most 0 kt a year by the last turn, so throughput never reaches 8000 kt and the shared goal is never met`,
  ],
  'duplicate-agenda-id': [
    `95:17 error $.states[2].agendas[2].id: duplicate agenda id "neutral": already used by the agenda at $.states[2].agendas[1].id`,
  ],
  'duplicate-id': [
    `261:13 error $.segments[5].id: duplicate segment id "tbilisi-poti": already used by the segment at $.segments[3].id`,
  ],
  'duplicate-owner': [
    `203:32 error $.segments[1].owners[1]: "kazakhstan" is listed twice in owners`,
  ],
  'duplicate-state-force-id': [
    `164:13 error $.forces[3].id: duplicate outside force id "georgia": already used by a state at $.states[2].id`,
  ],
  'event-condition-late': [
    `437:40 warning $.events[0].conditions[0].turn: turn 30 is after the last turn (12), so this condition is never true`,
  ],
  'event-needs-itself': [
    `489:43 warning $.events[4].conditions[1].event: this once-only event is not drawn again after it has happened, so needing itself to have happened means the news never draws it (only a facilitator can inject it)`,
  ],
  'event-peace-first-stage': [
    `450:40 warning $.events[1].conditions[0].stage: no stage is below the first stage "talks", so this condition is never true`,
  ],
  'event-power-count-high': [
    `488:48 warning $.events[4].conditions[0].count: the power line has only 2 stages, so this condition is never true`,
  ],
  'event-stance-below-zero': [
    `474:56 warning $.events[3].conditions[0].value: a stance is never below 0, so this condition is never true`,
  ],
  'event-stat-above-max': [
    `503:82 warning $.events[5].conditions[1].value: stability is at most 100, so this condition is never true`,
  ],
  'event-stat-below-zero': [
    `503:79 warning $.events[5].conditions[1].value: security is never below 0, so this condition is never true`,
  ],
  'event-state-all': [
    `503:39 error $.events[5].conditions[1].state: "all" is not allowed here: name one state`,
  ],
  'event-turn-at-most-zero': [
    `475:39 warning $.events[3].conditions[1].turn: the first turn is 1, so this condition is never true`,
  ],
  'event-turn-window-empty': [
    `475:39 warning $.events[3].conditions[1].turn: turnAtLeast 9 at $.events[3].conditions[0] is after this turnAtMost 8, so the two conditions are never both true`,
  ],
  'event-unknown-event': [
    `489:43 error $.events[4].conditions[1].event: unknown event "eu-summit"`,
  ],
  'event-unknown-force': [
    `465:36 error $.events[2].effects[1].force: unknown outside force "rusia" (did you mean "russia"?)`,
  ],
  'event-unknown-route': [
    `464:38 error $.events[2].effects[0].route: unknown alternative route "north" (did you mean "northern"?)`,
  ],
  'event-unknown-segment': [
    `440:47 error $.events[0].effects[0].segment: unknown segment "aktau-bak" (did you mean "aktau-baku"?)`,
  ],
  'event-unknown-stage': [
    `440:42 error $.events[0].effects[0].stage: unknown power stage "caspian-cabel" (did you mean "caspian-cable"?)`,
  ],
  'fee-all-zero': [
    `512:44 warning $.params.feeBp: all three fee levels are 0, so owning a segment never earns transit revenue`,
  ],
  'fee-order': [
    `512:44 warning $.params.feeBp: fee levels should rise from low to high (found low 12000, standard 10000, high 14000)`,
  ],
  'headstart-always-wins': [
    `512:61 warning $.params.headStart.armenia: "armenia" starts 301 points ahead and scores at least 191 (with no corridor revenue, no agenda and its stability and reputation at 0), more than the 190 any other state can reach, so "armenia" always wins`,
  ],
  'headstart-never-wins': [
    `512:61 warning $.params.headStart.georgia: "georgia" starts 301 points behind and scores at most -111 (with all 50 prosperity points, the 60 agenda points and its stability and reputation at 100), less than the -110 "armenia" always scores, so "georgia" never wins`,
  ],
  'json-duplicate-key': [
    `239:7 error $.segments[3].capacity: duplicate key "capacity" (first at line 238 col 7)`,
  ],
  'json-not-object': [
    `1:1 error $: expected an object, found an array`,
  ],
  'json-proto-key': [
    `176:21 error $.nodes[4].__proto__: key "__proto__" is not allowed (it could change how every object behaves)`,
  ],
  'json-too-deep': [
    `6:81 error $.description[0][0]: nesting deeper than 64 levels`,
  ],
  'no-route-within-limit': [
    `311:23 error $.maxRouteSegments: no middle-corridor route: no path of at most 3 cargo segments links an origin to a market`,
  ],
  'no-sea-route': [
    `314:24 error $.alternativeRoutes: no alternative route has "sea": true; exactly one route must take the cargo that no other route can`,
  ],
  'no-stake': [
    `144:13 warning $.states[4].id: state "turkmenistan" owns no segment and hosts no power stage, so it has no stake in the network`,
  ],
  'origin-is-market': [
    `309:15 error $.origins[0]: "khorgos" is both an origin and a market`,
  ],
  'owner-is-force': [
    `251:29 error $.segments[4].owners[1]: "eu" is an outside force, not a state`,
  ],
  'peace-bad-start': [
    `369:14 error $.peaceTrack.start: unknown peace stage "initiald" (did you mean "initialled"?)`,
  ],
  'peace-guarantor-unknown': [
    `363:26 error $.peaceTrack.guarantors[1]: unknown state or outside force "un"`,
  ],
  'peace-party-not-state': [
    `362:28 error $.peaceTrack.parties[1]: "eu" is an outside force, not a state`,
    `363:20 warning $.peaceTrack.guarantors[0]: "eu" is a party and a guarantor; it already has to accept every step`,
  ],
  'peace-stage-duplicate-name': [
    `367:35 warning $.peaceTrack.stages[2].name: name "Treaty initialled" is already used by $.peaceTrack.stages[1]; players will not tell the two stages apart`,
  ],
  'peace-unused': [
    `343:17 warning $.peaceTrack: no segment requires this peace track and no event or agenda refers to it, so it changes nothing in play`,
  ],
  'power-host-unknown': [
    `344:19 error $.powerLine.stages[0].hosts[0]: unknown state "kazakstan" (did you mean "kazakhstan"?)`,
  ],
  'power-stage-bad-node': [
    `342:17 error $.powerLine.stages[0].from: unknown node "aktua" (did you mean "aktau"?)`,
  ],
  'power-without-line': [
    `33:19 error $.states[0].agendas[1].kind: this level has no powerLine, so a powerLineBy agenda can never be met`,
    `464:17 error $.events[4].conditions[0].if: this level has no powerLine, so no power stage is ever done`,
    `469:17 error $.events[4].effects[1].do: this level has no powerLine, so there is no stage to fund`,
  ],
  'requires-unknown-stage': [
    `306:30 error $.segments[7].requires.peace: unknown peace stage "ratifed" (did you mean "ratified"?)`,
  ],
  'reserved-id': [
    `129:17 error $.states[3].agendas[2].id: "constructor" cannot be used as an id (it is a reserved word in JavaScript objects)`,
  ],
  'route-cap': [
    `616:23 warning $.maxRouteSegments: route enumeration stopped at 200 routes, so some paths are ignored; lower maxRouteSegments or simplify the network`,
  ],
  'schema-animosity-bad-key': [
    `372:16 error $.animosity: no animosity row for "russia": it needs an entry for each of "kazakhstan", "azerbaijan", "georgia", "armenia", "china", "eu"`,
    `421:5 error $.animosity.Russia: invalid key "Russia": an id is lowercase ASCII letters, digits and "-", starting with a letter`,
  ],
  'schema-animosity-range': [
    `395:27 error $.animosity.georgia.russia.base: must be at most 100, found 120`,
  ],
  'schema-bad-colour': [
    `44:16 error $.states[1].color: expected a colour like "#1f77b4", found "green"`,
  ],
  'schema-bad-condition': [
    `437:17 error $.events[0].conditions[0].if: unknown if "turnAtleast": expected one of "turnAtLeast", "turnAtMost", "segmentStatus", "peaceAtLeast", "peaceBelow", "stanceAtLeast", "stanceBelow", "statBelow", "statAtLeast", "animosityAtLeast", "powerStagesAtLeast", "pactActive", "eventHappened" (did you mean "turnAtLeast"?)`,
  ],
  'schema-bad-enum': [
    `250:15 error $.segments[4].mode: expected one of "rail", "road", "ferry", "port", "cable", found "ferri" (did you mean "ferry"?)`,
  ],
  'schema-bad-id': [
    `27:17 error $.states[0].agendas[0].id: an id is lowercase ASCII letters, digits and "-", starting with a letter; found "Gateway"`,
  ],
  'schema-empty-text': [
    `470:16 error $.events[3].title: must not be empty`,
  ],
  'schema-missing-discriminator': [
    `465:9 error $.events[2].effects[1].do: missing required field "do": one of "stat", "segmentStatus", "segmentRisk", "segmentCapacity", "altRoute", "animosity", "stance", "demand", "peace", "powerFunding"`,
  ],
  'schema-missing-field': [
    `214:5 error $.segments[2].mode: missing required field "mode": one of "rail", "road", "ferry", "port", "cable"`,
  ],
  'schema-not-integer': [
    `75:20 error $.states[2].stability: expected an integer, found 60.5`,
  ],
  'schema-out-of-range': [
    `243:15 error $.segments[3].risk: must be at most 100, found 150`,
  ],
  'schema-too-few': [
    `79:18 error $.states[2].agendas: must have at least 1 item, found 0`,
  ],
  'schema-too-long': [
    `71:15 error $.states[2].name: must be at most 80 characters long, found 87`,
  ],
  'schema-unknown-field': [
    `141:7 error $.states[3].colour: unknown field "colour" (did you mean "color"?)`,
  ],
  'schema-wrong-type': [
    `190:19 error $.segments[0].capacity: expected an integer, found "20000"`,
  ],
  'segment-build-too-long': [
    `302:21 warning $.segments[7].buildTurns: 13 turns of building is more than the level's 12 turns, so this segment never opens`,
  ],
  'segment-loop': [
    `264:13 error $.segments[5].to: a segment cannot start and end at the same node ("tbilisi")`,
  ],
  'segment-no-route': [
    `231:13 warning $.segments[3].id: no middle-corridor route within maxRouteSegments (4) uses this segment, so it never carries cargo`,
    `246:13 warning $.segments[4].id: no middle-corridor route within maxRouteSegments (4) uses this segment, so it never carries cargo`,
  ],
  'source-unknown': [
    `274:19 error $.segments[5].sources[0]: unknown source "btk2" (did you mean "btk"?)`,
  ],
  'state-duplicate-name': [
    `71:15 warning $.states[2].name: name "Azerbaijan" is already used by $.states[1]; players will not tell the two states apart`,
  ],
  'syntax-comment': [
    `309:3 error $: comments are not allowed in JSON`,
  ],
  'syntax-missing-comma': [
    `8:3 error $: unexpected string: expected "," or "}" (is a comma missing before it?)`,
  ],
  'syntax-single-quotes': [
    `8:3 error $: unexpected "'": expected a key in double quotes (JSON strings use double quotes)`,
  ],
  'syntax-trailing-comma': [
    `512:33 error $.params: trailing comma before "}" (JSON allows none)`,
  ],
  'syntax-unterminated-string': [
    `232:15 error $.segments[3].name: unterminated string (a string cannot span lines; write \\n)`,
  ],
  'target-zero': [
    `313:23 warning $.targetThroughput: a target of 0 kt is met from the first turn, so the shared goal asks nothing`,
  ],
  'two-sea-routes': [
    `333:14 warning $.alternativeRoutes[1].sea: more than one sea route: only $.alternativeRoutes[0] takes the overflow`,
  ],
  'unknown-country': [
    `173:77 error $.nodes[1].country: unknown state or outside force "kazakstan" (did you mean "kazakhstan"?)`,
  ],
  'unknown-node': [
    `234:13 error $.segments[3].to: unknown node "potti" (did you mean "poti"?)`,
  ],
  'unknown-origin': [
    `309:15 error $.origins[0]: unknown node "khorgas" (did you mean "khorgos"?)`,
  ],
  'unknown-owner': [
    `266:29 error $.segments[5].owners[1]: unknown state "turkiye"`,
  ],
  'unreachable-origin': [
    `309:15 error $.origins[0]: origin "khorgos" cannot reach any market over cargo segments (cable segments carry no cargo)`,
  ],
  'upgrade-no-gain': [
    `211:32 warning $.segments[1].upgrade.capacity: the upgrade's capacity 5000 is not above the segment's capacity 6000, so the upgrade adds nothing`,
  ],
  'version-missing-migrated': [
    `1:1 warning $: no "formatVersion": read as a pre-release level and migrated from format version 0 to 1 (pre-release levels called the alternative routes "altRoutes"; renamed to "alternativeRoutes"); add "formatVersion": 1`,
  ],
  'version-newer': [
    `3:20 error $.formatVersion: level format version 2 is newer than this game understands (1); update Corridor`,
  ],
  'via-unknown': [
    `318:15 warning $.alternativeRoutes[0].via[0]: unknown state or outside force "rusia" (did you mean "russia"?)`,
  ],
  'zero-weight-deck': [
    `430:13 warning $.events: every event has weight 0, so the news never draws one (only a facilitator can inject them)`,
  ],
};

describe('broken level corpus', () => {
  const files = readdirSync(brokenDir).filter((f) => f.endsWith('.json') && !f.startsWith('_')).map((f) => f.replace(/\.json$/, '')).sort();

  it('has an expectation for every file and a file for every expectation', () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const name of Object.keys(EXPECTED)) {
    it(name, () => {
      const r = parseLevelText(read('tests', 'levels-broken', `${name}.json`), `${name}.json`);
      expect(r.findings.map(show)).toEqual(EXPECTED[name]);
      expect(r.ok).toBe(!r.findings.some((f) => f.severity === 'error'));
      for (const f of r.findings) expect(f.file).toBe(`${name}.json`);
    });
  }
});

describe('levels that must pass', () => {
  it('the fixture base loads with no findings', () => {
    const r = parseLevelText(read('tests', 'levels-broken', '_valid-base.json'));
    expect(r.findings).toEqual([]);
    expect(r.ok).toBe(true);
  });

  const shipped = readdirSync(join(root, 'levels')).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).sort();
  it('there are shipped levels', () => expect(shipped.length).toBeGreaterThan(0));
  for (const file of shipped) {
    it(`shipped level ${file} has no findings and points editors at the schema`, () => {
      const text = read('levels', file);
      const r = parseLevelText(text, file);
      expect(r.findings.map((f) => formatFinding(f))).toEqual([]);
      expect(r.ok).toBe(true);
      const data = JSON.parse(text) as { $schema?: string };
      expect(Object.keys(data)[0]).toBe('$schema');
      expect(data.$schema).toBe('./level.schema.json');
      // The CLI finds a replay's shipped level as levels/<id>.json, and the browser does not
      // embed a shipped level in its replays: a file named otherwise makes replays unverifiable.
      expect(`${(data as { id?: string }).id}.json`, 'the file is named after the level id').toBe(file);
    });
  }
});

// The warnings about agendas that are always or never met, conditions that are never true and
// segments that never carry cargo claim something certain: at the limits, and wherever the
// rules leave a way out, they must stay silent.
describe('no warning where it could still happen', () => {
  const variant = (edit: (l: LevelInput) => void) => {
    const l = JSON.parse(read('tests', 'levels-broken', '_valid-base.json')) as LevelInput;
    edit(l);
    const r = loadLevelData(l);
    return r.findings.map((f) => `${f.severity} ${formatPath(f.path)}: ${f.message}`);
  };
  const agenda = (l: LevelInput, state: number, i: number, fields: Record<string, unknown>) => Object.assign(l.states[state].agendas[i], fields);
  const seg = (l: LevelInput, id: string) => l.segments.find((s) => s.id === id)!;
  const ev = (l: LevelInput, id: string) => l.events.find((e) => e.id === id)!;

  it('deadlines and build times that can just be met', () => {
    expect(variant((l) => {
      agenda(l, 1, 0, { turn: 4 }); // baku-meghri: 4 turns of building, funded on turn 1
      agenda(l, 0, 1, { turn: 4 }); // the slowest power stage takes 4 turns
      seg(l, 'meghri-kars').buildTurns = 12; // opens on the last turn, before that turn's cargo
    })).toEqual([]);
  });

  it('a segment that an event can open at once has no build-time bound', () => {
    expect(variant((l) => {
      agenda(l, 1, 0, { turn: 1 });
      seg(l, 'baku-meghri').buildTurns = 40;
      ev(l, 'first-power').effects.push({ do: 'segmentStatus', segment: 'baku-meghri', status: 'open' });
    })).toEqual([]);
  });

  it('conditions at the edge of their range', () => {
    expect(variant((l) => {
      ev(l, 'eu-forum').conditions = [{ if: 'turnAtLeast', turn: 8 }, { if: 'turnAtMost', turn: 8 }, { if: 'stanceBelow', force: 'eu', value: 1 }];
      ev(l, 'low-water').conditions = [{ if: 'turnAtMost', turn: 1 }, { if: 'statAtLeast', state: 'georgia', stat: 'stability', value: 100 }];
      ev(l, 'border-incident').conditions = [{ if: 'statBelow', state: 'georgia', stat: 'income', value: 1 }, { if: 'statAtLeast', state: 'georgia', stat: 'treasury', value: 1000000 }];
    })).toEqual([]);
  });

  it('treasury goals at or below 0 when an event can put the treasury in debt', () => {
    expect(variant((l) => {
      agenda(l, 1, 1, { amount: 0 });
      l.states[0].agendas.push({ kind: 'treasuryAtLeast', id: 'debt', name: 'Debt', text: 'Any treasury.', amount: -1000000 });
      ev(l, 'northern-sanctions').effects.push({ do: 'stat', state: 'all', stat: 'treasury', delta: -1 });
    })).toEqual([]);
    expect(variant((l) => {
      agenda(l, 1, 1, { amount: 0 });
      ev(l, 'northern-sanctions').effects.push({ do: 'stat', state: 'azerbaijan', stat: 'treasury', delta: -1 });
    })).toEqual([]);
  });

  it('treasury goals a state can miss: above 0, or not above a start in debt', () => {
    expect(variant((l) => agenda(l, 1, 1, { amount: 1 }))).toEqual([]); // judged at the end: spending can leave $0M
    expect(variant((l) => {
      agenda(l, 1, 1, { amount: 0 });
      l.states[1].treasury = -1; // with no income or revenue it stays at -1
    })).toEqual([]);
  });

  it('head starts just short of fixing the winner, and fees or agenda points just above 0', () => {
    // armenia's least (300 - 55 stability - 55 reputation) equals georgia's most (40 + 40 to
    // gain, 50 prosperity, 60 agenda): a tie, which georgia, listed first, wins. And the same
    // tie the other way round.
    expect(variant((l) => ((l.params ??= {}).headStart = { armenia: 300 }))).toEqual([]);
    expect(variant((l) => ((l.params ??= {}).headStart = { georgia: -300 }))).toEqual([]);
    // a state sure to win: no warning for the small handicap of one it beats (georgia's most is 180)
    expect(variant((l) => ((l.params ??= {}).headStart = { armenia: 400, georgia: -10 }))).toEqual([
      'warning $.params.headStart.armenia: "armenia" starts 400 points ahead and scores at least 290 (with no corridor revenue, no agenda and its stability and reputation at 0), more than the 185 any other state can reach, so "armenia" always wins',
    ]);
    expect(variant((l) => ((l.params ??= {}).feeBp = { low: 0, standard: 0, high: 1 }))).toEqual([]);
    expect(variant((l) => ((l.params ??= {}).agendaPoints = 1))).toEqual([]);
  });

  it('an event that needs itself when it can happen again', () => {
    expect(variant((l) => {
      (ev(l, 'border-incident').conditions ??= []).push({ if: 'eventHappened', event: 'border-incident' }); // once: false
    })).toEqual([]);
  });

  it('an event that needs a weight-0 event is not "never drawn": it waits for the facilitator', () => {
    // first-power needs eu-forum, which a facilitator can inject: the warning says just that
    expect(variant((l) => (ev(l, 'eu-forum').weight = 0))).toEqual([
      'warning $.events[4].conditions[1].event: "eu-forum" has weight 0, so the news never draws it: this event can be drawn only after a facilitator injects "eu-forum"',
    ]);
  });

  it('throughput goals the corridor can just carry', () => {
    expect(variant((l) => agenda(l, 2, 2, { kt: 20000 }))).toEqual([]); // khorgos-aktau carries 20000
    // an event that can grow the origin's segment lifts the bound there
    expect(variant((l) => {
      agenda(l, 2, 2, { kt: 25000 });
      ev(l, 'low-water').effects.push({ do: 'segmentCapacity', segment: 'khorgos-aktau', deltaBp: 100 });
    })).toEqual([]);
  });

  it('a line that leads nowhere, or a cable, is not a segment that routes miss', () => {
    expect(variant((l) => {
      l.nodes.push({ id: 'aghband', name: 'Aghband', lat: 39.2, lon: 46.8, country: 'azerbaijan', kind: 'border' });
      const { requires: _r, ...rail } = seg(l, 'baku-meghri');
      const { upgrade: _u, sources: _s, ...ferry } = seg(l, 'aktau-baku');
      l.segments.push({ ...rail, id: 'baku-aghband', name: 'Baku-Aghband rail', to: 'aghband' });
      l.segments.push({ ...ferry, id: 'caspian-cable', name: 'Caspian cable', mode: 'cable' });
    })).toEqual([]);
  });

  it('no segment is called unused when the route search stopped early', () => {
    const l = JSON.parse(read('tests', 'levels-broken', 'segment-no-route.json')) as LevelInput;
    const parsed = levelSchema.parse(l);
    const routes = enumerateRoutes(parsed);
    const unused = (f: { message: string }) => f.message.startsWith('no middle-corridor route within');
    expect(checkLevel(l, parsed, { routes }).filter(unused).length).toBe(2);
    expect(checkLevel(l, parsed, { routes, routesStopped: null }).filter(unused).length).toBe(2);
    expect(checkLevel(l, parsed, { routes, routesStopped: 'routes' }).filter(unused)).toEqual([]);
    // ... and a list cut short says so; a whole one does not.
    const stoppedAt = (f: { message: string }) => f.message.startsWith('route enumeration stopped at 200 routes');
    expect(checkLevel(l, parsed, { routes, routesStopped: 'routes' }).filter(stoppedAt)).toHaveLength(1);
    expect(checkLevel(l, parsed, { routes, routesStopped: null }).filter(stoppedAt)).toEqual([]);
  });
});

describe('the modding guide', () => {
  const doc = read('docs', 'MODDING.md');
  const blocks = (lang: string) => [...doc.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);

  it('its whole level is the tested file, and it loads with no findings', () => {
    const file = read('tests', 'levels-modding', 'tutorial-from-docs.json');
    const whole = doc.slice(doc.indexOf('### The whole level'));
    expect(blocks('json').some((b) => b === file)).toBe(true);
    expect(whole.includes(file)).toBe(true);
    const r = parseLevelText(file);
    expect(r.findings).toEqual([]);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.level.routes.length).toBe(2); // the guide says so
  });

  it('its deliberate mistakes give exactly the lines it shows', () => {
    const out: string[] = [];
    const code = validateMain([join(root, 'tests', 'levels-modding', 'tutorial-with-mistakes.json')], (s) => out.push(s), (s) => out.push(s));
    expect(code).toBe(1);
    const printed = out.join('\n').split(join(root, 'tests', 'levels-modding', 'tutorial-with-mistakes.json')).join('levels/caspian-crossing.json');
    const shown = blocks('text').find((b) => b.includes('levels/caspian-crossing.json:'));
    expect(shown?.trimEnd()).toBe(printed);
    // one line per mistake
    expect(out.length - 1).toBe(4);
  });

  it('the mistakes file differs from the tutorial only in the four mistakes', () => {
    const a = read('tests', 'levels-modding', 'tutorial-from-docs.json').split('\n');
    const b = read('tests', 'levels-modding', 'tutorial-with-mistakes.json').split('\n');
    expect(a.length).toBe(b.length);
    expect(a.filter((l, i) => l !== b[i]).length).toBe(4);
  });

  it('each fragment of the tutorial is valid JSON once wrapped in braces', () => {
    for (const b of blocks('json')) {
      const text = b.trim().startsWith('{') ? b : `{${b.trim().replace(/,$/, '')}}`;
      expect(() => JSON.parse(text)).not.toThrow();
    }
  });
});

describe('json-source', () => {
  it('gives 1-based line and column of values and keys, across CRLF and a BOM', () => {
    const text = '\ufeff{\r\n  "a": [1,\r\n    {"b": "x"}],\n\t"c": null\n}';
    const r = parseJsonSource(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual({ a: [1, { b: 'x' }], c: null });
    expect(locate(r.root, [])).toEqual({ line: 1, col: 1 });
    expect(locate(r.root, ['a'])).toEqual({ line: 2, col: 8 });
    expect(locate(r.root, ['a'], true)).toEqual({ line: 2, col: 3 });
    expect(locate(r.root, ['a', 1, 'b'])).toEqual({ line: 3, col: 11 });
    expect(locate(r.root, ['c'])).toEqual({ line: 4, col: 7 });
    // a missing key points at the object that should hold it
    expect(locate(r.root, ['a', 1, 'zzz'])).toEqual({ line: 3, col: 5 });
  });

  it('parses exactly what JSON.parse parses', () => {
    const samples = ['{"a":1.5e3,"b":-0,"c":"\\u00e9\\n\\"","d":[true,false,null],"e":{}}', '[]', '"s"', '0', '-12.5E-2', '[[[]]]'];
    for (const s of samples) {
      const r = parseJsonSource(s);
      expect(r.ok && r.value).toEqual(JSON.parse(s));
    }
  });

  it('explains broken JSON with a position', () => {
    const cases: [string, string][] = [
      ['{"a": 1,}', 'trailing comma before "}" (JSON allows none) at line 1 col 8'],
      ['[1, 2,\n]', 'trailing comma before "]" (JSON allows none) at line 1 col 6'],
      ['{"a" 1}', 'unexpected number: expected ":" after key "a" at line 1 col 6'],
      ['{"a": 1 "b": 2}', 'unexpected string: expected "," or "}" (is a comma missing before it?) at line 1 col 9'],
      ['{"a": True}', 'unexpected word "True": expected a value (did you mean true?) at line 1 col 7'],
      ['{"a": NaN}', 'unexpected word "NaN": expected a value at line 1 col 7'],
      ['{"a": 01}', 'invalid number: no leading zeros allowed at line 1 col 7'],
      ['{"a": 1e999}', 'number out of range at line 1 col 7'],
      ['{"a": "x', 'unterminated string at line 1 col 7'],
      ['{"a": "\\q"}', 'invalid escape "\\q" in string at line 1 col 8'],
      ['{"a": "\t"}', 'control character U+0009 in string (write it as an escape such as \\t) at line 1 col 8'],
      ['{} {}', 'unexpected "{": expected the end of the file after the top-level value at line 1 col 4'],
      ['', 'empty file: expected a JSON value at line 1 col 1'],
      ['/* c */ {}', 'comments are not allowed in JSON at line 1 col 1'],
      ['{"a":\n  [1,\n  2', 'unexpected end of file: expected "," or "]" at line 3 col 4'],
    ];
    for (const [text, message] of cases) {
      const r = parseJsonSource(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(formatJsonProblem(r.error)).toBe(message);
    }
  });

  it('refuses text over the size limit and nesting over the depth limit', () => {
    const big = `{"a": "${'x'.repeat(MAX_JSON_CHARS)}"}`;
    const r = parseJsonSource(big);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe(`file too large: ${big.length} characters, the limit is ${MAX_JSON_CHARS}`);
    const level = parseLevelText(big);
    expect(level.ok).toBe(false);
    expect(level.findings.map(show)).toEqual([`1:1 error $: file too large: ${big.length} characters, the limit is ${MAX_JSON_CHARS}`]);
    expect(parseJsonSource('['.repeat(64) + ']'.repeat(64)).ok).toBe(true);
    const deep = parseJsonSource('['.repeat(65) + ']'.repeat(65));
    expect(deep.ok).toBe(false);
    if (!deep.ok) expect(formatJsonProblem(deep.error)).toBe('nesting deeper than 64 levels at line 1 col 65');
    // deep nesting must not overflow the stack either
    expect(parseJsonSource('['.repeat(100000)).ok).toBe(false);
  });

  it('refuses a reserved word as the level\'s own id', () => {
    for (const id of ['constructor', 'prototype']) {
      const l = JSON.parse(read('tests', 'levels-broken', '_valid-base.json')) as Record<string, unknown>;
      l.id = id;
      const r = loadLevelData(l);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.findings.map((f) => `${formatPath(f.path)}: ${f.message}`)).toContain(`$.id: "${id}" cannot be used as an id (it is a reserved word in JavaScript objects)`);
    }
  });

  it('refuses prototype keys without polluting anything', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const r = parseJsonSource(`{"x": {"${key}": {"polluted": true}, "y": 1}}`);
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect(r.problems.map((p) => `${p.pos.line}:${p.pos.col} ${formatPath(p.path)} ${p.message}`)).toEqual([
        `1:8 $.x.${key} key "${key}" is not allowed (it could change how every object behaves)`,
      ]);
      const x = (r.value as { x: object }).x;
      expect(Object.keys(x)).toEqual(['y']);
      expect(Object.getPrototypeOf(x)).toBe(Object.prototype);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it('reports duplicate keys (the last one wins, as in JSON.parse)', () => {
    const r = parseJsonSource('{"a": 1,\n "a": 2}');
    expect(r.ok && r.value).toEqual({ a: 2 });
    if (r.ok) expect(r.problems.map((p) => p.message)).toEqual(['duplicate key "a" (first at line 1 col 2)']);
  });
});

describe('migrations', () => {
  const base = JSON.parse(read('tests', 'levels-broken', '_valid-base.json')) as Record<string, unknown>;

  it('has one step per version up to the current one', () => {
    expect(migrations.length).toBe(LEVEL_FORMAT_VERSION);
    migrations.forEach((m, i) => expect(m.from).toBe(i));
  });

  it('reads a pre-release level (no formatVersion, "altRoutes") and does not touch the input', () => {
    const { formatVersion: _v, alternativeRoutes, ...rest } = base;
    const old = { ...rest, altRoutes: alternativeRoutes };
    const frozen = JSON.stringify(old);
    const r = loadLevelData(old);
    expect(JSON.stringify(old)).toBe(frozen);
    expect(r.ok).toBe(true);
    expect(r.findings.map((f) => `${f.severity} ${formatPath(f.path)}: ${f.message}`)).toEqual([
      'warning $: no "formatVersion": read as a pre-release level and migrated from format version 0 to 1 (pre-release levels called the alternative routes "altRoutes"; renamed to "alternativeRoutes"); add "formatVersion": 1',
    ]);
    const current = loadLevelData(base);
    if (r.ok && current.ok) expect(r.level.hash).toBe(current.level.hash);
  });

  it('reads an explicit version 0 the same way', () => {
    const r = loadLevelData({ ...base, formatVersion: 0 });
    expect(r.ok).toBe(true);
    expect(r.findings.map((f) => formatPath(f.path))).toEqual(['$.formatVersion']);
  });

  it('refuses a newer version, naming both', () => {
    const r = loadLevelData({ ...base, formatVersion: LEVEL_FORMAT_VERSION + 5 });
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => f.message)).toEqual([
      `level format version ${LEVEL_FORMAT_VERSION + 5} is newer than this game understands (${LEVEL_FORMAT_VERSION}); update Corridor`,
    ]);
  });

  it('leaves a non-integer version for the schema to report', () => {
    const r = loadLevelData({ ...base, formatVersion: '1' });
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => `${formatPath(f.path)}: ${f.message}`)).toEqual(['$.formatVersion: expected an integer, found "1"']);
  });

  it('runs a chain of steps in order and maps moved paths back', () => {
    const steps: MigrationStep[] = [
      { from: 0, note: 'a -> b', migrate: (d) => ({ data: { ...d, b: d.a, a: undefined }, moved: [[['a'], ['b']]] }) },
      { from: 1, note: 'b -> c', migrate: (d) => ({ data: { ...d, c: d.b, b: undefined }, moved: [[['b'], ['c']]] }) },
    ];
    const r = migrateLevel({ formatVersion: 0, a: [1] }, steps, 2);
    expect((r.data as Record<string, unknown>).c).toEqual([1]);
    expect(r.findings.map((f) => f.message)).toEqual(['migrated from format version 0 to 2 (a -> b; b -> c); set "formatVersion": 2 after checking the changes']);
    expect(originalPath(['c', 0], r.moved)).toEqual(['a', 0]);
    expect(originalPath(['d'], r.moved)).toEqual(['d']);
    const gap = migrateLevel({ formatVersion: 1 }, steps.slice(0, 1), 2);
    expect(gap.refused).toBe(true);
    expect(gap.findings.map((f) => f.message)).toEqual(['no migration from level format version 1 to 2']);
  });

  it('points findings in a migrated file at the original text', () => {
    const text = read('tests', 'levels-broken', 'version-missing-migrated.json').replace('"via": ["russia"]', '"via": ["rusia"]');
    const r = parseLevelText(text);
    const via = r.findings.find((f) => f.message.startsWith('unknown state'));
    expect(via && formatPath(via.path)).toBe('$.alternativeRoutes[0].via[0]');
    const line = text.split('\n').findIndex((l) => l.includes('"rusia"')) + 1;
    expect(via?.line).toBe(line);
  });
});

describe('robustness', () => {
  it('never throws on data that is not a level', () => {
    for (const v of [null, undefined, 0, 'x', [], [1], {}, { formatVersion: 1 }, { states: 'x', segments: [1, null, 'x'] }, { animosity: [], nodes: {} }]) {
      const r = loadLevelData(v);
      expect(r.ok).toBe(false);
      expect(r.findings.length).toBeGreaterThan(0);
    }
  });

  it('reports a missing top-level collection once, not every reference into it', () => {
    const base = JSON.parse(read('tests', 'levels-broken', '_valid-base.json')) as Record<string, unknown>;
    delete base.nodes;
    const r = loadLevelData(base);
    expect(r.findings.map((f) => `${formatPath(f.path)}: ${f.message}`)).toEqual(['$.nodes: missing required field "nodes" (an array)']);
  });

  it('a broken item is reported once, not again through every reference to it', () => {
    const base = JSON.parse(read('tests', 'levels-broken', '_valid-base.json')) as { states: unknown[]; alternativeRoutes: { sea?: unknown }[] };
    base.states[1] = null;
    base.alternativeRoutes[1].sea = 'yes';
    const r = loadLevelData(base);
    expect(r.findings.map((f) => `${formatPath(f.path)}: ${f.message}`)).toEqual([
      '$.states[1]: expected an object, found null',
      '$.alternativeRoutes[1].sea: expected true or false, found "yes"',
    ]);
  });

  it('rejects reserved ids given as data (not only through the text parser)', () => {
    const base = JSON.parse(read('tests', 'levels-broken', '_valid-base.json')) as { forces: { id: string }[]; animosity: Record<string, Record<string, unknown>> };
    base.forces.push({ id: 'constructor', name: 'X', role: 'Y', stance: { base: 50, spread: 0 } } as never);
    const r = loadLevelData(base);
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => `${formatPath(f.path)}: ${f.message}`)[0]).toBe('$.forces[3].id: "constructor" cannot be used as an id (it is a reserved word in JavaScript objects)');
  });

  it('did you mean: edit distance, case, swaps and containment', () => {
    expect(closest('bakku', ['tbilisi', 'baku'])).toBe('baku');
    expect(closest('Baku', ['baku'])).toBe('baku');
    expect(closest('aktua', ['aktau'])).toBe('aktau');
    expect(closest('north', ['sea', 'northern'])).toBe('northern');
    expect(closest('zzz', ['baku', 'aktau'])).toBeUndefined();
  });

  it('loads the default level quickly once warm', () => {
    const text = read('levels', 'middle-corridor.json');
    parseLevelText(text);
    const t0 = performance.now();
    const r = parseLevelText(text);
    const ms = performance.now() - t0;
    expect(r.ok).toBe(true);
    expect(ms).toBeLessThan(250); // the bench holds it to 50 ms; this only catches a blow-up
  });
});

describe('validate CLI', () => {
  const run = (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = validateMain(args, (s) => out.push(s), (s) => err.push(s));
    return { code, out, err };
  };

  it('prints FILE: path: message (line, column) and a summary; exit 1 on errors', () => {
    const file = join('tests', 'levels-broken', 'unknown-node.json');
    const r = run(join(root, file));
    expect(r.code).toBe(1);
    expect(r.out).toEqual([
      `${join(root, file)}: $.segments[3].to: unknown node "potti" (did you mean "poti"?) (line 234, column 13)`,
      '1 file checked: 1 error, 0 warnings (1 not loadable)',
    ]);
  });

  it('exits 0 with warnings only', () => {
    const r = run(join(root, 'tests', 'levels-broken', 'no-stake.json'), join(root, 'tests', 'levels-broken', '_valid-base.json'));
    expect(r.code).toBe(0);
    expect(r.out[r.out.length - 1]).toBe('2 files checked: 0 errors, 1 warning');
  });

  it('skips the JSON Schema that levels/*.json also matches', () => {
    const r = run(join(root, 'levels', 'level.schema.json'), join(root, 'tests', 'levels-broken', '_valid-base.json'));
    expect(r.code).toBe(0);
    expect(r.out).toEqual([`${join(root, 'levels', 'level.schema.json')}: skipped (a JSON Schema, not a level)`, '1 file checked: 0 errors, 0 warnings']);
  });

  it('reports a missing file in one line', () => {
    const r = run('no/such/level.json');
    expect(r.code).toBe(1);
    expect(r.out).toEqual(['no/such/level.json: no such file', '1 file checked: 1 error, 0 warnings (1 not loadable)']);
  });

  it('refuses unknown options and an empty file list; --help exits 0', () => {
    expect(run('--strict').code).toBe(1);
    expect(run('--strict').err).toEqual(['validate: unknown option --strict (try --help)']);
    expect(run().code).toBe(1);
    expect(run('--help').code).toBe(0);
  });

  it('--json prints machine-readable findings', () => {
    const r = run('--json', join(root, 'tests', 'levels-broken', 'two-sea-routes.json'));
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out.join('\n')) as { errors: number; warnings: number; findings: { line: number; col: number; severity: string; path: string }[] };
    expect(j.errors).toBe(0);
    expect(j.warnings).toBe(1);
    expect(j.findings[0]).toMatchObject({ line: 333, col: 14, severity: 'warning', path: '$.alternativeRoutes[1].sea' });
  });
});
