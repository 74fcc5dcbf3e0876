// Number formatting for people: money in $M, cargo in Mt/yr (the sim counts kt/yr).
import { money, type Orders, type PlayerView, type StateId } from './sim';

export { money, mt } from './sim';

/** A power-line stage's state in a line of text: built, building (turns done of its build
 * time), or the money funded towards its cost. */
export function stageState(p: Pick<PlayerView['power'][number], 'status' | 'progress' | 'buildTurns' | 'funded' | 'cost'>): string {
  if (p.status === 'done') return 'built';
  if (p.status === 'building') return `building ${p.progress}/${p.buildTurns}`;
  return `${money(p.funded)} of ${money(p.cost)} funded`;
}

export function bp(v: number): string {
  return `${Math.round(v / 100)}%`;
}

export function nameIn(view: Pick<PlayerView, 'states' | 'forces'>, id: StateId): string {
  return view.states.find((s) => s.id === id)?.name ?? view.forces.find((f) => f.id === id)?.name ?? id;
}

export function names(view: Pick<PlayerView, 'states' | 'forces'>, ids: StateId[]): string {
  return joinAnd(ids.map((id) => nameIn(view, id)));
}

/** 'a', 'a and b', 'a, b and c'. */
export function joinAnd(list: string[]): string {
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

export const STATUS_LABEL: Record<string, string> = {
  planned: 'planned',
  building: 'under construction',
  open: 'open',
  damaged: 'damaged',
};

export const MODE_LABEL: Record<string, string> = {
  rail: 'rail',
  road: 'road',
  ferry: 'ferry / sea',
  port: 'port',
  cable: 'power cable',
};

/** Rank by score, ties sharing the better rank (95, 95, 95 are all 1st); `tied` when shared. */
export function rankOf(view: PlayerView, id: string): { rank: number; tied: boolean } {
  const mine = view.states.find((s) => s.id === id)?.score ?? 0;
  return {
    rank: 1 + view.states.filter((s) => s.score > mine).length,
    tied: view.states.filter((s) => s.score === mine).length > 1,
  };
}

export function rankText(r: { rank: number; tied: boolean }, of: number): string {
  return `${r.tied ? 'tied, ' : ''}rank ${r.rank} of ${of}`;
}

/** A state's submitted orders as lines to read: each investment, each fee it changes (against
 * the level its segments charge now), its security and intelligence spending. */
export function orderLines(view: Pick<PlayerView, 'states' | 'forces' | 'segments'>, who: StateId, o: Orders): string[] {
  const segName = (id: string) => view.segments.find((s) => s.id === id)?.name ?? id;
  const lines = o.invest.map((i) => `Invest ${money(i.amount)} in ${segName(i.segment)}`);
  // Fee changes one line per change, "standard to low", the segments in the order given.
  const changes = new Map<string, string[]>();
  for (const [id, fee] of Object.entries(o.fees)) {
    const now = view.segments.find((s) => s.id === id)?.fee[who];
    if (now !== undefined && now !== fee) changes.set(`${now} to ${fee}`, [...(changes.get(`${now} to ${fee}`) ?? []), segName(id)]);
  }
  for (const [change, segs] of changes) lines.push(`Fee${segs.length > 1 ? 's' : ''} from ${change}: ${segs.join('; ')}`);
  lines.push(o.security > 0 ? `Security: ${money(o.security)}` : 'No security spending');
  lines.push(o.intel ? `Intelligence on ${nameIn(view, o.intel.target)}: ${money(o.intel.amount)}` : 'No intelligence spending');
  return lines;
}
