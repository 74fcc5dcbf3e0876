// Narration shows chances and changes as percentages ("14.4%", "−10%", "+8%"), not basis
// points ("1440 bp", "-1000bp"): teachers and students read it in the CLI and the viewer.
import { describe, expect, it } from 'vitest';
import { autoplay } from '../../src/ai/autoplay';
import { newGame } from '../../src/sim/index';
import { pct, signedPct } from '../../src/sim/util';
import { levelFile } from './fixtures';

describe('percentages in narration', () => {
  it('formats basis points as a percentage in integer arithmetic', () => {
    expect(pct(1440)).toBe('14.4%');
    expect(pct(600)).toBe('6%');
    expect(pct(30)).toBe('0.3%');
    expect(pct(5)).toBe('0.05%');
    expect(pct(0)).toBe('0%');
    expect(signedPct(-1000)).toBe('−10%');
    expect(signedPct(800)).toBe('+8%');
    expect(signedPct(125)).toBe('+1.25%');
  });

  it('says an event\'s capacity change as a percentage ("capacity −10%", not "capacity -1000bp")', () => {
    const s = newGame(levelFile('levels/tutorial.json'), { seed: 'class-7' });
    const cause = s.log[1].find((e) => e.step === 'news')!.causes[0].text;
    expect(cause).toContain('aktau-alat capacity −10% -> 2250 kt');
    expect(cause).not.toContain('bp');
  });

  it('no log text or cause of whole bot games says "bp"', () => {
    for (const file of ['levels/tutorial.json', 'levels/middle-corridor.json']) {
      const level = levelFile(file);
      for (const seed of ['pct-1', 'pct-2']) {
        const { state } = autoplay(level, { seed });
        const texts = state.log.flat().flatMap((e) => [e.text, ...e.causes.map((c) => c.text)]);
        expect(texts.filter((t) => /\d\s*bp\b/.test(t))).toEqual([]);
        expect(texts.some((t) => /\d%/.test(t))).toBe(true);
      }
    }
  });
});
