// A JSON path as findings name it: $.segments[3].from, $.animosity["south-caucasus"].
// Its own module, importing nothing, so that the loader (level.ts) and the checks it runs
// (level-check.ts, level-check-events.ts) share it without an import cycle.

export function formatPath(path: readonly (string | number)[]): string {
  let out = '$';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`;
  return out;
}
