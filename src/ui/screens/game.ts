// The game screen: top bar, map, tabbed side panel, the action bar with its "waiting
// for" state, keyboard shortcuts, and the hot-seat curtain.
import { clockChip, paintClock } from '../clock';
import { clear, h } from '../dom';
import { joinAnd, money, nameIn } from '../format';
import type { BotProgress, Controller, DispatchResult } from '../controller';
import type { CorridorMap } from '../map/map-view';
import type { Action, PlayerView, StateId } from '../sim';
import type { PanelContext, SeatMemory } from '../panels/context';
import { renderDashboard } from '../panels/dashboard';
import { pendingForMe, renderDiplomacy } from '../panels/diplomacy';
import { currentOrdersDraft, draftToOrders, renderOrders } from '../panels/orders';
import { renderNews } from '../panels/news';
import { renderRelations } from '../panels/relations';
import { renderNetwork } from '../panels/network';
import { clearToasts, toast } from './toast';
import { facilitatorDialog, pauseScreen } from './facilitator';

const TABS = [
  { id: 'you', label: 'You', render: renderDashboard },
  { id: 'diplomacy', label: 'Diplomacy', render: renderDiplomacy },
  { id: 'orders', label: 'Orders', render: renderOrders },
  { id: 'news', label: 'News', render: renderNews },
  { id: 'relations', label: 'Relations', render: renderRelations },
  { id: 'network', label: 'Network', render: renderNetwork },
] as const;

export interface GameHooks {
  onNewGame(): void;
  onRestart(): void;
  onShowResults(): void;
  copyLink(): string;
  /** The game so far as a replay file / a #r= link. */
  onDownload(): void;
  onShare(): void;
  /** Opens the projector window: the public view of this game, following it as turns resolve. */
  onProjector(): void;
  /** Opens the facilitator's window: every hidden value of this game, following it as turns resolve. */
  onFacilitatorWindow(): void;
}

/** The action bar's words while the bots move. */
export function busyText(p: BotProgress | null): { status: string; hint: string } {
  if (!p) return { status: 'Bots are moving…', hint: '' };
  const doing = p.phase === 'diplomacy' ? 'negotiating' : p.phase === 'orders' ? 'giving orders' : 'moving';
  return { status: `Bots are moving… ${p.ready} of ${p.total}`, hint: `The bots are ${doing} for turn ${p.turn}; your screen updates when they are done.` };
}

export class GameScreen {
  private memory = new Map<StateId, SeatMemory>();
  private scheduled = false;
  /** A render waiting for the next frame (after the game moved on), or null. */
  private frame: number | null = null;
  private renderedWaiters: (() => void)[] = [];
  private unsubscribe: () => void;
  private unsubscribeProgress: () => void;
  private error: string | null = null;
  private keyHandler = (e: KeyboardEvent) => this.onKey(e);
  private wasCurtain = false;
  private scroll = { tab: '', top: 0 };
  /** Where the focus goes back after the next render (it was on a control disabled meanwhile). */
  private refocus: string | null = null;

  constructor(
    private els: { root: HTMLElement; topbar: HTMLElement; sidebar: HTMLElement; curtain: HTMLElement },
    private map: CorridorMap,
    private controller: Controller,
    private hooks: GameHooks,
  ) {
    // The game moved on: render on the next frame, so the click that did it (and the bots it
    // woke) and the re-render land in different frames. While the bots move, only the action
    // bar changes: the state on screen is the settled one.
    this.unsubscribe = controller.subscribe(() => (controller.busy ? this.showBusy() : this.scheduleFrame()));
    this.unsubscribeProgress = controller.onProgress(() => this.showBusy());
    document.addEventListener('keydown', this.keyHandler);
    map.onPick = (pick) => {
      if (pick?.kind === 'segment') this.map.highlight(pick.id);
    };
    this.render();
  }

  destroy(): void {
    this.unsubscribe();
    this.unsubscribeProgress();
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
    this.flushRendered();
    document.removeEventListener('keydown', this.keyHandler);
  }

