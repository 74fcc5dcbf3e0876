// A misspelt required key is one error, at the key, naming the field meant: not an unknown
// field at the key plus a missing field at the object's brace.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatPath, parseLevelText } from '../../src/sim/level';

type Obj = Record<string, unknown>;
const tutorial = () => JSON.parse(readFileSync('levels/tutorial.json', 'utf8')) as { states: Obj[]; segments: Obj[]; events: { effects: Obj[]; conditions: Obj[] }[] };
const rename = (o: Obj, from: string, to: string) => {
  o[to] = o[from];
  delete o[from];
};
const errors = (data: unknown) => {
  const text = JSON.stringify(data, null, 2);
  return parseLevelText(text).findings.filter((f) => f.severity === 'error').map((f) => ({ at: `${f.line}:${f.col}`, line: `${formatPath(f.path)}: ${f.message}`, text: text.split('\n')[f.line! - 1].trim() }));
};

describe('a misspelt required key', () => {
  it('is one error at the key that names the required field', () => {
    const l = tutorial();
    rename(l.states[0], 'treasury', 'treasure');
    const found = errors(l);
    expect(found.map((f) => f.line)).toEqual(['$.states[0].treasure: unknown field "treasure" (did you mean "treasury"? it is required here: an integer)']);
    expect(found[0].text.startsWith('"treasure"')).toBe(true);
  });

  it('says the allowed values of a required enum field', () => {
    const l = tutorial();
    rename(l.segments[0], 'mode', 'mod');
    expect(errors(l).map((f) => f.line)).toEqual(['$.segments[0].mod: unknown field "mod" (did you mean "mode"? it is required here: one of "rail", "road", "ferry", "port", "cable")']);
  });

  it('a misspelt discriminator names it too, at the key', () => {
    const l = tutorial();
    rename(l.events.find((e) => e.conditions?.length)!.conditions[0], 'if', 'iff');
    const found = errors(l);
    expect(found).toHaveLength(1);
    expect(found[0].line).toMatch(/^\$\.events\[\d+\]\.conditions\[0\]\.iff: unknown field "iff" \(did you mean "if"\? it is required here: one of "turnAtLeast", /);
    expect(found[0].text.startsWith('"iff"')).toBe(true);
  });

  it('a missing discriminator is not blamed on a field some form has', () => {
    const l = tutorial();
    l.events[0].effects[0] = { from: 'kazakhstan', to: 'georgia', delta: 5 }; // an animosity effect without "do"
    expect(errors(l).map((f) => f.line)).toEqual([expect.stringMatching(/^\$\.events\[0\]\.effects\[0\]\.do: missing required field "do": one of /)]);
  });

  it('an unknown key far from every missing field stays two errors', () => {
    const l = tutorial();
    rename(l.states[0], 'treasury', 'wealth');
    expect(errors(l).map((f) => f.line)).toEqual([
      '$.states[0].treasury: missing required field "treasury" (an integer)',
      expect.stringMatching(/^\$\.states\[0\]\.wealth: unknown field "wealth"/),
    ]);
  });
});
