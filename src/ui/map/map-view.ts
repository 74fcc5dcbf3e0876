// The map: a 2D canvas holds what changes only with the view (land, the network, nodes,
// route boxes), Phaser's transparent canvas above it animates flows, building and the power
// line, and the DOM layer on top carries every piece of text (labels, tooltips), so text stays
// crisp and readable. Input (hover, tap, drag, wheel, pinch, keys) is handled on the DOM element.
import * as Phaser from 'phaser';
import type { GeoProjection } from 'd3-geo';
import { mapKey, type LoadedLevel, type PlayerView, type SegmentView, type StateId } from '../sim';
import { clear, h } from '../dom';
import { money, mt, names, nameIn, MODE_LABEL, STATUS_LABEL } from '../format';
import { hex, MAP_COLORS, MODE_STYLE, OKABE_ITO } from '../palette';
import { decodeBasemap, drawBasemap, projectBasemap, type Basemap, type BasemapFile, type ProjectedBasemap } from './basemap';
import { cargoDirections, distToLine, lineLength, offsetLine, parallelOffsets, pointAt, type Line, type Pt } from './geometry';
import { fitProjection } from './projection';
import { buildLegend } from './legend';
import { CanvasPen, type Pen } from './pen';

/** Below this height (px) the map draws no boxes for the alternative routes. */
const ALT_MIN_HEIGHT = 240;

export interface MapInput { level: LoadedLevel; view: PlayerView; me: StateId | null }
export type MapPick = { kind: 'node' | 'segment' | 'power' | 'alt'; id: string };

interface NodeGeo { id: string; name: string; kind: string; lon: number; lat: number; wx: number; wy: number; origin: boolean; market: boolean; country?: string }

const PAD = { top: 74, right: 40, bottom: 84, left: 40 };
const MIN_K = 1;
const MAX_K = 10;
const EU_MEMBERS = new Set(['Romania', 'Hungary', 'Bulgaria', 'Greece', 'Austria', 'Slovakia', 'Croatia', 'Slovenia', 'Poland', 'Czechia', 'Italy', 'Germany', 'Cyprus']);

const norm = mapKey;

class MapScene extends Phaser.Scene {
  constructor(private host: CorridorMap) {
    super({ key: 'corridor-map' });
  }
  create(): void {
    this.host.attach(this);
  }
  override update(time: number): void {
    this.host.frame(time);
  }
}

export class CorridorMap {
  readonly root: HTMLElement;
  private canvasHost: HTMLElement;
  private labelLayer: HTMLElement;
  private tooltip: HTMLElement;
  private game: Phaser.Game;
  private scene: MapScene | null = null;
  /**
   * What changes only with the view, the pointer or the pan (land, coasts, borders, the network,
   * nodes, alternative routes) is a plain 2D canvas under Phaser's transparent one, drawn when it
   * changes; Phaser draws only what moves. Redrawn by WebGL every frame, these layers cost most of
   * each frame in a software-rendered (GPU-less) browser, and frames came 60-150 ms apart.
   */
  private baseCanvas: HTMLCanvasElement;
  /** The land alone (off screen), so a pointer's highlight redraws the network over a copy of it. */
  private landCanvas: HTMLCanvasElement = document.createElement('canvas');
  private pen: CanvasPen | null = null;
  private gAnim!: Phaser.GameObjects.Graphics;
  private basemap: Basemap;
  private projected: ProjectedBasemap | null = null;
  private projection: GeoProjection | null = null;
  private input: MapInput | null = null;
  private levelKey = '';
  private nodes = new Map<string, NodeGeo>();
  private labelEls = new Map<string, HTMLElement>();
  /** `ring`: the country's largest ring (world coordinates), which its label must stay over. */
  private countryLabels: { el: HTMLElement; wx: number; wy: number; own: boolean; ring: Float32Array; leader?: HTMLElement }[] = [];
  private altEls = new Map<string, HTMLElement>();
  private altBoxes = new Map<string, { x: number; y: number; w: number; h: number }>();
  private offsets = new Map<string, number>();
  private directions = new Map<string, boolean>();
  private width = 0;
  private height = 0;
  private k = 1;
  private tx = 0;
  private ty = 0;
  private dirtyBase = true;
  private dirtyStatic = true;
  private hover: MapPick | null = null;
  private pinned: MapPick | null = null;
  private highlighted: string | null = null;
  private drag: { x: number; y: number; tx: number; ty: number; moved: boolean } | null = null;
  private pointers = new Map<number, { x: number; y: number }>();
  private pinch: { d: number; k: number; cx: number; cy: number; tx: number; ty: number } | null = null;
  private readyResolve!: () => void;
  readonly ready: Promise<void>;
  /** Called when a feature is clicked or tapped (e.g. to show it in a panel). */
  onPick: ((pick: MapPick | null) => void) | null = null;

  constructor(root: HTMLElement, basemapFile: BasemapFile) {
    this.root = root;
    this.basemap = decodeBasemap(basemapFile);
    clear(root);
    root.classList.add('map-root');
    this.canvasHost = h('div', { class: 'map-canvas', 'data-testid': 'map-canvas' });
    this.baseCanvas = h('canvas', { class: 'map-base' });
    this.canvasHost.append(this.baseCanvas);
    this.labelLayer = h('div', { class: 'map-labels', 'aria-hidden': 'true' });
    this.tooltip = h('div', { class: 'map-tooltip', role: 'tooltip', id: 'map-tooltip', hidden: true });
    const controls = h(
      'div',
      { class: 'map-controls' },
      h('button', { type: 'button', 'aria-label': 'Zoom in', title: 'Zoom in (+)', 'data-testid': 'zoom-in', onclick: () => this.zoomBy(1.5) }, '+'),
      h('button', { type: 'button', 'aria-label': 'Zoom out', title: 'Zoom out (−)', 'data-testid': 'zoom-out', onclick: () => this.zoomBy(1 / 1.5) }, '−'),
      h('button', { type: 'button', 'aria-label': 'Show the whole map', title: 'Whole map (0)', 'data-testid': 'zoom-reset', onclick: () => this.resetView() }, '⤢'),
    );
    root.append(this.canvasHost, this.labelLayer, this.tooltip, controls, buildLegend());
    root.tabIndex = 0;
    root.setAttribute('role', 'application');
    root.setAttribute('aria-roledescription', 'map');
    root.setAttribute('aria-label', 'Map of the corridor. Arrow keys pan, plus and minus zoom. The Network tab lists every segment as text.');
    this.ready = new Promise((r) => (this.readyResolve = r));
    this.width = Math.max(1, this.canvasHost.clientWidth);
    this.height = Math.max(1, this.canvasHost.clientHeight);
    this.game = new Phaser.Game({
      type: Phaser.AUTO,
      parent: this.canvasHost,
      transparent: true,
      banner: false,
      audio: { noAudio: true },
      input: { keyboard: false, mouse: false, touch: false, gamepad: false },
      // Sized by hand below: Phaser's own RESIZE mode follows a hidden parent to 0x0 and
      // does not come back (the map stayed blank after the results screen).
      scale: { mode: Phaser.Scale.NONE, width: this.width, height: this.height },
      scene: [new MapScene(this)],
    });
    this.bindInput();
    // The sidebar can change the map's size without a window resize.
    new ResizeObserver(() => {
      const w = this.canvasHost.clientWidth;
      const hgt = this.canvasHost.clientHeight;
      if (w > 1 && hgt > 1 && (w !== this.game.scale.width || hgt !== this.game.scale.height)) this.game.scale.resize(w, hgt);
    }).observe(this.canvasHost);
  }

