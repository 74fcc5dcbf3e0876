// Events whose conditions can never hold together, or that need each other to have happened
// first, are warned about; conditions that can still hold together are not.
import { describe, expect, it } from 'vitest';
import type { LevelInput } from '../../src/sim/level-schema';
import { variantFindings } from '../harness/level-variant';

type Cond = NonNullable<LevelInput['events'][number]['conditions']>[number];
const ev = (l: LevelInput, id: string) => l.events.find((e) => e.id === id)!;
const add = (l: LevelInput, id: string, ...c: Cond[]) => (ev(l, id).conditions ??= []).push(...c);

describe('conditions never both true', () => {
  it('a stance at least one value and below a lower one', () => {
    // eu-forum (events[3]) has stanceAtLeast eu 50 as conditions[0]
    expect(variantFindings((l) => add(l, 'eu-forum', { if: 'stanceBelow', force: 'eu', value: 50 }))).toEqual([
      'warning $.events[3].conditions[2].value: the stance of "eu" is never below 50 while at least 50 (at $.events[3].conditions[0]), so this event is never drawn',
    ]);
    expect(variantFindings((l) => add(l, 'eu-forum', { if: 'stanceBelow', force: 'eu', value: 51 }))).toEqual([]);
  });

  it('a state number at least one value and below a lower one', () => {
    // border-incident (events[5]) has statBelow georgia security 40 as conditions[1]
    expect(variantFindings((l) => add(l, 'border-incident', { if: 'statAtLeast', state: 'georgia', stat: 'security', value: 45 }))).toEqual([
      'warning $.events[5].conditions[1].value: the security of "georgia" is never below 40 while at least 45 (at $.events[5].conditions[3]), so this event is never drawn',
    ]);
    expect(variantFindings((l) => add(l, 'border-incident', { if: 'statAtLeast', state: 'georgia', stat: 'stability', value: 45 }))).toEqual([]);
  });

  it('the peace track at or beyond a stage and below it or an earlier one', () => {
    // talks-stall (events[1]) has peaceBelow ratified as conditions[0]
    expect(variantFindings((l) => add(l, 'talks-stall', { if: 'peaceAtLeast', stage: 'ratified' }))).toEqual([
      'warning $.events[1].conditions[0].stage: the peace track is never below stage "ratified" while at least stage "ratified" (at $.events[1].conditions[2]), so this event is never drawn',
    ]);
    expect(variantFindings((l) => add(l, 'talks-stall', { if: 'peaceAtLeast', stage: 'initialled' }))).toEqual([]);
  });

  it('a segment in two statuses', () => {
    expect(variantFindings((l) => add(l, 'border-incident', { if: 'segmentStatus', segment: 'baku-tbilisi', status: 'damaged' }))).toEqual([
      'warning $.events[5].conditions[3].status: segment "baku-tbilisi" cannot be "damaged" and "open" (at $.events[5].conditions[0]) at once, so this event is never drawn',
    ]);
  });
});

describe('events that need each other', () => {
  it('two events that each need the other to have happened', () => {
    // first-power (events[4]) needs eu-forum (events[3]) as conditions[1]
    expect(variantFindings((l) => add(l, 'eu-forum', { if: 'eventHappened', event: 'first-power' }))).toEqual([
      'warning $.events[3].conditions[2].event: "first-power" needs this event "eu-forum" to have happened first, so neither can happen first and the news never draws them (only a facilitator can inject one)',
      'warning $.events[4].conditions[1].event: "eu-forum" needs this event "first-power" to have happened first, so neither can happen first and the news never draws them (only a facilitator can inject one)',
    ]);
  });

  it('a longer ring, and a chain that is no ring', () => {
    const ring = variantFindings((l) => {
      add(l, 'eu-forum', { if: 'eventHappened', event: 'low-water' });
      add(l, 'low-water', { if: 'eventHappened', event: 'first-power' });
    });
    expect(ring).toHaveLength(3);
    expect(ring[0]).toContain('(through other events)');
    expect(variantFindings((l) => add(l, 'eu-forum', { if: 'eventHappened', event: 'low-water' }))).toEqual([]);
  });
});

describe('events that need an event of weight 0', () => {
  // first-power (events[4]) needs eu-forum (events[3]) as conditions[1]
  const zero = (l: LevelInput, id: string) => (ev(l, id).weight = 0);
  const WARNING = 'warning $.events[4].conditions[1].event: "eu-forum" has weight 0, so the news never draws it: this event can be drawn only after a facilitator injects "eu-forum"';

  it('are drawn only after a facilitator injects it, and the warning says so', () => {
    expect(variantFindings((l) => zero(l, 'eu-forum'))).toEqual([WARNING]);
  });

  it('not when the dependent has weight 0 itself, nor when the news draws nothing at all', () => {
    expect(variantFindings((l) => (zero(l, 'eu-forum'), zero(l, 'first-power')))).toEqual([]);
    expect(variantFindings((l) => (zero(l, 'eu-forum'), (l.params = { ...l.params, eventsPerTurn: 0 })))).toEqual([]);
  });

  it('once for a condition the ring warning already names', () => {
    const found = variantFindings((l) => (zero(l, 'eu-forum'), add(l, 'eu-forum', { if: 'eventHappened', event: 'first-power' })));
    expect(found.filter((f) => f.startsWith('warning $.events[4].conditions[1].event:'))).toHaveLength(1);
    expect(found).toHaveLength(2);
  });

  it('also for an event that needs one of those, any number of steps on', () => {
    const found = variantFindings((l) => (zero(l, 'eu-forum'), add(l, 'low-water', { if: 'eventHappened', event: 'first-power' })));
    expect(found).toHaveLength(2);
    expect(found).toContain(WARNING);
    expect(found.find((f) => f !== WARNING)).toMatch(/^warning \$\.events\[\d+\]\.conditions\[\d+\]\.event: "first-power" can happen only after a facilitator injects "eu-forum" \(weight 0\), so this event too can be drawn only after that$/);
    // The chain ends where an event no longer needs the injected one.
    expect(variantFindings((l) => add(l, 'low-water', { if: 'eventHappened', event: 'first-power' }))).toEqual([]);
  });

  it('not for an event of weight above 0', () => {
    expect(variantFindings(() => undefined)).toEqual([]);
  });
});
