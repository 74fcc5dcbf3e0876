// The facilitator's controls (classroom mode, GAME_DESIGN "Modes"): a clock for the phase, pause for a discussion,
// queue an event for next turn's news, reveal every animosity to everyone. They are opened
// from the game's Menu and act through Controller.facilitate, never through a seat's
// dispatch. Nothing secret is shown here: the events are the level's (public) deck, and the
// only part of the facilitator's view used is what the facilitator has queued. The secrets
// are in the facilitator's window, which this dialog opens (main.ts, openWatcher).
import { addMinutes, CLOCK_MINUTES, clockAfter, clockText, paintClock, startClock, type Clock } from '../clock';
import { h } from '../dom';
import type { Controller } from '../controller';
import { readClock, writeClock } from '../saves';
import { toast } from './toast';

/** The dialog; `open` shows it (the game screen's modal helper), `after` re-renders the game,
 * `openWindow` opens the facilitator's window (every hidden value, on the teacher's screen). */
export function facilitatorDialog(c: Controller, after: () => void, openWindow: () => void): HTMLDialogElement {
  const status = c.facilitatorStatus();
  const turn = c.status().turn;
  const lastTurn = turn >= c.status().lastTurn;
  const events = c.level.events;
  const names = new Map(events.map((e) => [e.id, e.title]));
  const d: HTMLDialogElement = h(
    'dialog',
    { class: 'dialog facilitator', 'aria-labelledby': 'facilitator-h', 'data-testid': 'facilitator-dialog' },
    h('h2', { id: 'facilitator-h' }, 'Facilitator controls'),
    h('p', { class: 'hint' }, 'For the teacher running a class session. Queued events and a reveal are part of the game: saves, replays and the projector window carry them, and they cannot be undone.'),
    h('h3', null, 'Every hidden value'),
    h('p', null, 'A second window for your own screen, not the projector: every secret agenda, every animosity and the cause of every change, turn by turn, updated as each turn resolves.'),
    h('button', { type: 'button', class: 'secondary', 'data-testid': 'facilitator-window', onclick: () => {
      // On a hot-seat device the players would see it too.
      if (c.hotseat && !confirm('This window shows every secret agenda and animosity, and the players share this device. Open it anyway?')) return;
      d.close();
      openWindow();
    } }, 'Open a facilitator window'),
    clockSection(c, () => d.close()),
    h('h3', null, 'Pause'),
    h('p', null, 'Cover the screen while the class discusses. Nobody can act until you resume.'),
    h('button', { type: 'button', class: 'secondary', 'data-testid': 'facilitator-pause', onclick: () => { d.close(); c.pause(); } }, 'Pause for a discussion'),
    h('h3', null, 'Hidden animosities'),
    status.revealed
      ? h('p', { 'data-testid': 'facilitator-revealed' }, 'Revealed: every player sees how each state feels about each other, on the Relations tab.')
      : [
          h('p', null, 'Each state knows only its own feelings and estimates of how others feel about it. A reveal shows every player, and the projector window, the whole matrix for the rest of the game.'),
          h('button', {
            type: 'button',
            class: 'secondary',
            'data-testid': 'facilitator-reveal',
            onclick: () => {
              if (!confirm('Show every player how each state feels about each other, for the rest of the game? This cannot be undone.')) return;
              const r = c.facilitate({ type: 'reveal', player: 'facilitator' });
              d.close();
              toast(r.ok ? 'Every animosity is revealed: see the Relations tab. The projector window shows it once this turn resolves.' : `Not revealed: ${r.error}.`, r.ok ? 'info' : 'error');
              after();
            },
          }, 'Reveal every animosity to all players…'),
        ],
    h('h3', null, lastTurn ? 'Events' : `Events for turn ${turn + 1}’s news`),
    h('p', null, lastTurn ? 'This is the last turn: there is no next turn’s news to queue an event for.' : 'A queued event is in the news at the start of next turn, before the usual draw, whatever its chance or conditions. The players see it as ordinary news.'),
    h('p', { 'data-testid': 'facilitator-queued' }, status.queued.length ? `Queued: ${status.queued.map((id) => names.get(id) ?? id).join('; ')}.` : 'Nothing queued.'),
    h(
      'ul',
      { class: 'event-list', 'aria-label': 'The level’s events' },
      events.map((ev) => {
        const queued = status.queued.includes(ev.id);
        return h(
          'li',
          { 'data-testid': `facilitator-event-${ev.id}` },
          h('div', null, h('strong', null, ev.title), ' ', h('span', { class: 'hint' }, ev.weight === 0 ? '(never drawn by chance)' : '')),
          h('div', { class: 'event-text' }, ev.text),
          h('button', {
            type: 'button',
            class: 'secondary small',
            disabled: queued || lastTurn,
            onclick: () => {
              const r = c.facilitate({ type: 'inject', player: 'facilitator', event: ev.id });
              d.close();
              // The toast names no event: it stays on the screen of the seat whose player is next.
              toast(r.ok ? `An event is queued for turn ${turn + 1}’s news: these controls list it.` : `Not queued: ${r.error}.`, r.ok ? 'info' : 'error');
              after();
            },
          }, queued ? 'Queued' : 'Queue for next turn'),
        );
      }),
    ),
    h('h3', null, 'End of the game'),
    status.endsEarly || lastTurn
      ? h('p', { 'data-testid': 'facilitator-ends' }, `The game ends when turn ${turn} resolves: the results and the debrief follow.`)
      : [
          h('p', null, `Out of time? End the game when turn ${turn} resolves instead of turn ${c.level.turns}: it is scored as a last turn is (secret agendas judged on where things stand), and the results and the debrief follow. Every player is told.`),
          h('button', {
            type: 'button',
            class: 'secondary',
            'data-testid': 'facilitator-end-early',
            onclick: () => {
              if (!confirm(`End the game when turn ${turn} resolves? Every player is told, and this cannot be undone.`)) return;
              const r = c.facilitate({ type: 'endEarly', player: 'facilitator' });
              d.close();
              toast(r.ok ? `The game ends when turn ${turn} resolves: every player has been told.` : `Not ended: ${r.error}.`, r.ok ? 'info' : 'error');
              after();
            },
          }, `End the game after turn ${turn}…`),
        ],
    h('form', { method: 'dialog' }, h('button', { class: 'primary', 'data-testid': 'facilitator-close' }, 'Close')),
  );
  return d;
}

