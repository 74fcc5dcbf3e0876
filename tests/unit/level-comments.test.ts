// "$comment" notes in level files: taken out before the schema, so they change nothing in
// play and not the level's hash; a note that is not text is an error at its place.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLevelText } from '../../src/sim/index';
import { schemaText } from '../../src/cli/schema';

const text = readFileSync('levels/tutorial.json', 'utf8');
const plain: unknown = JSON.parse(text);
type Obj = Record<string | number, unknown>;
/** Sets the value at a path of plain JSON data. */
const put = (data: unknown, path: (string | number)[], value: unknown) => {
  let o = data as Obj;
  for (const k of path.slice(0, -1)) o = o[k] as Obj;
  o[path[path.length - 1]] = value;
};
const strip = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(strip) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== '$comment').map(([k, x]) => [k, strip(x)])) : v;

function load(data: unknown) {
  const r = parseLevelText(JSON.stringify(data, null, 2), 'notes.json');
  return r;
}

describe('$comment notes in a level', () => {
  it('may stand in any object, as a text or a list of texts, and leave the level and its hash as they were', () => {
    const base = load(strip(plain));
    if (!base.ok) throw new Error('tutorial does not load');
    const noted = strip(plain);
    put(noted, ['$comment'], ['A level for learning.', 'Figures are rounded.']);
    put(noted, ['states', 0, '$comment'], 'Kazakhstan: treasury from the 2025 budget, rounded');
    put(noted, ['segments', 1, '$comment'], 'cost is an estimate');
    put(noted, ['animosity', '$comment'], 'rows are the one who distrusts');
    put(noted, ['animosity', 'kazakhstan', '$comment'], 'towards each other state');
    put(noted, ['params', 'headStart', '$comment'], 'tuned with sim --seeds 400');
    put(noted, ['events', 0, 'effects', 0, '$comment'], 'the effect of the news');
    const r = load(noted);
    expect(r.findings).toEqual(base.findings);
    if (!r.ok) throw new Error('the noted level does not load');
    expect(r.level.hash).toBe(base.level.hash);
    expect(JSON.stringify(r.level)).not.toContain('$comment');
  });

  it('the shipped tutorial carries notes, and its hash is that of the level without them', () => {
    expect(text).toContain('"$comment"');
    const a = parseLevelText(text);
    const b = load(strip(plain));
    if (!a.ok || !b.ok) throw new Error('tutorial does not load');
    expect(a.level.hash).toBe(b.level.hash);
  });

  it('a note that is not text is an error at its place, and the level does not load', () => {
    const bad = strip(plain);
    put(bad, ['states', 1, '$comment'], 42);
    const r = load(bad);
    expect(r.ok).toBe(false);
    const f = r.findings.filter((x) => x.severity === 'error');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ path: ['states', 1, '$comment'], message: 'a $comment is a note for readers: a text, or a list of texts' });
    expect(f[0].line).toBeGreaterThan(1);
  });

  it('any other unknown key is still an error', () => {
    const bad = strip(plain);
    put(bad, ['states', 1, 'comment'], 'not a note');
    const r = load(bad);
    expect(r.ok).toBe(false);
    const f = r.findings.find((x) => x.path.join('.') === 'states.1.comment');
    expect(f).toMatchObject({ severity: 'error', message: 'unknown field "comment" (did you mean "$comment"?)' });
  });

  it('the editors\' schema accepts a note in every object, tables keyed by ids included', () => {
    type Node = { type?: string; properties?: Record<string, Node>; items?: Node; propertyNames?: { anyOf: unknown[] }; anyOf?: unknown[]; $defs?: Record<string, Node> };
    const js = JSON.parse(schemaText()) as Node;
    expect(js.$defs!.comment.anyOf).toEqual([{ type: 'string' }, { type: 'array', items: { type: 'string' } }]);
    expect(js.properties!.$comment).toEqual({ $ref: '#/$defs/comment' });
    expect(js.properties!.states.items!.properties!.$comment).toEqual({ $ref: '#/$defs/comment' });
    expect(js.properties!.animosity.propertyNames!.anyOf[1]).toEqual({ const: '$comment' });
    const objects: Node[] = [];
    const walk = (n: unknown) => {
      if (!n || typeof n !== 'object') return;
      if (Array.isArray(n)) return n.forEach(walk);
      const o = n as Node;
      if (o.type === 'object') objects.push(o);
      Object.values(o).forEach(walk);
    };
    walk(js);
    expect(objects.length).toBeGreaterThan(20);
    for (const o of objects) expect(o.properties?.$comment).toEqual({ $ref: '#/$defs/comment' });
  });
});
