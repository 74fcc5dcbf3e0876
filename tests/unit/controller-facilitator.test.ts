// The facilitator's controls (classroom mode) as the game screen uses them: Controller's
// facilitate, facilitatorStatus, pause and resume. They are recorded like any action,
// refused with a reason when they cannot apply, and only the facilitator's view holds the queue.
import { describe, expect, it } from 'vitest';
import { verifyReplay, viewFor } from '../../src/sim/index';
import { Controller, PAUSED_ERROR } from '../../src/ui/controller';
import { levelFile } from './fixtures';

const tutorial = levelFile('levels/tutorial.json');
const solo = { kazakhstan: 'human', azerbaijan: 'bot', georgia: 'bot' } as const;

describe('facilitator controls', () => {
  it('queues an event for next turn and reveals the animosities; both are in the record, which verifies', () => {
    const c = new Controller({ level: tutorial, seed: 'fac-unit', seats: { ...solo } });
    expect(c.facilitatorStatus()).toEqual({ revealed: false, queued: [], ended: false, endsEarly: false });
    expect(c.facilitate({ type: 'inject', player: 'facilitator', event: 'poti-landslide' })).toEqual({ ok: true });
    expect(c.facilitate({ type: 'inject', player: 'facilitator', event: 'poti-landslide' })).toEqual({ ok: false, error: 'Landslide on the line to Poti is already queued for next turn' });
    expect(c.facilitate({ type: 'inject', player: 'facilitator', event: 'no-such-event' })).toEqual({ ok: false, error: 'event "no-such-event" is not in this level' });
    expect(c.facilitatorStatus().queued).toEqual(['poti-landslide']);
    expect(c.view('kazakhstan').injected, 'a player never sees the queue').toBeNull();
    expect(c.view('public').injected).toBeNull();

    expect(c.view('kazakhstan').animosity).toBeNull();
    expect(c.facilitate({ type: 'reveal', player: 'facilitator' })).toEqual({ ok: true });
    expect(c.facilitate({ type: 'reveal', player: 'facilitator' })).toEqual({ ok: false, error: 'animosities are already revealed' });
    expect(c.view('kazakhstan').animosity).not.toBeNull();
    expect(c.view('public').animosity, 'the projector shows the matrix too').not.toBeNull();
    expect(c.facilitatorStatus().revealed).toBe(true);

    // The player plays on; the next turn's news opens with the queued event.
    while (c.status().turn === 1) {
      const v = c.view('kazakhstan');
      const p = v.proposals.find((x) => x.status === 'open' && x.responses.kazakhstan === 'pending');
      const r = v.phase === 'diplomacy'
        ? c.dispatch(p ? { type: 'respond', player: 'kazakhstan', proposal: p.id, accept: false } : { type: 'endDiplomacy', player: 'kazakhstan' })
        : c.dispatch({ type: 'submitOrders', player: 'kazakhstan', orders: { invest: [], fees: {}, security: 0, intel: null } });
      expect(r).toEqual({ ok: true });
    }
    expect(c.view('kazakhstan').news[0].id).toBe('poti-landslide');
    expect(c.facilitatorStatus().queued).toEqual([]);
    const record = c.record();
    expect(record.actions.filter((a) => a.action.player === 'facilitator').map((a) => a.action.type)).toEqual(['inject', 'reveal']);
    const v = verifyReplay(tutorial, record);
    expect(v.ok).toBe(true);
  });

  it('a player cannot take back an action once the facilitator has acted after it', () => {
    const c = new Controller({ level: tutorial, seed: 'fac-undo', seats: { kazakhstan: 'human', azerbaijan: 'human', georgia: 'bot' } });
    c.confirmCurtain();
    const me = c.shown!;
    const other = me === 'kazakhstan' ? 'azerbaijan' : 'kazakhstan';
    expect(c.dispatch({ type: 'propose', player: me, terms: { kind: 'summit', attendees: [me, other] } })).toEqual({ ok: true });
    expect(c.undoRefusal()).toBeNull();
    c.facilitate({ type: 'inject', player: 'facilitator', event: 'eu-grants' });
    expect(c.undoRefusal()).toBe('the facilitator has acted since');
  });

  it('a pause refuses every seat’s action and changes nothing; a hot-seat game resumes behind the curtain', () => {
    const c = new Controller({ level: tutorial, seed: 'fac-pause', seats: { kazakhstan: 'human', azerbaijan: 'human', georgia: 'bot' } });
    c.confirmCurtain();
    const me = c.shown!;
    const hash = c.hash;
    const actions = c.actions.length;
    c.pause();
    expect(c.paused).toBe(true);
    expect(c.dispatch({ type: 'endDiplomacy', player: me })).toEqual({ ok: false, error: PAUSED_ERROR });
    expect(c.undoRefusal()).toBe('the game is paused');
    expect(c.hash).toBe(hash);
    expect(c.actions.length).toBe(actions);
    c.resume();
    expect(c.paused).toBe(false);
    expect(c.curtain, 'whoever takes the device next confirms the hand-off').toBe(true);
    c.confirmCurtain();
    expect(c.shown).toBe(me);
    expect(c.dispatch({ type: 'endDiplomacy', player: me })).toEqual({ ok: true });
  });

  it('after the game has ended the facilitator’s actions are refused', () => {
    const c = new Controller({ level: tutorial, seed: 'fac-end', seats: { kazakhstan: 'bot', azerbaijan: 'bot', georgia: 'bot' } });
    expect(c.ended).toBe(true);
    expect(c.facilitatorStatus().ended).toBe(true);
    expect(c.facilitate({ type: 'reveal', player: 'facilitator' })).toEqual({ ok: false, error: 'the game is over' });
    expect(viewFor(tutorial, verifyReplayState(c), 'facilitator').injected).toEqual([]);
  });
});

/** The game's last state, rebuilt from its record (the controller keeps its own private). */
function verifyReplayState(c: Controller) {
  const v = verifyReplay(tutorial, c.record(), { keepStates: true });
  if (!v.ok) throw new Error(v.message);
  return v.states[v.states.length - 1];
}