  /** Scene is up: create the layers. */
  attach(scene: MapScene): void {
    this.scene = scene;
    this.width = scene.scale.width;
    this.height = scene.scale.height;
    this.sizeBase();
    this.gAnim = scene.add.graphics();
    scene.scale.on('resize', (size: Phaser.Structs.Size) => this.resize(size.width, size.height));
    this.readyResolve();
    this.refit();
  }

  private sizeBase(): void {
    const c = this.baseCanvas;
    if (c.width !== this.width || c.height !== this.height) {
      c.width = this.width;
      c.height = this.height;
      c.style.width = `${this.width}px`;
      c.style.height = `${this.height}px`;
      this.landCanvas.width = this.width;
      this.landCanvas.height = this.height;
      this.pen = null; // a resized canvas loses its drawing state
      this.dirtyBase = true;
    }
  }

  destroy(): void {
    this.game.destroy(true);
  }

  setInput(input: MapInput): void {
    const key = `${input.level.id}:${input.level.hash}`;
    const newLevel = key !== this.levelKey;
    const meChanged = this.input?.me !== input.me;
    this.input = input;
    this.directions = cargoDirections(input.level, input.view);
    if (newLevel) {
      this.levelKey = key;
      this.k = 1;
      this.tx = 0;
      this.ty = 0;
      this.buildLabels();
      this.refit();
    }
    if (meChanged) {
      this.dirtyBase = true;
      if (!newLevel) this.placeCountryLabels(); // "· you" follows the perspective
    }
    this.dirtyStatic = true;
    this.refreshTooltip();
  }

  /** Emphasise one segment (e.g. the row under the pointer in a panel). */
  highlight(segmentId: string | null): void {
    this.highlighted = segmentId;
    this.dirtyStatic = true;
  }

  // ---------- layout ----------
  private resize(w: number, hgt: number): void {
    // A hidden screen (results, start) reports a zero size: keep the last real one, or the
    // projection collapses and the map stays blank when it comes back.
    if (w < 2 || hgt < 2) return;
    // Phaser resizes its camera only when it still matched the previous (zero) size.
    this.scene?.cameras.main.setSize(w, hgt);
    if (w === this.width && hgt === this.height) {
      this.dirtyBase = true;
      this.dirtyStatic = true;
      return;
    }
    const sx = w / Math.max(1, this.width);
    const sy = hgt / Math.max(1, this.height);
    this.width = w;
    this.height = hgt;
    this.sizeBase();
    this.tx *= sx;
    this.ty *= sy;
    this.refit();
  }

  private refit(): void {
    if (!this.input || !this.scene) return;
    const { level } = this.input;
    this.projection = fitProjection(level.nodes, this.width, this.height, PAD);
    this.projected = projectBasemap(this.basemap, this.projection);
    for (const n of level.nodes) {
      const p = this.projection([n.lon, n.lat]) ?? [0, 0];
      this.nodes.set(n.id, {
        id: n.id,
        name: n.name,
        kind: n.kind,
        lon: n.lon,
        lat: n.lat,
        wx: p[0],
        wy: p[1],
        origin: level.origins.includes(n.id),
        market: level.markets.includes(n.id),
        country: n.country,
      });
    }
    this.offsets = parallelOffsets(level.segments, 7);
    this.placeCountryLabels();
    this.dirtyBase = true;
    this.dirtyStatic = true;
  }

  private screen(n: NodeGeo): Pt {
    return { x: n.wx * this.k + this.tx, y: n.wy * this.k + this.ty };
  }

  private segLine(seg: { id: string; from: string; to: string }, extra = 0): Line | null {
    const a = this.nodes.get(seg.from);
    const b = this.nodes.get(seg.to);
    if (!a || !b) return null;
    return offsetLine(this.screen(a), this.screen(b), (this.offsets.get(seg.id) ?? 0) + extra);
  }

  private powerLine(st: { from: string; to: string }): Line | null {
    const a = this.nodes.get(st.from);
    const b = this.nodes.get(st.to);
    if (!a || !b) return null;
    // The power line runs beside the cargo network, always on the same side.
    return offsetLine(this.screen(a), this.screen(b), a.lon >= b.lon ? -11 : 11);
  }

  // ---------- frame ----------
  frame(time: number): void {
    if (!this.scene || !this.input) return;
    if (this.dirtyBase) this.redrawBase();
    if (this.dirtyStatic) this.redrawStatic();
    this.redrawAnim(time);
  }

  private countryKind(): (name: string) => 'player' | 'force' | 'own' | undefined {
    const input = this.input!;
    const byName = new Map<string, 'player' | 'force' | 'own'>();
    for (const s of input.level.states) byName.set(norm(s.name), s.id === input.me ? 'own' : 'player');
    for (const s of input.level.states) byName.set(norm(s.id), s.id === input.me ? 'own' : 'player');
    for (const f of input.level.forces) byName.set(norm(f.name), 'force');
    for (const f of input.level.forces) byName.set(norm(f.id), 'force');
    const hasEu = input.level.forces.some((f) => f.id === 'eu');
    return (name: string) => byName.get(norm(name)) ?? (hasEu && EU_MEMBERS.has(name) ? 'force' : undefined);
  }

  private redrawBase(): void {
    const ctx = this.landCanvas.getContext('2d');
    if (!ctx || !this.projected) return;
    const kindOf = this.countryKind();
    const fill = (name: string) => {
      const kind = kindOf(name);
      return kind === 'own' ? MAP_COLORS.landOwn : kind === 'player' ? MAP_COLORS.landPlayer : kind === 'force' ? MAP_COLORS.landForce : MAP_COLORS.land;
    };
    drawBasemap(ctx, this.projected, this.width, this.height, this.k, this.tx, this.ty, fill, (name) => kindOf(name) === 'own');
    this.dirtyBase = false;
    this.dirtyStatic = true;
  }

