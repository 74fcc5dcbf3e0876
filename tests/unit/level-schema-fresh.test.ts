// The generated files must match the zod schema: levels/level.schema.json and the
// reference section of docs/MODDING.md. Run `npm run -s schema` after changing the schema.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { caseInsensitive, MODDING_FILE, SCHEMA_FILE, buildJsonSchema, schemaText, undocumented, withReference } from '../../src/cli/schema';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

describe('generated schema and reference', () => {
  it(`${SCHEMA_FILE} is up to date (run npm run -s schema)`, () => {
    expect(read(SCHEMA_FILE)).toBe(schemaText());
  });

  it(`the reference in ${MODDING_FILE} is up to date (run npm run -s schema)`, () => {
    const doc = read(MODDING_FILE);
    expect(withReference(doc)).toBe(doc);
  });

  it('every field has a description', () => {
    expect(undocumented()).toEqual([]);
  });

  it('is draft 2020-12 with input types: defaulted fields are optional', () => {
    const js = buildJsonSchema() as { $schema: string; required: string[]; title: string };
    expect(js.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(js.title).toBe('Corridor level');
    expect(js.required).toContain('formatVersion');
    expect(js.required).not.toContain('params');
    expect(js.required).not.toContain('maxRouteSegments');
  });

  it('spells case-insensitive patterns out, since JSON Schema has no regex flags', () => {
    expect(caseInsensitive('^#[0-9a-f]{6}$')).toBe('^#[0-9a-fA-F]{6}$');
    expect(caseInsensitive('^ab\\d[xy]$')).toBe('^[aA][bB]\\d[xXyY]$');
    expect(schemaText()).toContain('"pattern": "^#[0-9a-fA-F]{6}$"');
  });
});
