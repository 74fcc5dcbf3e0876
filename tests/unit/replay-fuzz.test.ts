// Fuzzed replay files never crash the loader: parseReplay, parseReplayText and verifyReplay
// return ok:false with a message that names a JSON path ($...) or, for a file that is well
// formed but whose game differs, the turn it diverged at. Mutations that are still valid pass.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autoplay } from '../../src/ai/autoplay';
import { parseLevelText, type LoadedLevel } from '../../src/sim/index';
import { embeddedLevel, makeReplay, parseReplay, parseReplayText, REPLAY_VERSION, verifyReplay, type Replay } from '../../src/sim/replay';
import { shippedLevelFiles } from '../harness/harness';
import { botReplay, loadTiny, tinyLevelData } from './fixtures';

const tutorialFile = shippedLevelFiles().find((f) => f.file === 'tutorial.json') ?? shippedLevelFiles()[0];
const loaded = parseLevelText(tutorialFile.text);
if (!loaded.ok) throw new Error(`levels/${tutorialFile.file} does not load`);
const level: LoadedLevel = loaded.level;
// A short real game keeps each verification cheap: 3 turns of the tutorial.
const real: Replay = botReplay(level, 'fuzz', { turns: 3 }).replay;
const realText = JSON.stringify(real, null, 1);
const clone = (): Replay => JSON.parse(realText) as Replay;

type Path = (string | number)[];
/** Every node of a value (objects and arrays included), by path. */
function nodes(v: unknown, path: Path = []): Path[] {
  if (v === null || typeof v !== 'object') return [path];
  const kids = Array.isArray(v) ? v.map((x, i) => nodes(x, [...path, i])) : Object.keys(v).map((k) => nodes((v as Record<string, unknown>)[k], [...path, k]));
  return [path, ...kids.flat()];
}
const allNodes = nodes(real);
const getAt = (v: unknown, p: Path): unknown => p.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], v);
const PATH = /^\$(?:\.[A-Za-z_$][\w$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])*: \S/;
const isPrefix = (a: Path, b: Path) => a.length <= b.length && a.every((k, i) => k === b[i]);
/** "$.actions[3].turn: ..." -> ['actions', 3, 'turn'] */
function pathOf(message: string): Path {
  const head = message.slice(0, message.indexOf(': '));
  return [...head.matchAll(/\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)].map((m) => (m[1] ?? (m[2] !== undefined ? Number(m[2]) : (JSON.parse(m[3]) as string))));
}

/** Parse, then verify what parses; asserts the shape of every outcome and returns it. */
function load(data: unknown): 'parse' | 'invalid' | 'diverged' | 'ok' {
  const p = parseReplay(data);
  if (!p.ok) {
    expect(p.error).toMatch(PATH);
    return 'parse';
  }
  const v = verifyReplay(level, p.replay);
  if (v.ok) return 'ok';
  if (v.kind === 'invalid') expect(v.message).toMatch(PATH);
  else expect(v.message).toMatch(new RegExp(`^diverged at turn ${v.turn}: `));
  return v.kind;
}

const weird = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(1e308, -1e308, Infinity, -Infinity, NaN, 2 ** 53, 2 ** 53 + 2, -0, 1.5, '', 'x'.repeat(5000), [], {}, null, true, '0', '1'),
  fc.string(),
  fc.integer(),
);