  private flowWidth(flow: number, maxCap: number): number {
    return 2.5 + 8 * Math.sqrt(Math.max(0, flow) / Math.max(1, maxCap));
  }

  private redrawStatic(): void {
    const ctx = this.baseCanvas.getContext('2d');
    if (!ctx) return;
    this.pen ??= new CanvasPen(ctx);
    const g = this.pen;
    g.reset();
    ctx.drawImage(this.landCanvas, 0, 0);
    const { view } = this.input!;
    const maxCap = Math.max(1, ...view.segments.map((s) => s.capacity));
    const segs = [...view.segments].sort((a, b) => statusOrder(a) - statusOrder(b));
    for (const seg of segs) {
      const l = this.segLine(seg);
      if (!l) continue;
      this.drawSegment(g, seg, l, maxCap);
    }
    for (const st of view.power) {
      const l = this.powerLine(st);
      if (l) this.drawPowerStage(g, st, l);
    }
    this.drawNodes(g);
    this.drawAltRoutes(g);
    this.layoutLabels();
    this.dirtyStatic = false;
  }

  private drawSegment(g: Pen, seg: SegmentView, l: Line, maxCap: number): void {
    const style = MODE_STYLE[seg.mode] ?? MODE_STYLE.road;
    const color = hex(style.color);
    const hl = this.highlighted === seg.id || (this.hover?.kind === 'segment' && this.hover.id === seg.id) || (this.pinned?.kind === 'segment' && this.pinned.id === seg.id);
    const open = seg.status === 'open' || seg.status === 'damaged';
    const w = open ? this.flowWidth(seg.flow, maxCap) : 2.5;
    if (hl) {
      g.lineStyle(w + 9, hex(MAP_COLORS.highlight), 0.45);
      g.lineBetween(l.x1, l.y1, l.x2, l.y2);
    }
    if (seg.status === 'planned') {
      g.lineStyle(w + 2, 0xffffff, 0.6);
      dashed(g, l, 8, 6, 0);
      g.lineStyle(w, color, 0.7);
      dashed(g, l, 8, 6, 0);
    } else if (seg.status === 'building') {
      const done = Math.max(0, Math.min(1, seg.progress / Math.max(1, seg.buildTurns)));
      g.lineStyle(w + 3, 0xffffff, 0.8);
      g.lineBetween(l.x1, l.y1, l.x2, l.y2);
      g.lineStyle(w, color, 0.45);
      dashed(g, l, 8, 6, 0);
      // The built share is drawn solid from the start node.
      if (done > 0) {
        const m = pointAt(l, done);
        g.lineStyle(w, color, 1);
        g.lineBetween(l.x1, l.y1, m.x, m.y);
      }
    } else {
      const alpha = seg.status === 'damaged' ? 0.45 : seg.usable ? 1 : 0.55;
      g.lineStyle(w + 3, 0xffffff, 0.85);
      if (style.pattern === 'dots') dotted(g, l, 7, w / 2 + 1.5, 0xffffff, 0.85);
      else g.lineBetween(l.x1, l.y1, l.x2, l.y2);
      g.lineStyle(w, color, alpha);
      if (style.pattern === 'dots') dotted(g, l, 7, w / 2 + 0.5, color, alpha);
      else if (style.pattern === 'dashdot') dashDot(g, l);
      else g.lineBetween(l.x1, l.y1, l.x2, l.y2);
      if (style.pattern === 'ties') ties(g, l, 10, w + 5, color, alpha);
    }
    const mid = pointAt(l, 0.5);
    if (seg.status === 'damaged') crossMarker(g, mid.x, mid.y, 7);
    else if (!seg.usable && seg.requires) noEntryMarker(g, mid.x, mid.y, 7);
  }

  private drawPowerStage(g: Pen, st: PlayerView['power'][number], l: Line): void {
    const hl = (this.hover?.kind === 'power' && this.hover.id === st.id) || (this.pinned?.kind === 'power' && this.pinned.id === st.id);
    const y = hex(MAP_COLORS.power);
    const edge = hex(MAP_COLORS.powerEdge);
    if (hl) {
      g.lineStyle(12, hex(MAP_COLORS.highlight), 0.45);
      g.lineBetween(l.x1, l.y1, l.x2, l.y2);
    }
    const alpha = st.status === 'planned' ? 0.55 : 1;
    g.lineStyle(5, edge, alpha);
    dashDot(g, l, 12, 4, 3);
    g.lineStyle(3, y, alpha);
    dashDot(g, l, 12, 4, 3);
    if (st.status === 'done') {
      g.lineStyle(2.5, y, 1);
      g.lineBetween(l.x1, l.y1, l.x2, l.y2);
    }
    // Stage marker: a diamond, filled once the stage is done.
    const m = pointAt(l, 0.5);
    g.fillStyle(st.status === 'done' ? y : 0xffffff, 1);
    g.lineStyle(2, edge, 1);
    diamond(g, m.x, m.y, 6.5);
  }

  private drawNodes(g: Pen): void {
    const black = hex(MAP_COLORS.node);
    for (const n of this.nodes.values()) {
      const { x, y } = this.screen(n);
      const hl = (this.hover?.kind === 'node' && this.hover.id === n.id) || (this.pinned?.kind === 'node' && this.pinned.id === n.id);
      if (hl) {
        g.fillStyle(hex(MAP_COLORS.highlight), 0.35);
        g.fillCircle(x, y, 13);
      }
      if (n.origin || n.market) {
        g.lineStyle(3, hex(n.origin ? OKABE_ITO.green : OKABE_ITO.purple), 1);
        g.strokeCircle(x, y, 10);
      }
      g.fillStyle(0xffffff, 1);
      g.lineStyle(2, black, 1);
      if (n.kind === 'port') {
        g.fillRect(x - 5, y - 5, 10, 10);
        g.strokeRect(x - 5, y - 5, 10, 10);
      } else if (n.kind === 'border') {
        diamond(g, x, y, 6);
      } else if (n.kind === 'hub') {
        g.fillStyle(black, 1);
        g.fillCircle(x, y, 4.5);
      } else {
        g.fillCircle(x, y, 5);
        g.strokeCircle(x, y, 5);
      }
    }
  }

