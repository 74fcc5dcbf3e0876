// "You": the viewer's state, its secret agenda, and the shared goals of the corridor.
import { h } from '../dom';
import { money, mt, names, nameIn, rankOf, rankText, stageState } from '../format';
import type { PlayerView, StateView } from '../sim';
import type { PanelContext } from './context';

export function meter(label: string, value: number, max = 100, testid?: string): HTMLElement {
  const pct = Math.max(0, Math.min(100, Math.round((100 * value) / Math.max(1, max))));
  return h(
    'div',
    { class: 'meter', 'data-testid': testid },
    h('span', { class: 'meter-label' }, label),
    h('span', { class: 'meter-track', role: 'meter', 'aria-label': label, 'aria-valuemin': 0, 'aria-valuemax': max, 'aria-valuenow': value }, h('span', { class: 'meter-fill', style: `width:${pct}%` })),
    h('span', { class: 'meter-value' }, `${value}`),
  );
}

export function corridorGoals(view: PlayerView): HTMLElement {
  const c = view.collective;
  const stagesDone = view.power.filter((p) => p.status === 'done').length;
  return h(
    'section',
    { class: 'goals', 'aria-labelledby': 'goals-h' },
    h('h3', { id: 'goals-h' }, 'The corridor — shared goals'),
    h(
      'div',
      { class: 'goal' },
      h('div', { class: 'goal-title' }, 'Cargo on the corridor'),
      h(
        'div',
        { class: 'progress', role: 'progressbar', 'aria-label': 'Corridor throughput against target', 'aria-valuemin': 0, 'aria-valuemax': c.target, 'aria-valuenow': c.throughput },
        h('span', { style: `width:${Math.min(100, Math.round((100 * c.throughput) / Math.max(1, c.target)))}%` }),
      ),
      h('div', { class: 'goal-text' }, view.history.length
        ? `${mt(c.throughput)} of ${mt(c.target)} target last turn · East–West demand now ${mt(view.demand)}`
        : `Counted when turn 1 resolves · target ${mt(c.target)} · East–West demand ${mt(view.demand)}`),
    ),
    view.power.length
      ? h(
          'div',
          { class: 'goal' },
          h('div', { class: 'goal-title' }, view.powerEnergisedTurn !== null ? `Power line energised (turn ${view.powerEnergisedTurn})` : `Power line: ${stagesDone} of ${view.power.length} stages built`),
          h(
            'ol',
            { class: 'stages' },
            view.power.map((p) =>
              h('li', { class: `stage ${p.status}` }, h('span', { class: 'stage-mark', 'aria-hidden': 'true' }, p.status === 'done' ? '◆' : p.status === 'building' ? '◈' : '◇'), ` ${p.name} — `, stageState(p)),
            ),
          ),
        )
      : null,
    view.peace
      ? h(
          'div',
          { class: 'goal' },
          h('div', { class: 'goal-title' }, `${view.peace.name}${view.peace.held ? '' : ' (has fallen back)'}`),
          h(
            'ol',
            { class: 'peace-steps', 'aria-label': `Stage ${view.peace.stage + 1} of ${view.peace.stages.length}: ${view.peace.stageName}` },
            view.peace.stages.map((s, i) => h('li', { class: i < view.peace!.stage ? 'past' : i === view.peace!.stage ? 'current' : 'future', 'aria-current': i === view.peace!.stage ? 'step' : undefined }, s)),
          ),
          h('div', { class: 'goal-text' }, `Parties: ${names(view, view.peace.parties)}${view.peace.guarantors.length ? `; guarantors: ${names(view, view.peace.guarantors)}` : ''}`),
        )
      : null,
  );
}

function readiness(view: PlayerView, s: StateView): string {
  if (view.phase === 'ended') return '—';
  if (view.phase === 'diplomacy') return view.waitingFor.includes(s.id) ? 'deciding' : 'done';
  return s.ordersSubmitted ? 'orders in' : 'deciding';
}

