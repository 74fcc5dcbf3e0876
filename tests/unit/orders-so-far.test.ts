// Orders are sealed until the turn resolves: a state's view holds its own, the facilitator's
// every state's submitted so far, the public's none; and the lines the panels show of them.
import { describe, expect, it } from 'vitest';
import { applyAction, emptyOrders, newGame, viewFor, type GameState, type Orders, type StateId } from '../../src/sim/index';
import { orderLines } from '../../src/ui/format';
import { levelFile } from './fixtures';

const level = levelFile('levels/tutorial.json');

/** A tutorial game at its first orders phase: every state ends diplomacy at once. */
function atOrders(): GameState {
  let s = newGame(level, { seed: 'orders-so-far', seats: Object.fromEntries(level.states.map((d) => [d.id, 'human'])) });
  for (const d of level.states) {
    const r = applyAction(level, s, { type: 'endDiplomacy', player: d.id });
    if (!r.ok) throw new Error(r.error);
    s = r.state;
  }
  expect(s.phase).toBe('orders');
  return s;
}

describe('orders submitted so far', () => {
  it('the facilitator sees each state’s once submitted, a state its own, the public none', () => {
    const [a, b] = level.states.map((d) => d.id) as StateId[];
    const orders: Orders = { ...emptyOrders(), security: 10 };
    const r = applyAction(level, atOrders(), { type: 'submitOrders', player: a, orders });
    if (!r.ok) throw new Error(r.error);
    const fac = viewFor(level, r.state, 'facilitator');
    expect(Object.keys(fac.allOrders ?? {})).toEqual([a]);
    expect(fac.allOrders?.[a]).toEqual(orders);
    expect(viewFor(level, r.state, 'public').allOrders).toBeNull();
    expect(viewFor(level, r.state, a).allOrders).toBeNull();
    expect(viewFor(level, r.state, a).myOrders).toEqual(orders);
    expect(viewFor(level, r.state, b).myOrders).toBeNull();
    // A copy: changing it changes nothing in the game.
    fac.allOrders![a].security = 99;
    expect(viewFor(level, r.state, 'facilitator').allOrders?.[a].security).toBe(10);
  });

  it('reads as lines: investments, fee changes grouped, security and intelligence', () => {
    const s = atOrders();
    const v = viewFor(level, s, 'facilitator');
    const [a, b] = level.states.map((d) => d.id) as StateId[];
    const owned = v.segments.filter((x) => x.owners.includes(a));
    expect(owned.length).toBeGreaterThan(0);
    const fees = Object.fromEntries(owned.map((x) => [x.id, x.fee[a] === 'low' ? 'high' : 'low'])) as Orders['fees'];
    const lines = orderLines(v, a, { invest: [{ segment: owned[0].id, amount: 40 }], fees, security: 0, intel: { target: b, amount: 20 } });
    expect(lines[0]).toBe(`Invest $40M in ${owned[0].name}`);
    const feeLines = lines.filter((l) => l.startsWith('Fee'));
    // Every changed segment named once, under the change it makes.
    for (const x of owned) expect(feeLines.filter((l) => l.includes(x.name))).toHaveLength(1);
    expect(lines).toContain('No security spending');
    expect(lines.at(-1)).toBe(`Intelligence on ${v.states.find((x) => x.id === b)!.name}: $20M`);
    // A fee left as it is makes no line.
    const same = Object.fromEntries(owned.map((x) => [x.id, x.fee[a]])) as Orders['fees'];
    expect(orderLines(v, a, { ...emptyOrders(), fees: same, security: 5 })).toEqual(['Security: $5M', 'No intelligence spending']);
  });
});
