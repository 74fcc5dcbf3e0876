// The drawing calls the map uses, so one drawing routine can target Phaser's Graphics (the
// animated layer, redrawn every frame) or a 2D canvas (the static layer, redrawn only when
// it changes). CanvasPen mirrors Graphics: colours as 0xRRGGBB plus an alpha, butt-ended
// lines, strokes centred on the outline.

export interface Pen {
  lineStyle(width: number, color: number, alpha?: number): unknown;
  fillStyle(color: number, alpha?: number): unknown;
  lineBetween(x1: number, y1: number, x2: number, y2: number): unknown;
  fillCircle(x: number, y: number, r: number): unknown;
  strokeCircle(x: number, y: number, r: number): unknown;
  fillRect(x: number, y: number, w: number, h: number): unknown;
  strokeRect(x: number, y: number, w: number, h: number): unknown;
  fillRoundedRect(x: number, y: number, w: number, h: number, r: number): unknown;
  strokeRoundedRect(x: number, y: number, w: number, h: number, r: number): unknown;
  fillTriangle(x1: number, y1: number, x2: number, y2: number, x3: number, y3: number): unknown;
  beginPath(): unknown;
  moveTo(x: number, y: number): unknown;
  lineTo(x: number, y: number): unknown;
  closePath(): unknown;
  fillPath(): unknown;
  strokePath(): unknown;
}

function rgba(color: number, alpha: number): string {
  return `rgba(${(color >> 16) & 255},${(color >> 8) & 255},${color & 255},${alpha})`;
}

export class CanvasPen implements Pen {
  constructor(private ctx: CanvasRenderingContext2D) {
    ctx.lineCap = 'butt';
    ctx.lineJoin = 'miter';
  }

  /** Resets the pen's canvas state after someone else drew on the context. */
  reset(): void {
    this.ctx.setTransform(1, 0, 0, 1, 0, 0);
    this.ctx.setLineDash([]);
    this.ctx.lineCap = 'butt';
    this.ctx.lineJoin = 'miter';
  }

  lineStyle(width: number, color: number, alpha = 1): void {
    this.ctx.lineWidth = width;
    this.ctx.strokeStyle = rgba(color, alpha);
  }

  fillStyle(color: number, alpha = 1): void {
    this.ctx.fillStyle = rgba(color, alpha);
  }

  lineBetween(x1: number, y1: number, x2: number, y2: number): void {
    const c = this.ctx;
    c.beginPath();
    c.moveTo(x1, y1);
    c.lineTo(x2, y2);
    c.stroke();
  }

  fillCircle(x: number, y: number, r: number): void {
    const c = this.ctx;
    c.beginPath();
    c.arc(x, y, r, 0, 2 * Math.PI);
    c.fill();
  }

  strokeCircle(x: number, y: number, r: number): void {
    const c = this.ctx;
    c.beginPath();
    c.arc(x, y, r, 0, 2 * Math.PI);
    c.stroke();
  }

  fillRect(x: number, y: number, w: number, h: number): void {
    this.ctx.fillRect(x, y, w, h);
  }

  strokeRect(x: number, y: number, w: number, h: number): void {
    this.ctx.strokeRect(x, y, w, h);
  }

  fillRoundedRect(x: number, y: number, w: number, h: number, r: number): void {
    const c = this.ctx;
    c.beginPath();
    c.roundRect(x, y, w, h, r);
    c.fill();
  }

  strokeRoundedRect(x: number, y: number, w: number, h: number, r: number): void {
    const c = this.ctx;
    c.beginPath();
    c.roundRect(x, y, w, h, r);
    c.stroke();
  }

  fillTriangle(x1: number, y1: number, x2: number, y2: number, x3: number, y3: number): void {
    const c = this.ctx;
    c.beginPath();
    c.moveTo(x1, y1);
    c.lineTo(x2, y2);
    c.lineTo(x3, y3);
    c.closePath();
    c.fill();
  }

  beginPath(): void {
    this.ctx.beginPath();
  }

  moveTo(x: number, y: number): void {
    this.ctx.moveTo(x, y);
  }

  lineTo(x: number, y: number): void {
    this.ctx.lineTo(x, y);
  }

  closePath(): void {
    this.ctx.closePath();
  }

  fillPath(): void {
    this.ctx.fill();
  }

  strokePath(): void {
    this.ctx.stroke();
  }
}