export function renderDashboard(ctx: PanelContext): HTMLElement {
  const { view, me } = ctx;
  const st = view.states.find((s) => s.id === me)!;
  const myPacts = view.pacts.filter((p) => p.members.includes(me));
  const myPledges = view.pledges.filter((p) => p.state === me);
  const briefing = ctx.level.states.find((s) => s.id === me)?.briefing;
  return h(
    'div',
    { class: 'panel dashboard', 'data-testid': 'dashboard' },
    view.turn === 1 && view.phase === 'diplomacy'
      ? h('div', { class: 'guide', 'data-testid': 'first-turn-guide' },
          h('strong', null, 'First turn? '),
          'Read your briefing and secret agenda below, answer the proposals in ', h('em', null, 'Diplomacy'), ', make your own, then press ', h('strong', null, 'Finish diplomacy'), ' (', h('kbd', null, 'E'), '). Orders come next. Press ', h('kbd', null, '?'), ' for help.')
      : null,
    h('h2', { class: 'state-title' }, st.name),
    h('p', { class: 'objective' }, h('strong', null, 'Public objective: '), st.objective),
    briefing ? h('details', { class: 'brief', open: view.turn === 1 }, h('summary', null, 'Briefing'), h('p', null, briefing)) : null,
    h(
      'dl',
      { class: 'stats' },
      h('div', null, h('dt', null, 'Treasury'), h('dd', { 'data-testid': 'treasury' }, money(st.treasury))),
      h('div', null, h('dt', null, 'Income'), h('dd', null, `${money(st.income)} / turn`)),
      h('div', null, h('dt', null, 'Revenue last turn'), h('dd', null, money(st.revenueLast))),
      h('div', null, h('dt', null, 'Score'), h('dd', { 'data-testid': 'score' }, String(st.score), h('span', { class: 'stat-sub' }, rankText(rankOf(view, me), view.states.length)))),
    ),
    h('p', { class: 'hint score-how', 'data-testid': 'score-how' }, 'Your score counts a head start (if your position earns little), what the corridor earns you against the size of your economy, and the stability and reputation you gained since the start. It is updated when each turn resolves; your secret agenda’s points are added at the end if it is met.'),
    meter('Stability', st.stability, 100, 'stability'),
    meter('Security', st.security, 100, 'security'),
    meter('Reputation', st.reputation, 100, 'reputation'),
    st.agenda
      ? h(
          'section',
          { class: `agenda ${st.agenda.met ? 'met' : ''}`, 'data-testid': 'agenda', 'aria-labelledby': 'agenda-h' },
          h('h3', { id: 'agenda-h' }, h('span', { class: 'secret-tag' }, 'Secret'), ' Your agenda — only you see this'),
          h('p', { class: 'agenda-name' }, st.agenda.name),
          h('p', null, st.agenda.text),
          h('p', { class: 'agenda-progress' }, h('span', { class: 'badge' }, st.agenda.met ? '✓ met now' : '✗ not met yet'), ' ', st.agenda.progress),
        )
      : null,
    corridorGoals(view),
    h(
      'section',
      { 'aria-labelledby': 'commit-h' },
      h('h3', { id: 'commit-h' }, 'Your commitments'),
      myPacts.length || myPledges.length
        ? h(
            'ul',
            { class: 'plain' },
            myPacts.map((p) => h('li', null, `Security pact with ${names(view, p.members.filter((m) => m !== me))}: ${money(p.contribution)} per turn until turn ${p.endsTurn}`)),
            myPledges.map((p) => h('li', null, `Pledge to ${view.power.find((x) => x.id === p.stage)?.name ?? p.stage}: ${money(p.perTurn)} per turn, ${p.turnsLeft} turn${p.turnsLeft === 1 ? '' : 's'} left (paid ${money(p.paid)}${p.withheld ? `, withheld ${money(p.withheld)}` : ''})`)),
          )
        : h('p', { class: 'hint' }, 'No pacts or pledges yet. Make proposals in the Diplomacy tab.'),
    ),
    h(
      'section',
      { 'aria-labelledby': 'others-h' },
      h('h3', { id: 'others-h' }, 'All states'),
      h(
        'table',
        { class: 'table', 'data-testid': 'states-table' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'State'), h('th', { scope: 'col' }, 'Seat'), h('th', { scope: 'col', class: 'num' }, 'Score'), h('th', { scope: 'col', class: 'num' }, 'Treasury'), h('th', { scope: 'col' }, 'This phase'))),
        h(
          'tbody',
          null,
          [...view.states].sort((a, b) => b.score - a.score).map((s) =>
            h(
              'tr',
              { class: s.id === me ? 'me' : '' },
              h('th', { scope: 'row' }, s.name, s.inPact ? h('span', { class: 'tag', title: 'in a security pact' }, ' pact') : null),
              h('td', null, s.id === me ? 'you' : s.seat),
              h('td', { class: 'num' }, String(s.score)),
              h('td', { class: 'num' }, money(s.treasury)),
              h('td', null, readiness(view, s)),
            ),
          ),
        ),
      ),
      view.forces.length ? h('p', { class: 'hint' }, 'Outside forces: ', view.forces.map((f) => `${f.name} (${f.role})`).join('; ')) : null,
    ),
  );
}

export { nameIn };
