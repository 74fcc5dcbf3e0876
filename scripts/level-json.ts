// Writes level JSON the way people read it: small objects and arrays on one line,
// big ones broken over lines, two-space indents. Used by the level scripts.
const WIDTH = 110;

function inline(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(', ')}}`;
}

function format(value: unknown, indent: string, prefixLength: number): string {
  const flat = inline(value);
  if (value === null || typeof value !== 'object' || indent.length + prefixLength + flat.length <= WIDTH) return flat;
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + format(v, inner, 0)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries
    .map(([k, v]) => {
      const key = `${JSON.stringify(k)}: `;
      return inner + key + format(v, inner, key.length);
    })
    .join(',\n')}\n${indent}}`;
}

export function formatLevelJson(value: unknown): string {
  return format(value, '', 0) + '\n';
}
