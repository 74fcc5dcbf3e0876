// Screen geometry for the network: node positions, parallel-segment offsets, distances.
// Pure functions of the level and the current projection/view transform.
import type { LoadedLevel, PlayerView } from '../sim';

export interface Pt { x: number; y: number }
export interface Line { x1: number; y1: number; x2: number; y2: number }

export function offsetLine(a: Pt, b: Pt, offset: number): Line {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  const nx = -dy / len;
  const ny = dx / len;
  return { x1: a.x + nx * offset, y1: a.y + ny * offset, x2: b.x + nx * offset, y2: b.y + ny * offset };
}

export function lineLength(l: Line): number {
  return Math.hypot(l.x2 - l.x1, l.y2 - l.y1);
}

export function pointAt(l: Line, t: number): Pt {
  return { x: l.x1 + (l.x2 - l.x1) * t, y: l.y1 + (l.y2 - l.y1) * t };
}

export function distToLine(p: Pt, l: Line): number {
  const dx = l.x2 - l.x1;
  const dy = l.y2 - l.y1;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - l.x1) * dx + (p.y - l.y1) * dy) / len2));
  return Math.hypot(p.x - (l.x1 + t * dx), p.y - (l.y1 + t * dy));
}

/** Offsets (px) that fan out segments sharing the same pair of nodes. */
export function parallelOffsets(segments: { id: string; from: string; to: string }[], spacing: number): Map<string, number> {
  const groups = new Map<string, string[]>();
  for (const s of segments) {
    const key = s.from < s.to ? `${s.from}|${s.to}` : `${s.to}|${s.from}`;
    const list = groups.get(key) ?? [];
    list.push(s.id);
    groups.set(key, list);
  }
  const out = new Map<string, number>();
  for (const [key, ids] of groups) {
    const [first] = key.split('|');
    ids.forEach((id, i) => {
      const seg = segments.find((s) => s.id === id)!;
      // Offsets are measured along the normal of from->to; flip so the pair shares one frame.
      const sign = seg.from === first ? 1 : -1;
      out.set(id, sign * (i - (ids.length - 1) / 2) * spacing);
    });
  }
  return out;
}

/** Which way cargo runs on each segment (true: from -> to), from the level's routes. */
export function cargoDirections(level: LoadedLevel, view: PlayerView): Map<string, boolean> {
  const weight = new Map<string, number>();
  const flows = new Map(view.routes.map((r) => [r.id, r.flow]));
  for (const r of level.routes) {
    const f = (flows.get(r.id) ?? 0) + 1; // +1: unused routes still give a direction
    r.segments.forEach((segId, i) => {
      const def = level.segments.find((s) => s.id === segId);
      if (!def) return;
      const forward = def.from === r.nodes[i];
      weight.set(segId, (weight.get(segId) ?? 0) + (forward ? f : -f));
    });
  }
  const out = new Map<string, boolean>();
  for (const s of level.segments) {
    const w = weight.get(s.id);
    if (w !== undefined && w !== 0) out.set(s.id, w > 0);
    else {
      // No route uses it: assume east -> west, the corridor's direction of travel.
      const a = level.nodes.find((n) => n.id === s.from);
      const b = level.nodes.find((n) => n.id === s.to);
      out.set(s.id, !a || !b || a.lon >= b.lon);
    }
  }
  return out;
}
