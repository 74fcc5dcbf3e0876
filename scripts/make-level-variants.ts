// Derives the two modding-showcase levels from the default level, so that tuning
// levels/middle-corridor.json carries over: run `npx tsx scripts/make-level-variants.ts`
// after editing it, then `npx tsx scripts/check-levels.ts`.
//   levels/no-peace.json   what-if: no Armenia–Azerbaijan peace track and no Syunik link
//   levels/green-line.json the power line is the main prize (more, cheaper stages, higher revenue)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LevelInput } from '../src/sim/level-schema';
import { formatLevelJson } from './level-json';

type Agenda = LevelInput['states'][number]['agendas'][number];
type LevelEvent = LevelInput['events'][number];

const levelsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'levels');
const base = JSON.parse(readFileSync(join(levelsDir, 'middle-corridor.json'), 'utf8')) as LevelInput;
const clone = (): LevelInput => JSON.parse(JSON.stringify(base)) as LevelInput;

function state(level: LevelInput, id: string) {
  const s = level.states.find((x) => x.id === id);
  if (!s) throw new Error(`no state ${id} in the default level`);
  return s;
}
function replaceAgenda(level: LevelInput, stateId: string, agendaId: string, next: Agenda) {
  const s = state(level, stateId);
  const i = s.agendas.findIndex((a) => a.id === agendaId);
  if (i < 0) throw new Error(`no agenda ${stateId}/${agendaId} in the default level`);
  s.agendas[i] = next;
}
function dropEvents(level: LevelInput, ids: string[]) {
  for (const id of ids) if (!level.events.some((e) => e.id === id)) throw new Error(`no event ${id} in the default level`);
  level.events = level.events.filter((e) => !ids.includes(e.id));
}
/** Keep only the sources still cited somewhere (the default level cites a few in its description). */
function pruneSources(level: LevelInput, alsoKeep: string[]) {
  const cited = new Set(alsoKeep);
  JSON.stringify({ ...level, sources: [] }, (k, v: unknown) => {
    if (k === 'sources' && Array.isArray(v)) for (const s of v) if (typeof s === 'string') cited.add(s);
    return v;
  });
  level.sources = level.sources.filter((s) => cited.has(s.id));
}