  /** Alternative routes: arrows along the map's edges, west-bound, width by load. */
  private altSlots(): { id: string; edge: 'top' | 'bottom'; x1: number; x2: number; y: number }[] {
    const { view, level } = this.input!;
    const top: string[] = [];
    const bottom: string[] = [];
    for (const r of view.altRoutes) {
      const def = level.alternativeRoutes.find((d) => d.id === r.id);
      const north = /north|russia/i.test(r.id) || (def?.via ?? []).some((v) => /russia|belarus|north/i.test(v));
      (north && !r.sea ? top : bottom).push(r.id);
    }
    const out: { id: string; edge: 'top' | 'bottom'; x1: number; x2: number; y: number }[] = [];
    // A map this short (a small phone) would be mostly boxes: the Network tab lists the
    // alternative routes and their cargo instead.
    if (this.height < ALT_MIN_HEIGHT) return out;
    const place = (ids: string[], edge: 'top' | 'bottom') => {
      const n = ids.length;
      const margin = edge === 'top' ? 70 : 60;
      const slot = Math.min(400, (this.width - 2 * margin) / Math.max(1, n));
      ids.forEach((id, i) => {
        // Right to left: cargo enters in the east and leaves in the west.
        const x2 = this.width - margin - i * slot;
        const x1 = x2 - slot + 16;
        out.push({ id, edge, x1: Math.max(margin, x1), x2, y: edge === 'top' ? 30 : this.height - 30 });
      });
    };
    place(top, 'top');
    place(bottom, 'bottom');
    return out;
  }

