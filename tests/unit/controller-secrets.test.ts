// What a game on screen tells its player, and what it keeps back: the bots give reasons for
// their proposals and answers (RULES.md, "The baseline bot") that never rest on a hidden
// value, and a player's screen cannot send the facilitator's actions.
import { describe, expect, it } from 'vitest';
import { runBots, type BotLogEntry } from '../../src/ai/driver';
import { DISCREET } from '../../src/ai/bot';
import { newGame } from '../../src/sim/index';
import { Controller } from '../../src/ui/controller';
import { levelFile } from './fixtures';

const main = levelFile('levels/middle-corridor.json');

describe('bot reasons in a game on screen', () => {
  it('every bot proposal and answer the player can see comes with the reason the bot gave', () => {
    const seats = Object.fromEntries(main.states.map((s, i) => [s.id, i === 0 ? 'human' : 'bot'])) as Record<string, 'human' | 'bot'>;
    const me = main.states[0].id;
    const c = new Controller({ level: main, seed: 'reasons', seats });
    // Put a proposal to every other state, so that they all answer it.
    const others = main.states.slice(1, 3).map((s) => s.id);
    const r = c.dispatch({ type: 'propose', player: me, terms: { kind: 'summit', attendees: [me, ...others] } });
    expect(r).toEqual({ ok: true });
    const view = c.view(me);
    const fromBots = view.proposals.filter((p) => p.turn === view.turn && p.from !== me);
    expect(fromBots.length).toBeGreaterThan(0);
    for (const p of fromBots) {
      const said = c.reasonsFor(p.id).find((x) => x.kind === 'proposed');
      expect(said?.player, p.id).toBe(p.from);
      expect(said?.said.length, p.id).toBeGreaterThan(5);
    }
    const mine = view.proposals.find((p) => p.from === me)!;
    const answers = c.reasonsFor(mine.id);
    expect(answers.map((a) => a.player).sort()).toEqual([...others].sort());
    for (const a of answers) expect(a.kind).toBe(mine.responses[a.player]);
    expect(answers.every((a) => a.said.length > 5)).toBe(true);
  });

  it('a resumed game has the bots’ reasons back (they are in no save: the bots are asked again)', () => {
    const seats = Object.fromEntries(main.states.map((s, i) => [s.id, i === 0 ? 'human' : 'bot'])) as Record<string, 'human' | 'bot'>;
    const me = main.states[0].id;
    const c = new Controller({ level: main, seed: 'resumed-reasons', seats });
    // Three turns: the player proposes a summit each turn, answers no, holds orders.
    for (let guard = 0; guard < 200 && c.status().turn <= 3; guard++) {
      const v = c.view(me);
      const pending = v.proposals.find((p) => p.status === 'open' && p.responses[me] === 'pending');
      const mine = v.proposals.some((p) => p.turn === v.turn && p.from === me);
      const r = v.phase === 'orders'
        ? c.dispatch({ type: 'submitOrders', player: me, orders: { invest: [], fees: {}, security: 0, intel: null } })
        : pending ? c.dispatch({ type: 'respond', player: me, proposal: pending.id, accept: false })
        : !mine && !v.states.find((x) => x.id === me)!.diplomacyDone ? c.dispatch({ type: 'propose', player: me, terms: { kind: 'summit', attendees: [me, main.states[1].id] } })
        : c.dispatch({ type: 'endDiplomacy', player: me });
      expect(r).toEqual({ ok: true });
    }
    const before = c.allReasons();
    expect(Object.keys(before).length).toBeGreaterThan(10);
    const resumed = new Controller({ level: main, seed: 'resumed-reasons', seats }, { history: c.actions });
    expect(resumed.hash).toBe(c.hash);
    expect(resumed.allReasons()).toEqual(before);
    // A fork whose seats changed hands: the moves of the seat now human get no reasons, the
    // other bots' keep theirs.
    const other = main.states[1].id;
    const forked = new Controller({ level: main, seed: 'resumed-reasons', seats: { ...seats, [other]: 'human' } }, { history: c.actions, historySeats: seats });
    expect(forked.actions.slice(0, c.actions.length)).toEqual(c.actions);
    const kept = Object.values(forked.allReasons()).flat();
    expect(kept.some((r) => r.player === other)).toBe(false);
    expect(kept.length).toBeGreaterThan(0);
    // The other way round: the player's seat given to a bot. The player's moves stay the
    // player's, even those the bot would have made too (turns before this one: the bot moves
    // on from here, with reasons of its own).
    const toBot = new Controller({ level: main, seed: 'resumed-reasons', seats: { ...seats, [me]: 'bot' } }, { history: c.actions, historySeats: seats });
    const turn = c.status().turn;
    const earlier = Object.entries(toBot.allReasons()).filter(([id]) => Number(/^p(\d+)-/.exec(id)![1]) < turn).flatMap(([, r]) => r);
    expect(earlier.length).toBeGreaterThan(0);
    expect(earlier.some((r) => r.player === me)).toBe(false);
    // A save of that fork records only its new seats; the reasons it kept beside the save are
    // read back as they are, not asked again (which would give the player's moves bot reasons).
    // (Marked, to tell them from the bots' answers if they were asked.)
    const keptBeside = Object.fromEntries(Object.entries(toBot.allReasons()).map(([id, l]) => [id, l.map((r) => ({ ...r, exact: `${r.exact} (kept)` }))]));
    const reloaded = new Controller({ level: main, seed: 'resumed-reasons', seats: { ...seats, [me]: 'bot' } }, { history: toBot.actions, reasons: keptBeside });
    expect(reloaded.allReasons()).toEqual(keptBeside);
    // A record that is not whole (an older save's, without the exact reasons) is asked again.
    const old = Object.fromEntries(Object.entries(before).map(([id, l]) => [id, l.map(({ exact: _e, ...r }) => r)]));
    const fromOld = new Controller({ level: main, seed: 'resumed-reasons', seats }, { history: c.actions, reasons: old as never });
    expect(fromOld.allReasons()).toEqual(before);
  });

  it('what a bot tells the others never rests on a hidden value: no grudge towards a named state, no agenda', () => {
    const names = main.states.map((st) => st.name);
    const told: BotLogEntry[] = [];
    for (const seed of ['told-1', 'told-2', 'told-3']) runBots(main, newGame(main, { seed }), { onAction: (e) => told.push(e) });
    const talk = told.filter((e) => e.action.type === 'respond' || e.action.type === 'propose');
    expect(talk.length).toBeGreaterThan(100);
    // The exact reasons do rest on them at times, so this test can fail.
    const discreet = talk.filter((e) => e.told !== e.reason);
    expect(discreet.length).toBeGreaterThan(0);
    expect(discreet.some((e) => names.some((n) => e.reason.includes(n)))).toBe(true);
    // Segment and stage names may contain a state's name ("China–Kyrgyzstan–Uzbekistan railway"): not a grudge.
    const places = [...main.segments.map((x) => x.name), ...(main.powerLine?.stages ?? []).map((x) => x.name)];
    for (const e of talk) {
      const text = places.reduce((t, p) => t.split(p).join('<place>'), e.told);
      for (const n of names) expect(text, e.reason).not.toMatch(new RegExp(`\\b${n}\\b`));
      expect(e.told).not.toMatch(/neutral|interests|opinion|trust|benefit|not ready|not right/i);
    }
    expect(new Set(discreet.map((e) => e.told))).toEqual(new Set([DISCREET, 'talking helps relations'].filter((t) => discreet.some((e) => e.told === t))));
  });

  it("refuses the facilitator's actions from a player's screen (a reveal would show that player every secret)", () => {
    const seats = Object.fromEntries(main.states.map((s, i) => [s.id, i === 0 ? 'human' : 'bot'])) as Record<string, 'human' | 'bot'>;
    const c = new Controller({ level: main, seed: 'no-reveal', seats });
    const before = c.hash;
    expect(c.dispatch({ type: 'reveal', player: 'facilitator' })).toEqual({ ok: false, error: "the facilitator's actions are not open to a player's screen" });
    expect(c.hash).toBe(before);
    expect(c.view(main.states[0].id).animosity).toBeNull();
  });
});