  /** Re-render after the current event: actions settle first, drafts reset first. */
  schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.render();
    });
  }

  /** Re-render on the next animation frame (coalesced; a sooner render takes its place). */
  scheduleFrame(): void {
    if (this.frame !== null) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      this.render();
    });
  }

  /** A render of the game's latest state is still to come. */
  get renderPending(): boolean {
    return this.frame !== null || this.scheduled;
  }

  /** Resolves after the next render (at once when none is pending). */
  rendered(): Promise<void> {
    if (!this.renderPending) return Promise.resolve();
    return new Promise((resolve) => this.renderedWaiters.push(resolve));
  }

  private flushRendered(): void {
    const w = this.renderedWaiters;
    this.renderedWaiters = [];
    for (const f of w) f();
  }

  /** While the bots move: the progress in the action bar (or on the curtain), nothing else. */
  private showBusy(): void {
    const t = busyText(this.controller.progress);
    const bar = this.els.sidebar.querySelector<HTMLElement>('[data-testid="waiting"]');
    if (bar && !this.controller.curtain) {
      bar.replaceChildren(h('span', null, h('strong', null, t.status)), h('div', { class: 'hint' }, t.hint));
      const btn = this.els.sidebar.querySelector<HTMLButtonElement>('#end-turn');
      if (btn) {
        // A disabled button drops the focus: the re-render gives it back to the new one.
        if (document.activeElement === btn) this.refocus = 'end-turn';
        btn.disabled = true;
        btn.replaceChildren('Waiting…');
      }
      this.els.topbar.querySelector<HTMLButtonElement>('#undo')?.setAttribute('disabled', '');
    }
    const cur = this.els.curtain.querySelector<HTMLElement>('[data-testid="curtain-busy"]');
    if (cur && this.controller.curtain) cur.textContent = t.status;
  }

  private mem(id: StateId): SeatMemory {
    let m = this.memory.get(id);
    if (!m) {
      m = { tab: 'you', lastSeenTurn: 0, lastSeenPhase: '', orders: null, proposal: null, reportTurn: null };
      this.memory.set(id, m);
    }
    return m;
  }

  render(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
    this.scheduled = false;
    this.paint();
    this.flushRendered();
  }

  private paint(): void {
    const c = this.controller;
    document.body.dataset.curtain = String(c.curtain);
    document.body.dataset.busy = String(c.busy);
    document.body.dataset.paused = String(c.paused);
    if (c.paused) {
      this.renderPause();
      return;
    }
    if (c.curtain) {
      this.renderCurtain();
      return;
    }
    this.els.curtain.hidden = true;
    this.els.root.hidden = false;
    const me = c.shown;
    const view = c.view();
    if (!me) {
      // Nobody to show (all seats are bots, or the game ended in hot-seat): the public map.
      this.map.setInput({ level: c.level, view, me: null });
      clear(this.els.topbar);
      this.els.topbar.append(this.topbar(view, null));
      paintClock();
      clear(this.els.sidebar);
      // The last player's "your turn" note must not outlive the game.
      if (view.phase === 'ended') clearToasts();
      this.els.sidebar.append(h('div', { class: 'panel sidebar-note' }, h('h2', null, view.phase === 'ended' ? 'The game is over' : 'Bots are playing'), h('button', { type: 'button', class: 'primary', 'data-testid': 'show-results', onclick: () => this.hooks.onShowResults() }, 'See the results')));
      return;
    }
    const m = this.mem(me);
    // A new turn: open the news and report. A new phase: open its tab.
    if (m.lastSeenTurn !== view.turn) {
      m.tab = view.turn > 1 ? 'news' : 'you';
      m.reportTurn = null;
    } else if (m.lastSeenPhase !== view.phase) {
      // The game's end opens the last report (the Orders tab would be left with nothing to do).
      m.tab = view.phase === 'orders' ? 'orders' : view.phase === 'ended' ? 'news' : m.tab;
    }
    if (this.wasCurtain) {
      toast(`${view.states.find((s) => s.id === me)?.name}: your turn — ${view.phase}`);
      this.wasCurtain = false;
    }
    m.lastSeenTurn = view.turn;
    m.lastSeenPhase = view.phase;
    this.map.setInput({ level: c.level, view, me });
    clear(this.els.topbar);
    this.els.topbar.append(this.topbar(view, me));
    paintClock();
    this.renderSidebar(view, me, m);
  }

  /** Nothing private stays in the page while the device changes hands or the game is paused. */
  private hidePrivate(): void {
    clearToasts();
    this.error = null;
    this.scroll = { tab: '', top: 0 };
    this.refocus = null;
    for (const d of document.querySelectorAll('dialog')) d.remove();
    clear(this.els.topbar);
    clear(this.els.sidebar);
  }

  private renderCurtain(): void {
    this.wasCurtain = true;
    this.hidePrivate();
    this.els.root.hidden = true;
    const view = this.controller.view('public');
    this.map.setInput({ level: this.controller.level, view, me: null });
    const cur = this.els.curtain;
    clear(cur);
    const busy = this.controller.busy;
    // The curtain names the seat it waits for: the group must know whom to hand the device
    // to, and that hand-off tells the room no more than the name does. A wrong guess showed
    // one student another's secrets. While the bots move nobody knows yet whose turn it is:
    // the button waits (and keeps the focus).
    const next = busy ? null : this.controller.level.states.find((x) => x.id === this.controller.awaiting)?.name ?? null;
    const btn = h('button', { type: 'button', class: 'primary big', 'data-testid': 'curtain-ready', 'aria-disabled': busy ? 'true' : undefined, onclick: () => this.controller.confirmCurtain() }, next ? `I play ${next} — show my screen` : 'I am the next player — show my screen');
    cur.append(
      h(
        'div',
        { class: 'curtain-inner', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'curtain-h' },
        h('h1', { id: 'curtain-h', 'data-testid': 'curtain-next' }, next ? `Pass the device to ${next}` : 'Pass the device to the next player'),
        h('p', null, 'Everything on screen is hidden until the next player is ready.'),
        h('p', { class: 'curtain-key' }, 'Press ', h('kbd', null, 'Enter'), ' when ready.'),
        btn,
        h('p', { class: 'hint', role: 'status', 'data-testid': 'curtain-busy' }, busy ? busyText(this.controller.progress).status : ''),
        h('p', { class: 'hint' }, `Turn ${view.turn} of ${view.turns}`),
        // The teacher reaches the controls between players, without lifting the curtain
        // on a student's screen; the dialog shows nothing of any seat.
        h('button', { type: 'button', class: 'link', 'data-testid': 'curtain-facilitator', onclick: () => this.openDialog(facilitatorDialog(this.controller, () => this.schedule(), () => this.hooks.onFacilitatorWindow())) }, 'Facilitator controls (classroom)…'),
      ),
    );
    cur.hidden = false;
    btn.focus();
  }

  /** The facilitator's pause: like the curtain, nothing private stays in the page. */
  private renderPause(): void {
    this.hidePrivate();
    this.els.root.hidden = true;
    this.map.setInput({ level: this.controller.level, view: this.controller.view('public'), me: null });
    const cur = this.els.curtain;
    clear(cur);
    cur.append(pauseScreen(this.controller));
    cur.hidden = false;
    cur.querySelector<HTMLElement>('[data-testid="pause-resume"]')?.focus();
  }

  private topbar(view: PlayerView, me: StateId | null): HTMLElement {
    const phases = [
      { id: 'news', label: 'News' },
      { id: 'diplomacy', label: 'Diplomacy' },
      { id: 'orders', label: 'Orders' },
      { id: 'resolution', label: 'Resolution' },
    ];
    const myName = me ? view.states.find((s) => s.id === me)?.name : null;
    return h(
      'div',
      { class: 'topbar-inner' },
      h('div', { class: 'brand' }, 'Corridor'),
      h('div', { class: 'turn', 'data-testid': 'turn-info' }, h('strong', null, view.phase === 'ended' ? 'Game over' : `Turn ${view.turn} of ${view.turns}`), h('span', null, ` · ${view.period}`),
        // Every player sees that the facilitator has made this the last turn.
        view.endsEarly && view.phase !== 'ended' ? h('strong', { class: 'ends-early', 'data-testid': 'ends-early', title: 'The facilitator ends the game when this turn resolves.' }, ' · last turn') : null),
      h(
        'ol',
        { class: 'phase-steps', 'aria-label': 'Phase of the turn' },
        phases.map((p, i) => {
          const at = phases.findIndex((x) => x.id === view.phase);
          return h('li', { class: view.phase === p.id ? 'current' : at > i || view.phase === 'ended' ? 'past' : '', 'aria-current': view.phase === p.id ? 'step' : undefined }, p.label);
        }),
      ),
      clockChip(),
      myName ? h('div', { class: 'me', 'data-testid': 'me' }, h('span', { class: 'me-label' }, 'You are '), h('strong', null, myName)) : h('div', { class: 'me' }, 'Public view'),
      h(
        'div',
        { class: 'top-actions' },
        me ? this.undoButton() : null,
        h('button', { type: 'button', class: 'secondary', 'aria-keyshortcuts': '?', 'data-testid': 'help-button', onclick: () => this.showHelp() }, 'Help'),
        h('button', { type: 'button', class: 'secondary', 'data-testid': 'menu-button', onclick: () => this.showMenu() }, 'Menu'),
      ),
    );
  }

  private ctx(view: PlayerView, me: StateId, m: SeatMemory): PanelContext {
    return {
      view,
      me,
      level: this.controller.level,
      controller: this.controller,
      memory: m,
      error: this.error,
      act: (action: Action, success?: string) => this.act(action, success),
      rerender: () => this.schedule(),
      showTab: (tab) => {
        m.tab = tab;
        this.error = null;
        this.schedule();
      },
      focusSegment: (id) => this.map.focusSegment(id),
      highlightSegment: (id) => this.map.highlight(id),
    };
  }

  private act(action: Action, success?: string): DispatchResult {
    // The game moved on and its screen comes with the next frame: a second click on the
    // old screen (a double click) is dropped rather than sent against the new state.
    if (this.frame !== null) return { ok: false, error: 'the screen is updating' };
    const r = this.controller.dispatch(action);
    if (!r.ok) {
      this.error = r.error;
      toast(r.error, 'error');
      this.schedule();
    } else {
      this.error = null;
      if (success) toast(success);
      // The controller's notice re-renders (on the next frame); a render now would be wasted.
    }
    return r;
  }

  private renderSidebar(view: PlayerView, me: StateId, m: SeatMemory): void {
    const sb = this.els.sidebar;
    // The panel's scroll position is kept from its scroll events: reading scrollTop here (and
    // writing 0 to a new panel) forced a layout of the page in the middle of every re-render.
    const oldScroll = this.scroll.tab === m.tab ? this.scroll.top : 0;
    this.scroll = { tab: m.tab, top: oldScroll };
    const focusedId = (document.activeElement as HTMLElement | null)?.id || (document.activeElement as HTMLElement | null)?.dataset?.testid || this.refocus;
    this.refocus = null;
    clear(sb);
    const ctx = this.ctx(view, me, m);
    const pending = pendingForMe(view, me).length;
    const tab = TABS.find((t) => t.id === m.tab) ?? TABS[0];
    const tablist = h(
      'div',
      { class: 'tabs', role: 'tablist', 'aria-label': 'Panels' },
      TABS.map((t, i) =>
        h(
          'button',
          {
            type: 'button',
            role: 'tab',
            id: `tab-${t.id}`,
            'data-testid': `tab-${t.id}`,
            'aria-selected': t.id === tab.id ? 'true' : 'false',
            'aria-controls': 'tabpanel',
            tabindex: t.id === tab.id ? 0 : -1,
            'aria-keyshortcuts': String(i + 1),
            onclick: () => ctx.showTab(t.id),
            onkeydown: (e: Event) => {
              const k = (e as KeyboardEvent).key;
              if (k === 'ArrowRight' || k === 'ArrowLeft') {
                e.preventDefault();
                const j = (i + (k === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length;
                m.tab = TABS[j].id;
                this.render();
                document.getElementById(`tab-${TABS[j].id}`)?.focus();
              }
            },
          },
          t.label,
          t.id === 'diplomacy' && pending ? h('span', { class: 'count', 'aria-label': `${pending} to answer` }, String(pending)) : null,
        ),
      ),
    );
    const panel = h('div', { class: 'tabpanel', id: 'tabpanel', role: 'tabpanel', 'aria-labelledby': `tab-${tab.id}`, 'data-tab': tab.id, tabindex: -1 }, tab.render(ctx));
    if (this.error && tab.id !== 'diplomacy' && tab.id !== 'orders') panel.prepend(h('div', { class: 'error', role: 'alert', 'data-testid': 'action-error' }, h('strong', null, 'Not allowed: '), this.error, h('button', { type: 'button', class: 'link', 'aria-label': 'Dismiss', onclick: () => { this.error = null; this.schedule(); } }, '×')));
    sb.append(tablist, panel, this.actionBar(view, me, m));
    if (oldScroll > 0) panel.scrollTop = oldScroll;
    panel.addEventListener('scroll', () => (this.scroll = { tab: tab.id, top: panel.scrollTop }), { passive: true });
    if (focusedId) {
      const el = document.getElementById(focusedId) ?? sb.querySelector<HTMLElement>(`[data-testid="${CSS.escape(focusedId)}"]`);
      el?.focus({ preventScroll: true });
    }
  }

  private primary(view: PlayerView, me: StateId, m: SeatMemory): { label: string; run: (() => void) | null; note: string } {
    const st = view.states.find((s) => s.id === me)!;
    const pending = pendingForMe(view, me).length;
    if (view.phase === 'ended') return { label: 'See the results', run: () => this.hooks.onShowResults(), note: 'The game is over.' };
    if (this.controller.busy) return { label: 'Waiting…', run: null, note: '' };
    if (view.phase === 'diplomacy') {
      if (!st.diplomacyDone) {
        return {
          label: 'Finish diplomacy',
          // With answers still owed, ending proposing does not end this seat's diplomacy:
          // the toast must not say it did (a hot-seat player would pass the device too soon).
          run: () => this.act({ type: 'endDiplomacy', player: me }, pending ? `Done proposing. Answer the ${pending} open proposal${pending > 1 ? 's' : ''} to finish diplomacy.` : 'Diplomacy finished for this turn.'),
          note: pending ? `You still have ${pending} proposal${pending > 1 ? 's' : ''} to answer.` : 'When you are done proposing and answering.',
        };
      }
      if (pending) return { label: `Answer ${pending} proposal${pending > 1 ? 's' : ''}`, run: () => { m.tab = 'diplomacy'; this.schedule(); }, note: 'Diplomacy ends when every proposal is answered.' };
      return { label: 'Waiting…', run: null, note: '' };
    }
    if (!st.ordersSubmitted) {
      return {
        label: 'Submit orders',
        run: () => {
          const ctx = this.ctx(view, me, m);
          const d = currentOrdersDraft(ctx);
          this.act({ type: 'submitOrders', player: me, orders: draftToOrders(d) }, 'Orders submitted.');
        },
        // Deals, pledges and pacts are paid after the orders: keep the figure in sight (the Orders tab explains it).
        note: `${view.owed ? `${money(view.owed)} of it promised. ` : ''}${m.tab === 'orders' ? 'Sends what you set above.' : 'Open the Orders tab to invest and set fees first.'}`,
      };
    }
    return { label: 'Waiting…', run: null, note: '' };
  }

  private actionBar(view: PlayerView, me: StateId, m: SeatMemory): HTMLElement {
    const p = this.primary(view, me, m);
    const total = view.states.length;
    const ready = total - view.waitingFor.length;
    const waiting = view.waitingFor.filter((id) => id !== me);
    const st = view.states.find((s) => s.id === me)!;
    const busy = this.controller.busy ? busyText(this.controller.progress) : null;
    return h(
      'div',
      { class: 'action-bar' },
      h(
        'div',
        { class: 'waiting', role: 'status', 'aria-live': 'polite', 'data-testid': 'waiting' },
        busy
          ? [h('span', null, h('strong', null, busy.status)), h('div', { class: 'hint' }, busy.hint)]
          : [
              view.phase === 'ended' ? 'Game over.' : h('span', null, h('strong', null, `${ready} of ${total} seats ready`), waitingText(view, me, waiting)),
              h('div', { class: 'hint' }, `Treasury ${money(st.treasury)}${p.note ? ` · ${p.note}` : ''}`),
            ],
      ),
      h('button', { type: 'button', class: 'primary big', id: 'end-turn', 'data-testid': 'end-turn', 'aria-keyshortcuts': 'E', disabled: !p.run, title: 'Shortcut: E', onclick: () => p.run?.() }, p.label, p.run ? h('kbd', { 'aria-hidden': 'true' }, 'E') : null),
    );
  }

  private onKey(e: KeyboardEvent): void {
    if (this.controller.paused) return; // only the Resume button (which has the focus) acts
    if (this.els.root.closest('[hidden]') && !this.controller.curtain) return;
    if (this.controller.curtain) {
      if (e.key === 'Enter' && !e.repeat) {
        e.preventDefault();
        this.controller.confirmCurtain();
      }
      return;
    }
    const t = e.target as HTMLElement;
    if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && (e.key === 'z' || e.key === 'Z')) {
      // In a text field Ctrl+Z undoes typing, not the game.
      if (t.closest('input, textarea, dialog[open]')) return;
      e.preventDefault();
      this.undo();
      return;
    }
    if (t.closest('input, select, textarea, dialog[open]') || e.ctrlKey || e.metaKey || e.altKey) return;
    const me = this.controller.shown;
    if (!me) return;
    if (e.key === 'e' || e.key === 'E') {
      const btn = document.getElementById('end-turn') as HTMLButtonElement | null;
      if (btn && !btn.disabled) {
        e.preventDefault();
        btn.click();
      }
    } else if (/^[1-6]$/.test(e.key)) {
      e.preventDefault();
      this.mem(me).tab = TABS[Number(e.key) - 1].id;
      this.render();
      document.getElementById(`tab-${TABS[Number(e.key) - 1].id}`)?.focus();
    } else if (e.key === '?') {
      e.preventDefault();
      this.showHelp();
    } else if (e.key === 'm' || e.key === 'M') {
      e.preventDefault();
      this.map.root.focus();
    }
  }

  private undoButton(): HTMLElement {
    const why = this.controller.undoRefusal();
    return h('button', {
      type: 'button',
      class: 'secondary',
      id: 'undo',
      'data-testid': 'undo',
      'aria-keyshortcuts': 'Control+Z',
      'aria-disabled': why ? 'true' : undefined,
      disabled: !!why,
      title: why ? `Nothing to undo: ${why}` : 'Take back your last action (Ctrl+Z)',
      onclick: () => this.undo(),
    }, '↶ Undo');
  }

  /** Takes back the seat's latest action (the sim decides whether it may). */
  undo(): DispatchResult {
    const c = this.controller;
    const last = c.actions[c.actions.length - 1]?.action;
    const r = c.undo();
    if (!r.ok) {
      toast(r.error, 'error');
      return r;
    }
    const what: Record<string, string> = { propose: 'your proposal', respond: 'your answer', endDiplomacy: '“Finish diplomacy”', submitOrders: 'your orders' };
    this.error = null;
    toast(`Taken back: ${last ? (what[last.type] ?? last.type) : 'your last action'}.`);
    this.schedule();
    return r;
  }

  private showHelp(): void {
    const d = h(
      'dialog',
      { class: 'dialog', 'aria-labelledby': 'help-h', 'data-testid': 'help-dialog' },
      h('h2', { id: 'help-h', tabindex: '-1' }, 'How to play'),
      h('ol', null,
        h('li', null, h('strong', null, 'News. '), 'Each half-year starts with events. Read them in the News tab, with the report on last turn and its causes.'),
        h('li', null, h('strong', null, 'Diplomacy. '), 'Propose segment deals, security pacts, power-line pledges, peace steps and summits; accept or reject what others send. A proposal binds when every party accepts — but it can still fail at home.'),
        h('li', null, h('strong', null, 'Orders. '), 'Invest in segments you own or co-fund, set transit fees, pay for security and intelligence. Everyone orders at the same time, in secret.'),
        h('li', null, h('strong', null, 'Resolution. '), 'Deals are ratified, building advances, incidents happen, cargo picks the cheapest routes, revenue is paid.'),
      ),
      h('p', null, 'You score for what the corridor earns you against the size of your own economy, for stability and reputation gained since the start, and for a head start if your position earns little. Your secret agenda’s points are added at the end if it is met, when every agenda is revealed. The corridor also has shared goals: cargo throughput, the power line and the peace track.'),
      h('h3', null, 'Keys'),
      h('ul', { class: 'keys' },
        h('li', null, h('kbd', null, 'E'), ' finish diplomacy / submit orders'),
        h('li', null, h('kbd', null, 'Ctrl'), '+', h('kbd', null, 'Z'), ' undo your last action, until someone else has acted or the phase has moved on'),
        h('li', null, h('kbd', null, '1'), '–', h('kbd', null, '6'), ' switch panels'),
        h('li', null, h('kbd', null, 'M'), ' focus the map, then arrows pan, ', h('kbd', null, '+'), ' ', h('kbd', null, '−'), ' zoom, ', h('kbd', null, '0'), ' whole map'),
        h('li', null, h('kbd', null, '?'), ' this help'),
      ),
      h('p', null, 'On the map, hover or tap a line or a city for details. The Network panel lists everything as text.'),
      h('h3', null, 'Words used in the game'),
      h('dl', { class: 'glossary', 'data-testid': 'glossary' },
        GLOSSARY.filter(([, , needs]) => !needs || (needs === 'peace' ? this.controller.level.peaceTrack : this.controller.level.powerLine)).flatMap(([word, meaning]) => [h('dt', null, word), h('dd', null, meaning)]),
      ),
      h('form', { method: 'dialog' }, h('button', { class: 'primary', 'data-testid': 'help-close' }, 'Close')),
    );
    this.openDialog(d);
    // Open at the top: the browser focuses the first button (Close, at the bottom), which
    // scrolled a small window's dialog past the title.
    (d.querySelector('#help-h') as HTMLElement).focus();
    d.scrollTop = 0;
  }

  private showMenu(): void {
    const d: HTMLDialogElement = h(
      'dialog',
      { class: 'dialog', 'aria-labelledby': 'menu-h', 'data-testid': 'menu-dialog' },
      h('h2', { id: 'menu-h' }, 'Menu'),
      h('p', null, `Level: ${this.controller.level.name} · seed “${this.controller.setup.seed}”`),
      h('div', { class: 'menu-buttons' },
        h('button', { type: 'button', class: 'secondary', onclick: async () => {
          const url = this.hooks.copyLink();
          try { await navigator.clipboard.writeText(url); toast('Link copied.'); } catch { prompt('Copy this link:', url); }
        } }, 'Copy a link to this game'),
        h('button', { type: 'button', class: 'secondary', 'data-testid': 'menu-download-replay', onclick: () => { d.close(); this.hooks.onDownload(); } }, 'Download this game (replay and save file)'),
        h('button', { type: 'button', class: 'secondary', 'data-testid': 'menu-projector', title: 'A second window for the projector: the public view, with no secrets, updated as each turn resolves', onclick: () => { d.close(); this.hooks.onProjector(); } }, 'Open a projector window (public view)'),
        this.controller.ended ? null : h('button', { type: 'button', class: 'secondary', 'data-testid': 'menu-facilitator', title: 'For the teacher: a clock for the phase, pause for a discussion, queue an event, reveal the hidden animosities', onclick: () => { d.close(); this.openDialog(facilitatorDialog(this.controller, () => this.schedule(), () => this.hooks.onFacilitatorWindow())); } }, 'Facilitator controls (classroom)…'),
        h('button', { type: 'button', class: 'secondary', 'data-testid': 'menu-share-replay', onclick: () => { d.close(); this.hooks.onShare(); } }, 'Copy a link to the replay so far'),
        h('button', { type: 'button', class: 'secondary', 'data-testid': 'menu-restart', onclick: () => { d.close(); if (confirm('Start this game again from turn 1 with the same seed?')) this.hooks.onRestart(); } }, 'Restart with the same seed'),
        h('button', { type: 'button', class: 'danger', 'data-testid': 'menu-new', onclick: () => { d.close(); if (confirm('Leave this game and go to the start screen?')) this.hooks.onNewGame(); } }, 'New game'),
      ),
      h('form', { method: 'dialog' }, h('button', { class: 'primary' }, 'Close')),
    );
    this.openDialog(d);
  }

  private openDialog(d: HTMLDialogElement): void {
    document.body.append(d);
    d.addEventListener('close', () => d.remove());
    d.showModal();
  }
}