/** Minutes for the phase being played, counted down on every window of the game (clock.ts).
 * Each button reads the game and the clock again when pressed: the bots may have moved the
 * game on while the dialog was open. */
function clockSection(c: Controller, close: () => void): HTMLElement[] {
  const shown = c.status();
  if (shown.phase !== 'diplomacy' && shown.phase !== 'orders') return [];
  const clock = readClock(c.id);
  const act = (message: string, next: (now: { turn: number; phase: string; paused: boolean }, clock: Clock | null, at: number) => Clock | null) => () => {
    close();
    const st = c.status();
    if (st.turn !== shown.turn || st.phase !== shown.phase) {
      toast(`The game has moved on to turn ${st.turn}’s ${st.phase}: the clock is unchanged. Open the controls again to set it.`, 'error');
      return;
    }
    const now = Date.now();
    const game = { turn: st.turn, phase: st.phase, paused: c.paused };
    const value = next(game, readClock(c.id), now);
    const stored = writeClock(c.id, value && clockAfter(value, game, now));
    paintClock();
    const refused = `This browser would not store the clock (storage is full or switched off): ${readClock(c.id) ? 'the clock is unchanged' : 'no clock is shown'}.`;
    toast(stored ? message : refused, stored ? 'info' : 'error');
  };
  const button = (testid: string, label: string, run: () => void) => h('button', { type: 'button', class: 'secondary', 'data-testid': testid, onclick: run }, label);
  if (clock) {
    return [
      h('h3', null, 'Clock'),
      h('p', { 'data-testid': 'facilitator-clock' }, `${clockText(clock, Date.now()).text}. Every window of this game shows it; it stops while the game is paused and ends with the phase.`),
      h('div', { class: 'clock-buttons' },
        button('facilitator-clock-add', 'Add 2 minutes', act('Two more minutes on the clock.', (game, now, at) => (now ? addMinutes(now, 2, at) : startClock(game.turn, game.phase, 2, at)))),
        button('facilitator-clock-stop', 'Stop the clock', act('The clock is stopped.', () => null))),
    ];
  }
  return [
    h('h3', null, 'Clock'),
    h('p', null, `Give the class a few minutes for this turn’s ${shown.phase}: a countdown in the top bar of this window and of the projector and facilitator windows. It stops while the game is paused and ends with the phase. When it runs out it says "time is up", and nothing else happens: what then is up to you.`),
    h('div', { class: 'clock-buttons' }, CLOCK_MINUTES.map((m) => button(`facilitator-clock-${m}`, `${m} minute${m === 1 ? '' : 's'}`, act(`The clock runs: ${m} minute${m === 1 ? '' : 's'} for ${shown.phase}.`, (game, _now, at) => startClock(game.turn, game.phase, m, at))))),
  ];
}

/** The pause screen, on the curtain's layer: the public map is covered too. */
export function pauseScreen(c: Controller): HTMLElement {
  const btn = h('button', { type: 'button', class: 'primary big', 'data-testid': 'pause-resume', onclick: () => c.resume() }, 'Resume the game');
  return h(
    'div',
    { class: 'curtain-inner', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'pause-h', 'data-testid': 'pause' },
    h('h1', { id: 'pause-h' }, 'Paused for a discussion'),
    h('p', null, 'The facilitator has paused the game. Nothing on screen until play resumes.'),
    btn,
    h('p', { class: 'hint' }, `Turn ${c.status().turn} of ${c.status().lastTurn}${c.hotseat ? ' · the next player confirms the hand-off after the pause' : ''}`),
  );
}

/** The projector's cover while the facilitator's pause lasts: the whole screen, with nothing
 * to dismiss it (a banner could be closed and the room read on). It goes when play resumes. */
export function projectorPause(paused: boolean): void {
  document.querySelector('[data-testid="projector-paused"]')?.remove();
  document.getElementById('app')?.toggleAttribute('inert', paused);
  if (!paused) return;
  document.body.append(h(
    'div',
    { class: 'curtain', role: 'status', 'data-testid': 'projector-paused' },
    h('div', { class: 'curtain-inner' },
      h('h1', null, 'Paused for discussion'),
      h('p', null, 'The facilitator has paused the game. The game comes back on this screen when play resumes.')),
  ));
}
