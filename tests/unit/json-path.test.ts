// One formatPath writes every JSON path a finding names ($.segments[3].from): the loader,
// the semantic checks and the event checks import it from src/sim/json-path.ts, which
// imports nothing, so no check needs its own copy to avoid an import cycle with level.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPath } from '../../src/sim/json-path';
import { formatPath as fromLevel } from '../../src/sim/level';
import { formatPath as fromIndex } from '../../src/sim/index';

describe('formatPath', () => {
  it('writes the root, fields, indexes, and quotes a key that is not a name', () => {
    expect(formatPath([])).toBe('$');
    expect(formatPath(['events', 3, 'conditions', 0, 'event'])).toBe('$.events[3].conditions[0].event');
    expect(formatPath(['animosity', 'south-caucasus', '$ref', 'a b'])).toBe('$.animosity["south-caucasus"].$ref["a b"]');
  });

  it('is the one function level.ts and the sim index hand out', () => {
    expect(fromLevel).toBe(formatPath);
    expect(fromIndex).toBe(formatPath);
  });

  it('has no copy elsewhere in src/sim', () => {
    const dir = join('src', 'sim');
    const copies = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && f !== 'json-path.ts')
      .filter((f) => /typeof \w+ === 'number' \? `\[\$\{\w+\}\]`/.test(readFileSync(join(dir, f), 'utf8')));
    expect(copies).toEqual([]);
    expect(readFileSync(join(dir, 'json-path.ts'), 'utf8')).not.toMatch(/^import /m);
  });
});