/** The terms a first-time player meets on screen, in plain words (the Help dialog). */
const GLOSSARY: [string, string, ('peace' | 'power')?][] = [
  ['Mt/yr', 'Million tonnes of cargo a year: how cargo and capacity are measured.'],
  ['Segment', 'One link of the network between two places: a railway, a road, a port or a ferry line. States own segments and earn transit fees on the cargo they carry.'],
  ['Capacity', 'How much cargo a segment or a route can carry. A route carries no more than its narrowest segment.'],
  ['Planned, under construction, open, damaged', 'A planned segment needs its cost funded, then takes its build turns; an open one carries cargo; a damaged one carries none until repaired.'],
  ['Co-fund', 'Share the cost of a segment with other states in a segment deal. Each pays its share; the owners keep the fees.'],
  ['Transit fee (low, standard, high)', 'What an owner charges cargo crossing its segment. Higher fees earn more per tonne but send cargo to cheaper routes. A deal can cap the fee.'],
  ['Ratified', 'A deal every party accepted still has to pass at home. It can fail there, more often between states with high animosity.'],
  ['Risk', 'How exposed a segment is to incidents, 0 to 100: each point adds 0.2% to the chance of an incident in a turn. Animosity around it raises the chance; its owners\u2019 security and a pact between them lower it.'],
  ['Alternative routes', 'Routes that compete with the corridor, shown in the boxes at the map\u2019s edges (in the default level: the Northern route through Russia, the Southern route through Iran, the Trans-Afghan route, and the sea route, which takes whatever the others cannot).'],
  ['Animosity', 'How much one side distrusts another, from 0 to 100. You know your own exactly; how others feel about you, you estimate as a range. It shifts the odds of what happens; it is a tendency, not a judgement.'],
  ['Intelligence', 'Spending to learn how another state feels about you: it narrows your estimate.'],
  ['Power line', 'A planned electricity line, built in stages that states fund by pledges. Once every stage is built it is energised and pays its funders each turn.', 'power'],
  ['Peace track', 'The steps of a peace process, taken by agreement; it can also fall back. Some segments can be built and carry cargo only while it stands at a given step or beyond.', 'peace'],
];

/** ' · waiting for you and Georgia': you first, when you have still to act. */
function waitingText(view: PlayerView, me: StateId, others: StateId[]): string {
  const list = [...(view.waitingFor.includes(me) ? ['you'] : []), ...others.map((id) => nameIn(view, id))];
  return list.length ? ` · waiting for ${joinAnd(list)}` : '';
}
