// An event that moves the peace track says so in the public news, as a ratified peace step
// and a fall-back do: the news gave only the event's own text.
import { describe, expect, it } from 'vitest';
import { startTurn } from '../../src/sim/turn/index';
import { turnSoFar } from '../../src/ui/panels/news';
import { forcedRng, loadTiny, makeState, tinyLevelData } from './fixtures';

const data = tinyLevelData();
data.events = [
  ...(data.events as unknown[]),
  { id: 'e-accord', title: 'Accord', text: 'Envoys agree.', weight: 0, effects: [{ do: 'peace', delta: 1 }] },
  { id: 'e-clash', title: 'Clash', text: 'Shots at the line.', weight: 0, effects: [{ do: 'peace', delta: -1 }] },
];
data.params = { ...(data.params as Record<string, unknown> | undefined), eventsPerTurn: 0 };
const level = loadTiny(data);

function news(event: string, stage: number) {
  const s = makeState(level);
  s.peaceStage = stage;
  s.injected = [event];
  startTurn(level, s, forcedRng('never'));
  return (s.log[s.turn] ?? []).filter((e) => e.step === 'news').map((e) => ({ text: e.text, to: e.to }));
}

describe('an event that moves the peace track', () => {
  it('is followed by a public line saying where the track now stands', () => {
    expect(news('e-accord', 0)).toEqual([
      { text: 'Accord: Envoys agree.', to: 'all' },
      { text: 'The Test Peace reaches "Signed".', to: 'all' },
    ]);
    expect(news('e-clash', 1)).toEqual([
      { text: 'Clash: Shots at the line.', to: 'all' },
      { text: 'The Test Peace falls back to "Talks" (it had reached "Signed").', to: 'all' },
    ]);
  });

  it('adds nothing when the track cannot move further', () => {
    expect(news('e-clash', 0)).toEqual([{ text: 'Clash: Shots at the line.', to: 'all' }]);
  });
});

describe('the News panel', () => {
  it("lists an event's move of the track with this turn's log, and the events as cards alone", () => {
    const log = [
      { turn: 1, step: 'news', text: 'Clash: Shots at the line.', to: 'all' as const, causes: [] },
      { turn: 1, step: 'news', text: 'The Test Peace falls back to "Talks" (it had reached "Signed").', to: 'all' as const, causes: [] },
    ];
    const view = { turn: 1, news: [{ id: 'e-clash', title: 'Clash', text: 'Shots at the line.' }], log: [[], log] };
    expect(turnSoFar(view).map((e) => e.text)).toEqual([log[1].text]);
  });
});