  private drawAltRoutes(g: Pen): void {
    const { view } = this.input!;
    const maxCap = Math.max(1, ...view.segments.map((s) => s.capacity));
    this.altBoxes.clear();
    for (const el of this.altEls.values()) el.hidden = true;
    for (const slot of this.altSlots()) {
      const r = view.altRoutes.find((a) => a.id === slot.id)!;
      const hl = (this.hover?.kind === 'alt' && this.hover.id === r.id) || (this.pinned?.kind === 'alt' && this.pinned.id === r.id);
      const w = Math.min(14, this.flowWidth(r.flow, maxCap));
      const color = hex(MAP_COLORS.alt);
      const box = { x: slot.x1, y: slot.y - 22, w: slot.x2 - slot.x1, h: 44 };
      g.fillStyle(0xffffff, 0.88);
      g.fillRoundedRect(box.x, box.y, box.w, box.h, 8);
      g.lineStyle(hl ? 3 : 1, hl ? hex(MAP_COLORS.highlight) : 0x9a9488, 1);
      g.strokeRoundedRect(box.x, box.y, box.w, box.h, 8);
      // A west-bound arrow whose shaft thickens with the load; short in a narrow box (a phone),
      // to leave the text its room.
      const compact = box.w < 180;
      const tipX = box.x + 8;
      const tailX = box.x + (compact ? 24 : 46);
      g.lineStyle(w, color, 0.95);
      dashed(g, { x1: tailX, y1: slot.y, x2: tipX + 12, y2: slot.y }, 9, 4, 0);
      g.fillStyle(color, 1);
      g.fillTriangle(tipX, slot.y, tipX + 14, slot.y - (w / 2 + 6), tipX + 14, slot.y + (w / 2 + 6));
      this.altBoxes.set(r.id, box);
      const el = this.altEls.get(r.id);
      if (el) {
        el.hidden = false;
        // Short name on the map (the tooltip has the full one and the details).
        // In a narrow box (a 1024 window) "Southern via Iran" is "Southern": it was cut to "Southern via I…".
        const short = r.name.split(/[(,;]/)[0].replace(/\s*\broute\b/i, '').trim();
        el.firstElementChild!.textContent = compact ? short.replace(/\s+via\s.*$/i, '') : short;
        // Flow is last turn's; capacity is now (this turn's news may have cut it below that flow).
        const mtOnly = (kt: number) => mt(kt).replace(' Mt/yr', '');
        // Before the first resolution no cargo has been counted: show what the route can take,
        // not a row of zeros.
        const counted = this.input!.view.history.length > 0;
        el.lastElementChild!.textContent = !counted
          ? r.sea ? (compact ? 'the rest' : 'takes the overflow') : `${compact ? '≤' : 'up to'} ${mt(r.capacity)}`
          : compact
            ? `${r.sea ? mtOnly(r.flow) : `${mtOnly(r.flow)}/${mtOnly(r.capacity)}`} Mt/yr`
            : r.sea ? mt(r.flow) : r.flow > r.capacity ? `${mt(r.flow)} · now ${mt(r.capacity)}` : `${mtOnly(r.flow)} of ${mt(r.capacity)}`;
        el.title = r.name;
        el.style.left = `${box.x + (compact ? 28 : 54)}px`;
        el.style.top = `${box.y + 4}px`;
        el.style.width = `${box.w - (compact ? 32 : 60)}px`;
      }
    }
  }

  private redrawAnim(time: number): void {
    const g = this.gAnim;
    g.clear();
    const { view } = this.input!;
    const t = time / 1000;
    for (const seg of view.segments) {
      const l = this.segLine(seg);
      if (!l) continue;
      if (seg.status === 'building') {
        // Construction: a bright stripe running along the built part.
        const done = Math.max(0.08, Math.min(1, seg.progress / Math.max(1, seg.buildTurns)));
        const len = lineLength(l) * done;
        const pos = (t * 40) % Math.max(1, len + 30);
        const a = pointAt(l, Math.max(0, pos - 12) / Math.max(1, lineLength(l)));
        const b = pointAt(l, Math.min(len, pos) / Math.max(1, lineLength(l)));
        g.lineStyle(4, hex(OKABE_ITO.orange), 0.9);
        g.lineBetween(a.x, a.y, b.x, b.y);
      } else if (seg.status === 'open' && seg.flow > 0 && seg.mode !== 'cable') {
        // Cargo: dots that move in the direction of travel; denser with more flow.
        const forward = this.directions.get(seg.id) ?? true;
        const len = lineLength(l);
        const spacing = Math.max(14, 44 - Math.sqrt(seg.flow / 1000) * 6);
        const offset = (t * 26) % spacing;
        g.fillStyle(hex(MAP_COLORS.cargo), 0.8);
        for (let d = offset; d < len; d += spacing) {
          const p = pointAt(l, forward ? d / len : 1 - d / len);
          g.fillCircle(p.x, p.y, 1.8);
        }
      }
    }
    for (const st of view.power) {
      if (st.status === 'planned') continue;
      const l = this.powerLine(st);
      if (!l) continue;
      const len = lineLength(l);
      const speed = st.status === 'done' ? 70 : 25;
      const pos = (t * speed) % Math.max(1, len);
      const p = pointAt(l, pos / Math.max(1, len));
      g.fillStyle(hex(MAP_COLORS.power), 1);
      g.lineStyle(1.5, hex(MAP_COLORS.powerEdge), 1);
      g.fillCircle(p.x, p.y, 3.5);
      g.strokeCircle(p.x, p.y, 3.5);
    }
  }

  // ---------- labels (DOM) ----------
  private buildLabels(): void {
    clear(this.labelLayer);
    this.labelEls.clear();
    this.altEls.clear();
    this.countryLabels = [];
    const { level, view } = this.input!;
    for (const n of level.nodes) {
      const el = h('span', { class: `map-label kind-${n.kind}` }, n.name);
      this.labelEls.set(n.id, el);
      this.labelLayer.append(el);
    }
    for (const r of view.altRoutes) {
      const el = h('span', { class: 'map-alt-label' }, h('span', { class: 'alt-name' }, r.name), h('span', { class: 'alt-load' }, ''));
      this.altEls.set(r.id, el);
      this.labelLayer.append(el);
    }
  }

  private placeCountryLabels(): void {
    for (const c of this.countryLabels) { c.el.remove(); c.leader?.remove(); }
    this.countryLabels = [];
    if (!this.input || !this.projected) return;
    const wanted = new Map<string, { name: string; own: boolean }>();
    for (const s of this.input.level.states) {
      const label = { name: s.name, own: s.id === this.input.me };
      wanted.set(norm(s.name), label);
      wanted.set(norm(s.id), label);
    }
    for (const c of this.projected.countries) {
      const label = wanted.get(norm(c.name));
      if (!label) continue;
      // Centroid of the largest ring.
      let best: Float32Array | null = null;
      let bestA = 0;
      for (const r of c.rings) {
        const a = Math.abs(ringArea(r));
        if (a > bestA) { bestA = a; best = r; }
      }
      if (!best) continue;
      const [cx, cy] = ringCentroid(best);
      const el = label.own ? h('span', { class: 'map-country own' }, `${label.name} · you`) : h('span', { class: 'map-country' }, label.name);
      this.labelLayer.prepend(el);
      this.countryLabels.push({ el, wx: cx, wy: cy, own: label.own, ring: best });
    }
  }

  private layoutLabels(): void {
    const placed: { x: number; y: number; w: number; h: number }[] = [];
    const collides = (b: { x: number; y: number; w: number; h: number }) =>
      b.x < 0 || b.y < 0 || b.x + b.w > this.width || b.y + b.h > this.height ||
      placed.some((p) => b.x < p.x + p.w && b.x + b.w > p.x && b.y < p.y + p.h && b.y + b.h > p.y);
    // Reserve the alternative-route boxes and node markers first.
    for (const b of this.altBoxes.values()) placed.push(b);
    for (const n of this.nodes.values()) {
      const p = this.screen(n);
      placed.push({ x: p.x - 6, y: p.y - 6, w: 12, h: 12 });
    }
    const size = new Map<HTMLElement, { w: number; h: number }>();
    // Country labels sit over their own country: a label shifted off its centre to find room
    // must keep its centre inside the country (a small state's label pushed 40 px south
    // named the land of its neighbour), else it is hidden. Your own state's label comes
    // first and is always shown; node labels then make room for it.
    const countrySpot = (c: (typeof this.countryLabels)[number], force: boolean, boxed = force) => {
      const x = c.wx * this.k + this.tx;
      const y = c.wy * this.k + this.ty;
      const { w, h: hgt } = size.get(c.el)!;
      const boxes = LABEL_SHIFTS
        .filter(([dx, dy], i) => i === 0 || insideRing(c.ring, (x + dx - this.tx) / this.k, (y + dy - this.ty) / this.k))
        .map(([dx, dy]) => ({ x: x - w / 2 + dx, y: y - hgt / 2 + dy, w, h: hgt }));
      let box = boxes.find((b) => !collides(b));
      // A label with no room over its state (a small Caucasus state at the whole map's
      // zoom) goes beside it, boxed, with a line to its centre, rather than over the markers
      // and the names of the nodes; another state's only where that box has room, your own
      // always (over the markers if it must). Another state's box stays near (a long line
      // across the network named the wrong land at a glance).
      const callout = !box && boxed ? (c.own ? CALLOUT_SHIFTS : NEAR_CALLOUT_SHIFTS).map(([dx, dy]) => ({ x: x + dx - (w + 10) / 2, y: y + dy - (hgt + 2) / 2, w: w + 10, h: hgt + 2 })).find((b) => !collides(b)) : undefined;
      if (!box) box = callout ?? (force ? boxes[0] : undefined);
      c.el.classList.toggle('callout', callout !== undefined);
      if (c.leader) c.leader.hidden = callout === undefined;
      if (callout) {
        c.leader ??= this.labelLayer.insertBefore(h('span', { class: c.own ? 'map-leader own' : 'map-leader' }), this.labelLayer.firstChild);
        const [bx, by] = [callout.x + callout.w / 2, callout.y + callout.h / 2];
        // From the centre to where the line meets the box's edge.
        const [dx, dy] = [x - bx, y - by];
        const t = Math.min(callout.w / 2 / Math.max(Math.abs(dx), 1e-6), callout.h / 2 / Math.max(Math.abs(dy), 1e-6));
        const [ex, ey] = [bx + dx * t, by + dy * t];
        c.leader.style.width = `${Math.round(Math.hypot(x - ex, y - ey))}px`;
        c.leader.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px) rotate(${Math.atan2(ey - y, ex - x)}rad)`;
      }
      if (box) {
        placed.push(box);
        c.el.style.transform = `translate(${Math.round(box.x)}px, ${Math.round(box.y)}px)`;
        c.el.hidden = false;
      } else c.el.hidden = true;
    };
    const own = this.countryLabels.filter((c) => c.own);
    const priority = (n: NodeGeo) => (n.origin || n.market ? 0 : n.kind === 'port' ? 1 : n.kind === 'city' ? 2 : n.kind === 'hub' ? 3 : 4);
    const order = [...this.nodes.values()].sort((a, b) => priority(a) - priority(b));
    // Every size is read before any label moves: reads between writes forced a layout of the
    // page per label (~14 ms a redraw after a panel re-render). Each is shown first: a label
    // hidden by the last layout measures 0 wide (and a guessed width let a box run off the map),
    // and unboxed: a label boxed last time measured its box's padding twice.
    for (const el of this.labelEls.values()) el.hidden = false;
    for (const c of this.countryLabels) {
      c.el.hidden = false;
      c.el.classList.remove('callout');
    }
    for (const n of order) {
      const el = this.labelEls.get(n.id);
      if (el) size.set(el, { w: el.offsetWidth || n.name.length * 8, h: el.offsetHeight || 18 });
    }
    for (const c of this.countryLabels) size.set(c.el, { w: c.el.offsetWidth || 80, h: c.el.offsetHeight || 18 });
    for (const c of own) countrySpot(c, true);
    for (const n of order) {
      const el = this.labelEls.get(n.id);
      if (!el) continue;
      const p = this.screen(n);
      const { w, h: hgt } = size.get(el)!;
      const candidates = [
        { x: p.x + 9, y: p.y - hgt / 2 },
        { x: p.x - 9 - w, y: p.y - hgt / 2 },
        { x: p.x - w / 2, y: p.y - 9 - hgt },
        { x: p.x - w / 2, y: p.y + 9 },
        { x: p.x + 7, y: p.y - hgt - 3 },
        { x: p.x - w - 7, y: p.y + 3 },
      ];
      const spot = candidates.find((c) => !collides({ ...c, w, h: hgt }));
      if (spot) {
        placed.push({ ...spot, w, h: hgt });
        el.style.transform = `translate(${Math.round(spot.x)}px, ${Math.round(spot.y)}px)`;
        el.hidden = false;
      } else el.hidden = true;
    }
    // Every other state over its own land first, then a box for those left without room.
    for (const c of this.countryLabels) if (!c.own) countrySpot(c, false);
    for (const c of this.countryLabels) if (!c.own && c.el.hidden) countrySpot(c, false, true);
  }

  // ---------- picking and tooltip ----------
  private pickAt(x: number, y: number): MapPick | null {
    if (!this.input) return null;
    const p = { x, y };
    for (const [id, b] of this.altBoxes) if (x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h) return { kind: 'alt', id };
    let best: MapPick | null = null;
    let bestD = 12;
    for (const n of this.nodes.values()) {
      const d = Math.hypot(this.screen(n).x - x, this.screen(n).y - y);
      if (d < bestD) { bestD = d; best = { kind: 'node', id: n.id }; }
    }
    if (best) return best;
    bestD = 8;
    for (const st of this.input.view.power) {
      const l = this.powerLine(st);
      const d = l ? distToLine(p, l) : Infinity;
      if (d < bestD) { bestD = d; best = { kind: 'power', id: st.id }; }
    }
    for (const seg of this.input.view.segments) {
      const l = this.segLine(seg);
      const d = l ? distToLine(p, l) : Infinity;
      if (d < bestD) { bestD = d; best = { kind: 'segment', id: seg.id }; }
    }
    return best;
  }

  private tooltipLines(pick: MapPick): { title: string; rows: [string, string][] } | null {
    const { view, level } = this.input!;
    if (pick.kind === 'node') {
      const n = level.nodes.find((x) => x.id === pick.id);
      if (!n) return null;
      const rows: [string, string][] = [['Type', n.kind === 'border' ? 'border crossing' : n.kind]];
      if (n.country) rows.push(['In', nameIn(view, n.country)]);
      if (level.origins.includes(n.id)) rows.push(['Role', 'cargo origin (from China)']);
      if (level.markets.includes(n.id)) rows.push(['Role', 'market (Europe / Türkiye)']);
      const links = view.segments.filter((s) => s.from === n.id || s.to === n.id);
      if (links.length) rows.push(['Links', links.map((s) => s.name).join('; ')]);
      return { title: n.name, rows };
    }
    if (pick.kind === 'segment') {
      const s = view.segments.find((x) => x.id === pick.id);
      if (!s) return null;
      const rows: [string, string][] = [
        ['Mode', MODE_LABEL[s.mode] ?? s.mode],
        ['Status', STATUS_LABEL[s.status] + (s.upgrading ? ' (upgrade under way)' : '') + (!s.usable && s.status === 'open' ? ' — not usable now' : '')],
        ['Owners', names(view, s.owners)],
        ['Capacity', mt(s.capacity)],
        ['Flow last turn', mt(s.flow)],
        ['Risk', `${s.risk} / 100`],
      ];
      if (s.status !== 'open' || s.upgrading) {
        rows.push(['Cost', `${money(s.cost)} (funded ${money(s.funded)})`]);
        rows.push(['Progress', `${s.progress} of ${s.buildTurns} turns`]);
      }
      rows.push(['Fees', s.owners.map((o) => `${nameIn(view, o)}: ${s.fee[o] ?? 'standard'}`).join(', ') + (s.feeCap ? ` (capped at ${s.feeCap})` : '')]);
      if (s.cofunders.length) rows.push(['Co-funders', names(view, s.cofunders)]);
      if (s.requires) rows.push(['Needs', `peace track at "${s.requires}"`]);
      return { title: s.name, rows };
    }
    if (pick.kind === 'power') {
      const st = view.power.find((x) => x.id === pick.id);
      if (!st) return null;
      return {
        title: st.name,
        rows: [
          ['Power line', st.status === 'done' ? 'stage complete' : st.status === 'building' ? 'under construction' : 'planned — needs pledges'],
          ['Hosts', names(view, st.hosts)],
          ['Cost', `${money(st.cost)} (funded ${money(st.funded)})`],
          ['Progress', `${st.progress} of ${st.buildTurns} turns`],
        ],
      };
    }
    const r = view.altRoutes.find((x) => x.id === pick.id);
    if (!r) return null;
    const share = r.capacity > 0 ? Math.round((100 * r.flow) / r.capacity) : 0;
    return {
      title: r.name,
      rows: [
        ['Type', r.sea ? 'sea route (takes all overflow)' : 'alternative land route'],
        ['Load last turn', r.sea ? mt(r.flow) : r.flow > r.capacity ? `${mt(r.flow)}; capacity now ${mt(r.capacity)}` : `${mt(r.flow)} of ${mt(r.capacity)} (${share}%)`],
        ['Cost', `${r.cost} per Mt`],
        ['Transit', `${r.days} days`],
        ['Risk', `${r.risk} / 100`],
      ],
    };
  }

  private showTooltip(pick: MapPick | null, x: number, y: number): void {
    const content = pick ? this.tooltipLines(pick) : null;
    if (!content) {
      this.tooltip.hidden = true;
      return;
    }
    clear(this.tooltip);
    this.tooltip.append(
      h('div', { class: 'tt-title' }, content.title),
      h('dl', null, content.rows.flatMap(([k, v]) => [h('dt', null, k), h('dd', null, v)])),
    );
    this.tooltip.hidden = false;
    const tw = this.tooltip.offsetWidth;
    const th = this.tooltip.offsetHeight;
    const left = x + 16 + tw > this.width ? x - 16 - tw : x + 16;
    const top = Math.min(Math.max(4, y - th / 2), this.height - th - 4);
    this.tooltip.style.left = `${Math.max(4, left)}px`;
    this.tooltip.style.top = `${Math.max(4, top)}px`;
    this.tooltip.dataset.x = String(x);
    this.tooltip.dataset.y = String(y);
  }

  private refreshTooltip(): void {
    const pick = this.pinned ?? this.hover;
    if (pick && !this.tooltip.hidden) this.showTooltip(pick, Number(this.tooltip.dataset.x), Number(this.tooltip.dataset.y));
  }

  // ---------- view transform ----------
  private clampView(): void {
    const w = this.width;
    const hgt = this.height;
    this.k = Math.max(MIN_K, Math.min(MAX_K, this.k));
    // Keep at least 30% of the fitted area on screen.
    this.tx = Math.min(w * 0.7, Math.max(w * 0.3 - w * this.k, this.tx));
    this.ty = Math.min(hgt * 0.7, Math.max(hgt * 0.3 - hgt * this.k, this.ty));
    this.dirtyBase = true;
    this.dirtyStatic = true;
  }

  zoomBy(f: number, cx = this.width / 2, cy = this.height / 2): void {
    const k2 = Math.max(MIN_K, Math.min(MAX_K, this.k * f));
    this.tx = cx - ((cx - this.tx) * k2) / this.k;
    this.ty = cy - ((cy - this.ty) * k2) / this.k;
    this.k = k2;
    this.clampView();
    this.tooltip.hidden = true;
  }

  resetView(): void {
    this.k = 1;
    this.tx = 0;
    this.ty = 0;
    this.clampView();
  }

  /** Centre the view on a segment (from a panel). */
  focusSegment(id: string): void {
    const seg = this.input?.view.segments.find((s) => s.id === id);
    const a = seg && this.nodes.get(seg.from);
    const b = seg && this.nodes.get(seg.to);
    if (!a || !b) return;
    const mx = (a.wx + b.wx) / 2;
    const my = (a.wy + b.wy) / 2;
    this.k = Math.max(this.k, 2);
    this.tx = this.width / 2 - mx * this.k;
    this.ty = this.height / 2 - my * this.k;
    this.clampView();
    this.highlight(id);
  }

  private local(ev: PointerEvent | WheelEvent): Pt {
    const r = this.root.getBoundingClientRect();
    return { x: ev.clientX - r.left, y: ev.clientY - r.top };
  }

  private bindInput(): void {
    const el = this.root;
    el.addEventListener('wheel', (ev) => {
      ev.preventDefault();
      const p = this.local(ev);
      this.zoomBy(Math.exp(-ev.deltaY * 0.0015), p.x, p.y);
    }, { passive: false });
    el.addEventListener('pointerdown', (ev) => {
      if ((ev.target as HTMLElement).closest('button, summary, .map-legend')) return;
      const p = this.local(ev);
      this.pointers.set(ev.pointerId, p);
      el.setPointerCapture(ev.pointerId);
      if (this.pointers.size === 2) {
        const [a, b] = [...this.pointers.values()];
        this.pinch = { d: Math.hypot(a.x - b.x, a.y - b.y), k: this.k, cx: (a.x + b.x) / 2, cy: (a.y + b.y) / 2, tx: this.tx, ty: this.ty };
        this.drag = null;
      } else {
        this.drag = { x: p.x, y: p.y, tx: this.tx, ty: this.ty, moved: false };
      }
    });
    el.addEventListener('pointermove', (ev) => {
      const p = this.local(ev);
      if (this.pointers.has(ev.pointerId)) this.pointers.set(ev.pointerId, p);
      if (this.pinch && this.pointers.size === 2) {
        const [a, b] = [...this.pointers.values()];
        const d = Math.hypot(a.x - b.x, a.y - b.y);
        const k2 = Math.max(MIN_K, Math.min(MAX_K, (this.pinch.k * d) / Math.max(1, this.pinch.d)));
        this.tx = this.pinch.cx - ((this.pinch.cx - this.pinch.tx) * k2) / this.pinch.k;
        this.ty = this.pinch.cy - ((this.pinch.cy - this.pinch.ty) * k2) / this.pinch.k;
        this.k = k2;
        this.clampView();
        return;
      }
      if (this.drag) {
        const dx = p.x - this.drag.x;
        const dy = p.y - this.drag.y;
        if (this.drag.moved || Math.hypot(dx, dy) > 5) {
          this.drag.moved = true;
          this.tx = this.drag.tx + dx;
          this.ty = this.drag.ty + dy;
          this.clampView();
          this.tooltip.hidden = true;
          el.classList.add('dragging');
          return;
        }
      }
      if (ev.pointerType === 'mouse' && !this.pinned) {
        const pick = this.pickAt(p.x, p.y);
        if (!samePick(pick, this.hover)) {
          this.hover = pick;
          this.dirtyStatic = true;
        }
        el.style.cursor = pick ? 'pointer' : 'grab';
        this.showTooltip(pick, p.x, p.y);
      }
    });
    const end = (ev: PointerEvent) => {
      const p = this.local(ev);
      const wasTap = this.drag && !this.drag.moved && this.pointers.size === 1;
      this.pointers.delete(ev.pointerId);
      if (this.pointers.size < 2) this.pinch = null;
      el.classList.remove('dragging');
      if (wasTap && ev.type === 'pointerup') {
        const pick = this.pickAt(p.x, p.y);
        this.pinned = pick && !samePick(pick, this.pinned) ? pick : null;
        this.hover = null;
        this.dirtyStatic = true;
        this.showTooltip(this.pinned, p.x, p.y);
        this.onPick?.(this.pinned);
      }
      this.drag = null;
    };
    el.addEventListener('pointerup', end);
    el.addEventListener('pointercancel', end);
    el.addEventListener('pointerleave', () => {
      if (!this.pinned) {
        this.hover = null;
        this.tooltip.hidden = true;
        this.dirtyStatic = true;
      }
    });
    el.addEventListener('keydown', (ev) => {
      if (ev.target !== el) return;
      const step = 60;
      const keys: Record<string, () => void> = {
        ArrowLeft: () => { this.tx += step; this.clampView(); },
        ArrowRight: () => { this.tx -= step; this.clampView(); },
        ArrowUp: () => { this.ty += step; this.clampView(); },
        ArrowDown: () => { this.ty -= step; this.clampView(); },
        '+': () => this.zoomBy(1.5),
        '=': () => this.zoomBy(1.5),
        '-': () => this.zoomBy(1 / 1.5),
        '0': () => this.resetView(),
        Escape: () => { this.pinned = null; this.tooltip.hidden = true; this.dirtyStatic = true; },
      };
      const fn = keys[ev.key];
      if (fn) {
        ev.preventDefault();
        fn();
      }
    });
  }
}

function samePick(a: MapPick | null, b: MapPick | null): boolean {
  return a?.kind === b?.kind && a?.id === b?.id;
}

function statusOrder(s: SegmentView): number {
  return s.status === 'planned' ? 0 : s.status === 'building' ? 1 : s.status === 'damaged' ? 2 : 3;
}

/** Where your own state's boxed label may go when there is no room over the state: the box's
 * centre from the state's, south (over open land in the default level) first. */
const CALLOUT_SHIFTS: readonly (readonly [number, number])[] = [[0, 60], [70, 50], [-70, 50], [0, -60], [70, -50], [-70, -50], [0, 95], [110, 70], [-110, 70], [0, -95], [110, -70], [-110, -70], [150, 0], [-150, 0]];
/** Where another state's boxed label may go: the spots of CALLOUT_SHIFTS within 100 px, then
 * (for a map too small for those: 1024x640 left Uzbekistan unnamed) rings of 60, 80 and 100 px
 * around the centre, every 30 degrees from due south. */
const NEAR_CALLOUT_SHIFTS: readonly (readonly [number, number])[] = [
  ...CALLOUT_SHIFTS.filter(([dx, dy]) => Math.hypot(dx, dy) <= 100),
  ...[60, 80, 100].flatMap((r) => Array.from({ length: 12 }, (_, i) => [Math.round(r * Math.sin((i * Math.PI) / 6)), Math.round(r * Math.cos((i * Math.PI) / 6))] as const)),
];
/** Where a country label may move to find room, in px from its country's centre. */
const LABEL_SHIFTS: readonly (readonly [number, number])[] = [[0, 0], [0, -11], [0, 11], [-20, 0], [20, 0], [0, -22], [0, 22], [-40, 0], [40, 0], [0, -44], [0, 44]];

/** Even-odd test of a point against a ring of x, y pairs. */
function insideRing(r: Float32Array, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = r.length - 2; i < r.length; j = i, i += 2) {
    if ((r[i + 1] > y) !== (r[j + 1] > y) && x < ((r[j] - r[i]) * (y - r[i + 1])) / (r[j + 1] - r[i + 1]) + r[i]) inside = !inside;
  }
  return inside;
}

function ringArea(r: Float32Array): number {
  let s = 0;
  for (let i = 0; i < r.length; i += 2) {
    const j = (i + 2) % r.length;
    s += r[i] * r[j + 1] - r[j] * r[i + 1];
  }
  return s / 2;
}

function ringCentroid(r: Float32Array): [number, number] {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < r.length; i += 2) {
    const j = (i + 2) % r.length;
    const f = r[i] * r[j + 1] - r[j] * r[i + 1];
    a += f;
    cx += (r[i] + r[j]) * f;
    cy += (r[i + 1] + r[j + 1]) * f;
  }
  return a === 0 ? [r[0], r[1]] : [cx / (3 * a), cy / (3 * a)];
}

// ---------- stroke patterns (Graphics has no dashes) ----------
function dashed(g: Pen, l: Line, dash: number, gap: number, phase: number): void {
  const len = lineLength(l);
  if (len < 1) return;
  for (let d = -phase; d < len; d += dash + gap) {
    const a = pointAt(l, Math.max(0, d) / len);
    const b = pointAt(l, Math.min(len, d + dash) / len);
    if (d + dash > 0) g.lineBetween(a.x, a.y, b.x, b.y);
  }
}

function dashDot(g: Pen, l: Line, dash = 10, gap = 4, dot = 2): void {
  const len = lineLength(l);
  if (len < 1) return;
  const period = dash + gap + dot + gap;
  for (let d = 0; d < len; d += period) {
    let a = pointAt(l, d / len);
    let b = pointAt(l, Math.min(len, d + dash) / len);
    g.lineBetween(a.x, a.y, b.x, b.y);
    const s = d + dash + gap;
    if (s < len) {
      a = pointAt(l, s / len);
      b = pointAt(l, Math.min(len, s + dot) / len);
      g.lineBetween(a.x, a.y, b.x, b.y);
    }
  }
}

function dotted(g: Pen, l: Line, spacing: number, r: number, color: number, alpha: number): void {
  const len = lineLength(l);
  g.fillStyle(color, alpha);
  for (let d = 0; d <= len; d += spacing) {
    const p = pointAt(l, d / Math.max(1, len));
    g.fillCircle(p.x, p.y, r);
  }
}

function ties(g: Pen, l: Line, spacing: number, size: number, color: number, alpha: number): void {
  const len = lineLength(l);
  if (len < spacing) return;
  const nx = -(l.y2 - l.y1) / len;
  const ny = (l.x2 - l.x1) / len;
  g.lineStyle(1.5, color, alpha);
  for (let d = spacing / 2; d < len; d += spacing) {
    const p = pointAt(l, d / len);
    g.lineBetween(p.x - (nx * size) / 2, p.y - (ny * size) / 2, p.x + (nx * size) / 2, p.y + (ny * size) / 2);
  }
}

function diamond(g: Pen, x: number, y: number, r: number): void {
  g.beginPath();
  g.moveTo(x, y - r);
  g.lineTo(x + r, y);
  g.lineTo(x, y + r);
  g.lineTo(x - r, y);
  g.closePath();
  g.fillPath();
  g.strokePath();
}

function crossMarker(g: Pen, x: number, y: number, r: number): void {
  g.fillStyle(0xffffff, 1);
  g.fillCircle(x, y, r + 3);
  g.lineStyle(3, hex(MAP_COLORS.damaged), 1);
  g.lineBetween(x - r, y - r, x + r, y + r);
  g.lineBetween(x - r, y + r, x + r, y - r);
}

function noEntryMarker(g: Pen, x: number, y: number, r: number): void {
  g.fillStyle(0xffffff, 1);
  g.fillCircle(x, y, r + 1);
  g.lineStyle(2, hex(MAP_COLORS.node), 1);
  g.strokeCircle(x, y, r);
  g.lineStyle(3, hex(MAP_COLORS.node), 1);
  g.lineBetween(x - r + 2.5, y, x + r - 2.5, y);
}
