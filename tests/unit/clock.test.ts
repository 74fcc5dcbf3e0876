// The facilitator's clock (src/ui/clock.ts): minutes for one phase, stopped by a pause,
// ended with its phase, and the words the top bars show.
import { describe, expect, it } from 'vitest';
import { addMinutes, clockAfter, clockText, leftOf, stale, startClock } from '../../src/ui/clock';

const T0 = 1_800_000_000_000;
const game = (turn: number, phase: string, paused = false) => ({ turn, phase, paused });

describe('the facilitator clock', () => {
  it('counts down from the minutes given and says when time is up', () => {
    const c = startClock(2, 'diplomacy', 3, T0);
    expect(clockText(c, T0).text).toBe('Diplomacy: 3:00 left');
    expect(clockText(c, T0 + 61_500).text).toBe('Diplomacy: 1:59 left'); // rounds up: never "0:00 left"
    expect(clockText(c, T0 + 179_999).text).toBe('Diplomacy: 0:01 left');
    expect(clockText(c, T0 + 180_000)).toEqual({ text: 'Diplomacy: time is up', up: true });
    expect(leftOf(c, T0 + 999_999)).toBe(0);
  });

  it('stops during a pause and goes on from where it stood', () => {
    const c = startClock(2, 'orders', 5, T0);
    const paused = clockAfter(c, game(2, 'orders', true), T0 + 60_000)!;
    expect(paused.endsAt).toBeNull();
    // Ten minutes of discussion cost nothing.
    expect(clockText(paused, T0 + 660_000).text).toBe('Orders: 4:00 left (paused)');
    const resumed = clockAfter(paused, game(2, 'orders', false), T0 + 660_000)!;
    expect(clockText(resumed, T0 + 660_000).text).toBe('Orders: 4:00 left');
    // Unchanged while nothing changes: the same object (no needless write).
    expect(clockAfter(resumed, game(2, 'orders'), T0 + 700_000)).toBe(resumed);
  });

  it('ends with its phase', () => {
    const c = startClock(2, 'diplomacy', 3, T0);
    expect(clockAfter(c, game(2, 'orders'), T0)).toBeNull();
    expect(clockAfter(c, game(3, 'diplomacy'), T0)).toBeNull();
    expect(clockAfter(c, game(2, 'ended'), T0)).toBeNull();
  });

  it('takes more minutes, running, paused or run out', () => {
    const c = startClock(1, 'diplomacy', 3, T0);
    expect(clockText(addMinutes(c, 2, T0 + 60_000), T0 + 60_000).text).toBe('Diplomacy: 4:00 left');
    const paused = clockAfter(c, game(1, 'diplomacy', true), T0 + 60_000)!;
    expect(clockText(addMinutes(paused, 2, T0 + 90_000), T0 + 90_000).text).toBe('Diplomacy: 4:00 left (paused)');
    expect(clockText(addMinutes(c, 2, T0 + 600_000), T0 + 600_000).text).toBe('Diplomacy: 2:00 left');
  });

  it('is left behind an hour after it ran out, or an hour after it was paused', () => {
    const c = startClock(1, 'diplomacy', 3, T0);
    expect(stale(c, T0 + 180_000 + 3_600_000)).toBe(false);
    expect(stale(c, T0 + 180_000 + 3_600_001)).toBe(true);
    const paused = clockAfter(c, game(1, 'diplomacy', true), T0 + 60_000)!;
    expect(paused.at).toBe(T0 + 60_000);
    expect(stale(paused, T0 + 60_000 + 3_600_000)).toBe(false);
    expect(stale(paused, T0 + 60_000 + 3_600_001)).toBe(true);
  });
});
