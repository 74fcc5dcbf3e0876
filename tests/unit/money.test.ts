// One way of writing money: the sim's narration, the CLI summary and the browser all use
// money() from src/sim/util.ts, so a report never reads "$1786M" beside a screen's "$1,786M".
import { describe, expect, it } from 'vitest';
import { money } from '../../src/sim/util';
import { money as uiMoney } from '../../src/ui/format';
import { collectRevenue } from '../../src/sim/turn/revenue';
import { loadTiny, makeState, texts } from './fixtures';

describe('money', () => {
  it('groups thousands, signs with a minus and writes billions from $10,000M', () => {
    expect(money(0)).toBe('$0M');
    expect(money(999)).toBe('$999M');
    expect(money(1786)).toBe('$1,786M');
    expect(money(-40)).toBe('−$40M');
    expect(money(-1500)).toBe('−$1,500M');
    expect(money(9999)).toBe('$9,999M');
    expect(money(1000)).toBe('$1,000M');
    expect(money(1005)).toBe('$1,005M');
    expect(money(2.5)).toBe('$2.5M');
    expect(money(1234.5)).toBe('$1,234.5M');
    expect(money(10000)).toBe('$10.0bn');
    expect(money(12349)).toBe('$12.3bn');
    expect(money(12350)).toBe('$12.4bn');
    expect(money(1_234_567)).toBe('$1234.6bn');
  });

  it('is the very function the browser uses', () => {
    expect(uiMoney).toBe(money);
  });

  it('is how the sim narrates money', () => {
    const level = loadTiny();
    const s = makeState(level);
    s.players.alpha.treasury = 1776;
    collectRevenue(level, s);
    const line = texts(s).find((t) => t.startsWith('Revenue:') && t.includes('treasury $1,'));
    expect(line).toMatch(/treasury \$1,\d{3}M\.$/);
  });
});