// ---------- no-peace ----------
function noPeace(): LevelInput {
  const l = clone();
  l.id = 'no-peace';
  l.name = 'What if: no peace track';
  l.description =
    'A what-if variant of the default level: there is no Armenia–Azerbaijan peace track, so the Syunik (TRIPP) link and the Nakhchivan rail rebuild beyond it are absent, and all corridor cargo west of the Caspian crosses Georgia. Compare the debrief with the default level to see what the peace track changes for Georgia, Armenia, Azerbaijan and Türkiye. All other figures come from the default level, and its sources list (titles and addresses) is kept for everything still in play.';
  delete l.peaceTrack;
  const removedSegments = ['syunik', 'nakhchivan-rail'];
  l.segments = l.segments.filter((s) => !removedSegments.includes(s.id));
  l.nodes = l.nodes.filter((n) => n.id !== 'meghri');
  dropEvents(l, ['transit-ban-lifted', 'border-commission-progress', 'border-incident-am-az', 'iran-red-line', 'russia-warns-outside-involvement', 'tripp-operator-terms']);
  l.events.push({
    id: 'border-incident-am-az',
    title: 'Incident on the Armenia–Azerbaijan border',
    text: 'Both sides report an exchange of fire at a border section and blame each other. Without a peace process, mediators have few channels to calm the situation.',
    weight: 60,
    once: false,
    conditions: [{ if: 'animosityAtLeast', from: 'azerbaijan', to: 'armenia', value: 50 }],
    effects: [
      { do: 'animosity', from: 'armenia', to: 'azerbaijan', delta: 5 },
      { do: 'animosity', from: 'azerbaijan', to: 'armenia', delta: 5 },
      { do: 'stat', state: 'armenia', stat: 'stability', delta: -4 },
      { do: 'stat', state: 'azerbaijan', stat: 'stability', delta: -2 },
      { do: 'segmentRisk', segment: 'tbilisi-gyumri', delta: 3 },
    ],
  } satisfies LevelEvent);
  const anim = l.animosity as Record<string, Record<string, { base: number; spread: number }>>;
  anim.armenia.azerbaijan = { base: 70, spread: 15 };
  anim.azerbaijan.armenia = { base: 70, spread: 15 };

  const am = state(l, 'armenia');
  am.objective = 'Earn transit income through Georgia and, if the border with Türkiye reopens, through Kars–Gyumri.';
  am.briefing = 'In this what-if there is no peace process with Azerbaijan and no Syunik link, and the borders with Türkiye and Azerbaijan stay closed. Your only rail outlet is the Tbilisi–Gyumri line through Georgia; reopening the Kars–Gyumri railway with Türkiye would put Armenia on a corridor route.';
  am.agendas = [
    { kind: 'segmentOpenBy', id: 'am-western-border', name: 'Western border', text: 'The Kars–Gyumri railway is open by turn 12.', segment: 'kars-gyumri', turn: 12 },
    { kind: 'cargoShare', id: 'am-transit-partner', name: 'Transit partner', text: 'At the end, at least 10% of middle-corridor cargo crosses Armenia.', atLeastBp: 1000 },
    { kind: 'stabilityAtLeast', id: 'am-steady', name: 'Steady course', text: 'At the end, your stability is at least 55.', value: 55 },
  ];
  const az = state(l, 'azerbaijan');
  az.objective = 'Grow transit through the port of Baku at Alat and Azerbaijan\'s railways, and connect Nakhchivan by rail through Türkiye.';
  az.briefing = 'Every middle-corridor route in this level crosses the Caspian to the port of Baku at Alat, so your ports and tariffs shape the whole corridor. In this what-if there is no peace track: the Horadiz–Aghband line ends at a closed border, and Nakhchivan can be reached by rail only through Türkiye, over the Kars–Dilucu line.';
  replaceAgenda(l, 'azerbaijan', 'az-settled-border', { kind: 'treasuryAtLeast', id: 'az-reserves', name: 'Reserves', text: 'At the end, your treasury is at least $3,000M.', amount: 3000 });
  replaceAgenda(l, 'azerbaijan', 'az-nakhchivan-by-rail', { kind: 'segmentOpenBy', id: 'az-nakhchivan-via-turkiye', name: 'Nakhchivan by rail', text: 'The Kars–Dilucu railway to Nakhchivan is open by turn 12.', segment: 'kars-dilucu', turn: 12 });
  replaceAgenda(l, 'turkiye', 'tr-syunik-link', { kind: 'segmentOpenBy', id: 'tr-nakhchivan-link', name: 'Nakhchivan link', text: 'The Kars–Dilucu railway to Nakhchivan is open by turn 12.', segment: 'kars-dilucu', turn: 12 });
  const ge = state(l, 'georgia');
  ge.briefing = 'All corridor cargo west of the Caspian crosses Georgia in this what-if, to Poti, Batumi or the Baku–Tbilisi–Kars railway. Your ports and the Georgian section of the railway are the bottleneck, and the Anaklia deep-sea port has a CCCC-led consortium but uncertain financing.';
  // With every route crossing Georgia, a cargo-share agenda would be met by default.
  replaceAgenda(l, 'georgia', 'ge-main-route', { kind: 'treasuryAtLeast', id: 'ge-port-revenue', name: 'Port revenue', text: 'At the end, your treasury is at least $2,000M.', amount: 2000 });
  replaceAgenda(l, 'georgia', 'ge-no-bypass', { kind: 'stabilityAtLeast', id: 'ge-steady', name: 'Steady course', text: 'At the end, your stability is at least 55.', value: 55 });
  const russia = l.forces.find((f) => f.id === 'russia')!;
  russia.role = 'Owner of the Northern route and an influential partner of Armenia and the South Caucasus states.';
  pruneSources(l, ['s2', 's3', 's4']);
  // Its own head starts: without the Syunik link Armenia earns less still (tuned as RULES.md
  // says, with sim --seeds 400).
  l.params = { ...(l.params ?? {}), headStart: { azerbaijan: 14, kazakhstan: 6, uzbekistan: 25, turkmenistan: 23, kyrgyzstan: 35, turkiye: 34, georgia: 0, armenia: 43 } };
  return l;
}

