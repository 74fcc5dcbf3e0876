// The copy helpers the actions use instead of a JSON round trip must give what it gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonCopy } from '../../src/sim/cow';

const viaJson = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

describe('jsonCopy', () => {
  it('equals JSON.parse(JSON.stringify(v)) for any plain data, -0 and undefined included', () => {
    const odd = fc.constantFrom(-0, undefined, Number.NaN, Number.POSITIVE_INFINITY);
    const value = fc.oneof(fc.jsonValue(), odd, fc.array(fc.oneof(fc.jsonValue(), odd)), fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), odd)));
    fc.assert(
      fc.property(value, (v) => {
        const copy = jsonCopy({ v });
        expect(copy).toStrictEqual(viaJson({ v }));
        expect(JSON.stringify(copy)).toBe(JSON.stringify(viaJson({ v })));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a "__proto__" key a plain member, as JSON.parse does', () => {
    const raw = JSON.parse('{"__proto__": {"x": 1}, "b": [-0]}') as Record<string, unknown>;
    const copy = jsonCopy(raw);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__', 'b']);
    expect(Object.is((copy.b as number[])[0], 0)).toBe(true);
  });
});