describe('fuzzed replays never crash the loader', () => {
  it('random JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (data) => {
        const p = parseReplay(data);
        expect(p.ok).toBe(false);
        if (!p.ok) expect(p.error).toMatch(PATH);
      }),
      { numRuns: 300 },
    );
  });

  it('random non-JSON values too (what a caller might hand over)', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true }), (data) => {
        const p = parseReplay(data);
        expect(p.ok).toBe(false);
        if (!p.ok) expect(p.error).toMatch(PATH);
      }),
      { numRuns: 300 },
    );
  });

  it('random objects that claim to be replays', () => {
    const claim = fc.record(
      { format: fc.constant('corridor-replay'), version: fc.oneof(fc.constant(1), weird), level: weird, seed: weird, seats: weird, actions: weird, checkpoints: weird, extra: weird },
      { requiredKeys: ['format', 'version'] },
    );
    fc.assert(fc.property(claim, (data) => void load(data)), { numRuns: 300 });
  });

  it('truncated text of a real replay', () => {
    fc.assert(
      fc.property(fc.nat({ max: realText.length - 1 }), (cut) => {
        const text = realText.slice(0, cut);
        const p = parseReplayText(text);
        if (text.trim() === realText.trim()) return; // only whitespace was cut
        expect(p.ok).toBe(false);
        if (!p.ok) expect(p.error).toMatch(/^\$[^:]*: (not valid JSON \(the file may be truncated\)|.*line \d+, column \d+)/);
      }),
      { numRuns: 300 },
    );
    // Every cut at a line end of the indented text, too: the usual way a download stops.
    for (let i = realText.indexOf('\n'); i !== -1; i = realText.indexOf('\n', i + 1)) {
      const p = parseReplayText(realText.slice(0, i));
      expect(p.ok).toBe(false);
      if (!p.ok) expect(p.error).toMatch(/^\$[^:]*: not valid JSON \(the file may be truncated\): .* \(line \d+, column \d+\)$/);
    }
  });

  it('says a file may be truncated only when its text ends too soon', () => {
    const whole = parseReplayText(realText.replace('"seed":', '"n": 1e999, "seed":'));
    expect(whole.ok).toBe(false);
    if (!whole.ok) expect(whole.error).toMatch(/^\$\.n: not valid JSON: number out of range \(line \d+, column \d+\)$/);
    const cut = parseReplayText(realText.slice(0, 40));
    expect(cut.ok).toBe(false);
    if (!cut.ok) expect(cut.error).toContain('not valid JSON (the file may be truncated): ');
  });

  it('one field replaced by a value of any type: the error names that field (or it still loads)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...allNodes), weird, (spot, value) => {
        const r = clone() as unknown;
        let outcome: ReturnType<typeof load>;
        if (spot.length === 0) outcome = load(value);
        else {
          (getAt(r, spot.slice(0, -1)) as Record<string | number, unknown>)[spot[spot.length - 1]] = value;
          outcome = load(r);
        }
        const p = parseReplay(spot.length === 0 ? value : r);
        if (!p.ok) {
          const named = pathOf(p.error);
          // The file's ordering rules may name the next entry instead (turns out of order).
          const sibling = named.length === spot.length && isPrefix(named.slice(0, -2), spot);
          expect(isPrefix(named, spot) || isPrefix(spot, named) || sibling, `${p.error} (changed ${JSON.stringify(spot)})`).toBe(true);
        }
        expect(['parse', 'invalid', 'diverged', 'ok']).toContain(outcome);
      }),
      { numRuns: 400 },
    );
  });

  it('a field removed or an unknown field added', () => {
    fc.assert(
      fc.property(fc.constantFrom(...allNodes.filter((p) => p.length > 0)), fc.boolean(), fc.string({ minLength: 1, maxLength: 8 }), (spot, remove, key) => {
        const r = clone() as unknown;
        const parent = getAt(r, spot.slice(0, -1)) as Record<string | number, unknown>;
        const last = spot[spot.length - 1];
        if (remove) {
          if (Array.isArray(parent)) parent.splice(last as number, 1);
          else delete parent[last];
        } else {
          const target = getAt(r, spot);
          if (target === null || typeof target !== 'object' || Array.isArray(target)) return;
          (target as Record<string, unknown>)[key] = 1;
        }
        load(r);
      }),
      { numRuns: 300 },
    );
  });

  it('huge and non-finite numbers anywhere', () => {
    const numbers = allNodes.filter((p) => typeof getAt(real, p) === 'number');
    fc.assert(
      fc.property(fc.constantFrom(...numbers), fc.constantFrom('1e999', '-1e999', '1e308', '9007199254740993', '123456789012345678901234567890', '-0', '0.1'), (spot, num) => {
        // Substituted in the text, as a file would carry it: JSON.parse turns 1e999 into Infinity.
        const r = clone() as unknown;
        (getAt(r, spot.slice(0, -1)) as Record<string | number, unknown>)[spot[spot.length - 1]] = '\u0000NUM\u0000';
        const text = JSON.stringify(r).replace('"\\u0000NUM\\u0000"', num);
        const viaText = parseReplayText(text);
        if (!viaText.ok) expect(viaText.error).toMatch(PATH);
        load(JSON.parse(text));
      }),
      { numRuns: 200 },
    );
  });

  it('__proto__, constructor and prototype keys are refused wherever they are', () => {
    const objects = allNodes.filter((p) => {
      const v = getAt(real, p);
      return v !== null && typeof v === 'object' && !Array.isArray(v);
    });
    fc.assert(
      fc.property(fc.constantFrom(...objects), fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.jsonValue({ maxDepth: 2 }), (spot, key, value) => {
        const r = clone() as unknown;
        (getAt(r, spot) as Record<string, unknown>)['\u0000KEY\u0000'] = value;
        const text = JSON.stringify(r).replace('"\\u0000KEY\\u0000"', JSON.stringify(key));
        const data = JSON.parse(text) as unknown; // JSON.parse makes "__proto__" an own key
        const fromData = parseReplay(data);
        const fromText = parseReplayText(text);
        const where = [...spot, key];
        for (const p of [fromData, fromText]) {
          expect(p.ok).toBe(false);
          if (!p.ok) expect(pathOf(p.error)).toEqual(where);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('deep nesting does not exhaust the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const r = clone();
    r.actions[0].action.orders = deep;
    const p = parseReplay(r);
    expect(p).toMatchObject({ ok: false, error: expect.stringMatching(/^\$\.actions\[0\]\.action\.orders(\[0\])+: nested more than 64 levels deep$/) });
    const text = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(parseReplayText(text)).toMatchObject({ ok: false, error: expect.stringMatching(PATH) });
  });
});

describe('format and version', () => {
  const withField = (k: string, v: unknown) => ({ ...clone(), [k]: v });
  it('a file that is not a replay, or another format', () => {
    expect(parseReplay(withField('format', 'corridor-save'))).toEqual({ ok: false, error: '$.format: this is not a Corridor replay (expected "corridor-replay", found "corridor-save")' });
    const { format: _f, ...noFormat } = clone();
    expect(parseReplay(noFormat)).toEqual({ ok: false, error: '$.format: this is not a Corridor replay (expected "corridor-replay", found nothing)' });
    expect(parseReplay([real])).toMatchObject({ ok: false, error: expect.stringMatching(/^\$: this is not a Corridor replay/) });
  });
  it('a newer version is refused with a message naming it', () => {
    for (const v of [REPLAY_VERSION + 1, 99, 1e9]) {
      expect(parseReplay(withField('version', v))).toEqual({ ok: false, error: `$.version: replay format version ${v} is newer than this game understands (${REPLAY_VERSION}); update Corridor` });
    }
  });
  it('a version that never existed is refused', () => {
    for (const v of [0, -1, 1.5, '1', null, undefined]) {
      expect(parseReplay(withField('version', v))).toMatchObject({ ok: false, error: expect.stringMatching(/^\$\.version: expected a replay format version/) });
    }
  });
  it('checkpoints and actions out of order name the entry', () => {
    const r = clone();
    r.checkpoints[2].turn = 5;
    expect(parseReplay(r)).toEqual({ ok: false, error: '$.checkpoints[2].turn: expected 2 (checkpoints are the turns 0, 1, 2, ... in order), found 5' });
    const a = clone();
    const last = a.actions.length - 1;
    a.actions[last].turn = 1;
    expect(parseReplay(a)).toMatchObject({ ok: false, error: expect.stringMatching(new RegExp(`^\\$\\.actions\\[${last}\\]\\.turn: actions are in play order`)) });
  });
  it('errors from text carry line and column', () => {
    const r = clone();
    r.checkpoints[1].hash = 'nothex';
    const text = JSON.stringify(r, null, 1);
    const line = text.split('\n').findIndex((l) => l.includes('"nothex"')) + 1;
    expect(parseReplayText(text)).toEqual({ ok: false, error: expect.stringMatching(new RegExp(`^\\$\\.checkpoints\\[1\\]\\.hash: a hash is 16 hexadecimal digits; found "nothex" \\(line ${line}, column \\d+\\)$`)) });
    expect(parseReplayText('{"format": "corridor-replay", "format": 1}')).toMatchObject({ ok: false, error: expect.stringMatching(/^\$\.format: duplicate key/) });
  });
});

describe('embedded levels', () => {
  const tiny = loadTiny();
  const played = autoplay(tiny, { seed: 'embedded' });
  const embedded = makeReplay(tiny, { seed: 'embedded', seats: played.state.seats, actions: played.actions, checkpoints: played.checkpoints, embedLevel: true });
  const again = (): Replay => JSON.parse(JSON.stringify(embedded)) as Replay;

  it('a replay of a level that is not shipped carries it and verifies on its own', () => {
    const p = parseReplayText(JSON.stringify(embedded));
    if (!p.ok) throw new Error(p.error);
    const e = embeddedLevel(p.replay);
    if (!e || !e.ok) throw new Error(e ? e.error : 'no embedded level');
    expect(e.level.hash).toBe(tiny.hash);
    expect(verifyReplay(e.level, p.replay)).toMatchObject({ ok: true, turns: tiny.turns });
  });
  it('the raw level file can be embedded instead of the parsed one', () => {
    const r = makeReplay(tiny, { seed: 'embedded', seats: played.state.seats, actions: played.actions, checkpoints: played.checkpoints, embedLevel: true, levelData: tinyLevelData() });
    expect(embeddedLevel(r)).toMatchObject({ ok: true, level: { hash: tiny.hash } });
  });
  it('an edited embedded level is caught by its hash', () => {
    const r = again();
    (r.level.data as { states: { name: string }[] }).states[0].name = 'Renamed';
    expect(embeddedLevel(r)).toEqual({ ok: false, error: expect.stringMatching(/^\$\.level\.hash: the embedded level's content hash is [0-9a-f]{16}, not [0-9a-f]{16}$/) });
  });
  it('a broken embedded level names the path inside it', () => {
    const r = again();
    (r.level.data as { turns: unknown }).turns = 'many';
    expect(embeddedLevel(r)).toEqual({ ok: false, error: expect.stringMatching(/^\$\.level\.data\.turns: .+ \(the embedded level is invalid\)$/) });
    // Read from a file, it is named at its line and column there.
    const p = parseReplayText(JSON.stringify(r, null, 1));
    expect(p).toEqual({ ok: false, error: expect.stringMatching(/^\$\.level\.data\.turns: .+ \(the embedded level is invalid\) \(line \d+, column \d+\)$/) });
  });
  it('a broken embedded level names every error, one a line, the first 20 and a count of the rest', () => {
    const r = again();
    const segments = (r.level.data as { segments: { from: string }[] }).segments;
    for (const s of segments) s.from = 'nowhere';
    const each = embeddedLevel(r);
    expect(each?.ok).toBe(false);
    const got = each && !each.ok ? each.error.split('\n') : [];
    const unknown = got.filter((l) => / unknown node "nowhere" \(the embedded level is invalid\)$/.test(l));
    expect(unknown.length).toBe(Math.min(segments.length, 20));
    expect(unknown[0]).toMatch(/^\$\.level\.data\.segments\[0\]\.from: /);
    // A level broken in more than 20 places: 20 lines, then how many more.
    const many = again();
    (many.level.data as { segments: { from: string }[] }).segments = Array.from({ length: 25 }, (_, i) => ({ ...segments[i % segments.length], id: `s${i}`, from: 'nowhere' }));
    const p = parseReplayText(JSON.stringify(many, null, 1));
    const lines = p.ok ? [] : p.error.split('\n');
    expect(lines).toHaveLength(21);
    for (const l of lines.slice(0, 20)) expect(l).toMatch(/ \(the embedded level is invalid\) \(line \d+, column \d+\)$/);
    expect(lines[20]).toMatch(/^\$\.level\.data: and \d+ more errors? in the embedded level \(validating the level file lists them all\)$/);
  });
  it('a replay of another level is refused before anything runs', () => {
    expect(verifyReplay(level, embedded)).toMatchObject({ ok: false, kind: 'invalid', message: expect.stringMatching(/^\$\.level: the replay was recorded on level "tiny"/) });
  });
});