// ---------- green-line ----------
function greenLine(): LevelInput {
  const l = clone();
  l.id = 'green-line';
  l.name = 'Green Line: power across the Caspian';
  l.description =
    'A variant of the default level in which the trans-Caspian and Black Sea power line is the main prize: it has six smaller stages that cost less in total, an energised line pays its funders $300M a turn, more secret agendas reward it and the news deck carries renewable-finance events. The Black Sea cable is costed net of the EU grant on offer (s45, s48); the trans-Caspian figures are an inference from it, not sourced. Everything else, and the sources list with titles and addresses, is as in the default level.';
  // Its own head starts: with a line worth more, the default level's favour other states
  // (tuned as RULES.md says, with sim --seeds 400).
  l.params = { ...(l.params ?? {}), powerRevenuePerTurn: 300, headStart: { azerbaijan: 16, kazakhstan: 7, uzbekistan: 25, turkmenistan: 25, kyrgyzstan: 36, turkiye: 36, georgia: 0, armenia: 40 } };
  l.powerLine = {
    id: 'green-corridor',
    name: 'Green Line: Central Asian renewables to the EU',
    stages: [
      { id: 'pl-kz-wind', name: 'Kazakh wind farms on the Caspian coast', from: 'beyneu', to: 'aktau', hosts: ['kazakhstan'], cost: 400, buildTurns: 3, sources: ['s49', 's51'] },
      { id: 'pl-uz-solar', name: 'Uzbek solar and the Uzbek–Kazakh grid link', from: 'tashkent', to: 'beyneu', hosts: ['uzbekistan', 'kazakhstan'], cost: 500, buildTurns: 3, sources: ['s49', 's51'] },
      { id: 'pl-caspian', name: 'Trans-Caspian HVDC cable', from: 'aktau', to: 'baku', hosts: ['kazakhstan', 'azerbaijan'], cost: 2200, buildTurns: 5, sources: ['s49', 's50', 's51', 's79'] },
      { id: 'pl-azerbaijan', name: 'Azerbaijan grid reinforcement to the Georgian border', from: 'baku', to: 'tbilisi', hosts: ['azerbaijan'], cost: 300, buildTurns: 2, sources: ['s46'] },
      { id: 'pl-georgia', name: 'Georgian grid link to the Anaklia landing point', from: 'tbilisi', to: 'anaklia', hosts: ['georgia'], cost: 250, buildTurns: 2, sources: ['s46'] },
      { id: 'pl-black-sea', name: 'Black Sea submarine cable to Romania (1 GW HVDC; cost net of the EU\'s offered EUR 2.3bn)', from: 'anaklia', to: 'constanta', hosts: ['georgia'], cost: 1500, buildTurns: 6, sources: ['s45', 's46', 's47', 's48'] },
    ],
  };
  replaceAgenda(l, 'kazakhstan', 'kz-green-exporter', { kind: 'powerLineBy', id: 'kz-green-exporter', name: 'Green exporter', text: 'The Green Line is energised by turn 10.', turn: 10 });
  state(l, 'azerbaijan').agendas.push({ kind: 'powerLineBy', id: 'az-power-hub', name: 'Power hub', text: 'The Green Line is energised by turn 12.', turn: 12 });
  state(l, 'georgia').agendas.push({ kind: 'powerLineBy', id: 'ge-power-bridge', name: 'Power bridge', text: 'The Green Line is energised by turn 13.', turn: 13 });
  state(l, 'turkmenistan').agendas.push({ kind: 'treasuryAtLeast', id: 'tm-power-earnings', name: 'Power earnings', text: 'At the end, your treasury is at least $2,800M (for example from selling power westward).', amount: 2800 });
  state(l, 'turkiye').agendas.push({ kind: 'powerLineBy', id: 'tr-green-neighbour', name: 'Green neighbour', text: 'The Green Line is energised by turn 14.', turn: 14 });
  const kz = state(l, 'kazakhstan');
  kz.objective = 'Export Central Asian wind and solar power to the EU over the Green Line, and carry more cargo across Kazakhstan.';
  const events: LevelEvent[] = [
    { id: 'adb-aiib-green-loans', title: 'Development banks offer loans for the green corridor', text: 'The ADB and AIIB, which support the green energy corridor feasibility study, signal loans for generation and grid links in Central Asia.', weight: 100,
      conditions: [{ if: 'turnAtLeast', turn: 2 }],
      effects: [{ do: 'stat', state: 'kazakhstan', stat: 'treasury', delta: 150 }, { do: 'stat', state: 'uzbekistan', stat: 'treasury', delta: 150 }, { do: 'stat', state: 'azerbaijan', stat: 'treasury', delta: 100 }], sources: ['s50', 's51'] },
    { id: 'green-bond', title: 'Kazakhstan issues a green bond', text: 'Kazakhstan raises money on international markets with a bond earmarked for renewable generation and grid links.', weight: 80,
      effects: [{ do: 'stat', state: 'kazakhstan', stat: 'treasury', delta: 200 }, { do: 'stat', state: 'kazakhstan', stat: 'reputation', delta: 2 }] },
    { id: 'solar-auction', title: 'Low prices in an Uzbek solar auction', text: 'A solar power auction in Uzbekistan closes at low prices, strengthening the case for exports.', weight: 70,
      effects: [{ do: 'stat', state: 'uzbekistan', stat: 'treasury', delta: 60 }, { do: 'stat', state: 'uzbekistan', stat: 'reputation', delta: 3 }, { do: 'stance', force: 'eu', delta: 2 }] },
    { id: 'offtake-letters', title: 'EU buyers sign letters of intent for green power', text: 'Utilities in the EU sign letters of intent to buy electricity delivered over the Green Line once it is energised.', weight: 90,
      conditions: [{ if: 'powerStagesAtLeast', count: 3 }],
      effects: [{ do: 'stance', force: 'eu', delta: 5 }, { do: 'stat', state: 'georgia', stat: 'treasury', delta: 100 }, { do: 'stat', state: 'azerbaijan', stat: 'treasury', delta: 100 }] },
    { id: 'cable-vessel-shortage', title: 'Shortage of cable-laying vessels', text: 'Few vessels worldwide can lay HVDC cable, and their order books are full. Cable projects face higher costs.', weight: 70,
      conditions: [{ if: 'turnAtLeast', turn: 3 }],
      effects: [{ do: 'stat', state: 'georgia', stat: 'treasury', delta: -80 }, { do: 'stat', state: 'azerbaijan', stat: 'treasury', delta: -80 }, { do: 'stat', state: 'kazakhstan', stat: 'treasury', delta: -80 }] },
    { id: 'grid-tariff-dispute', title: 'Grid operators disagree on transit tariffs for power', text: 'Grid operators along the Green Line disagree on who pays for balancing and transit of electricity.', weight: 60,
      conditions: [{ if: 'powerStagesAtLeast', count: 1 }],
      effects: [{ do: 'animosity', from: 'kazakhstan', to: 'azerbaijan', delta: 4 }, { do: 'animosity', from: 'azerbaijan', to: 'kazakhstan', delta: 3 }, { do: 'animosity', from: 'georgia', to: 'azerbaijan', delta: 3 }] },
    { id: 'eu-carbon-rules', title: 'EU carbon border rules raise the value of clean power', text: 'EU carbon border rules take fuller effect; low-carbon electricity and goods made with it gain value for EU buyers.', weight: 70,
      effects: [{ do: 'stance', force: 'eu', delta: 3 }, { do: 'stat', state: 'kazakhstan', stat: 'reputation', delta: 2 }, { do: 'stat', state: 'uzbekistan', stat: 'reputation', delta: 2 }] },
  ];
  for (const e of events) if (l.events.some((x) => x.id === e.id)) throw new Error(`event id ${e.id} already in the default level`);
  l.events.push(...events);
  // The cable is costed net of the EU's grant here, so the grant's news pays the two states
  // something towards their share instead of paying the grant into the stage a second time.
  const grant = l.events.find((e) => e.id === 'eu-cable-grant');
  if (!grant) throw new Error('no event eu-cable-grant in the default level');
  Object.assign(grant, {
    text: 'The EU confirms its offer of about EUR 2.3bn towards the Black Sea submarine cable linking the South Caucasus to Romania.',
    weight: 90,
    effects: [{ do: 'stat', state: 'georgia', stat: 'treasury', delta: 400 }, { do: 'stat', state: 'azerbaijan', stat: 'treasury', delta: 200 }, { do: 'stance', force: 'eu', delta: 2 }],
  });
  pruneSources(l, ['s2', 's3', 's4', 's45', 's48']);
  return l;
}

writeFileSync(join(levelsDir, 'no-peace.json'), formatLevelJson(noPeace()));
writeFileSync(join(levelsDir, 'green-line.json'), formatLevelJson(greenLine()));
console.log('wrote levels/no-peace.json and levels/green-line.json');
