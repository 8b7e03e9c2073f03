import type { Inks } from "./inks";
import { clamp, lerp, type Fill, type Pen, type Pt } from "./pen";
import { drawProp } from "./props";
import { heightAt, NIGHT_SKY, PALE, right, type Stage } from "./stage";

// Indoors: a room or an office as a one-point box around the back wall, and desks.

export function room(pen: Pen, inks: Inks, s: Stage, kind: "home" | "office"): void {
  const night = s.time === "night";
  // The back wall sits a few metres behind the subject: find its floor line and height.
  const backY = lerp(s.horizon, Math.max(s.refY, s.horizon + s.u), 0.45);
  const hBack = heightAt(s, backY);
  const wallTop = backY - hBack * 1.6;
  const halfW = hBack * (kind === "office" ? 4.2 : 3.2);
  const bl: Pt = [s.vp - halfW, backY];
  const br: Pt = [s.vp + halfW, backY];
  const tl: Pt = [s.vp - halfW, wallTop];
  const tr: Pt = [s.vp + halfW, wallTop];
  const ext = (p: Pt, k: number): Pt => [s.vp + (p[0] - s.vp) * k, s.horizon + (p[1] - s.horizon) * k];
  const wall: Fill = night ? { color: "#a5a29b", opacity: 1 } : { color: "#ece7dc", opacity: 1 };
  const sideWall: Fill = night ? { color: "#97948d", opacity: 1 } : { color: "#e3ded2", opacity: 1 };
  const K = 8;
  // Ceiling, side walls, floor as the room box around the back wall.
  pen.fillRect(s.panel, sideWall);
  pen.fillPoly([tl, tr, ext(tr, K), ext(tl, K)], night ? { color: "#8e8b84", opacity: 1 } : { color: "#ddd8cc", opacity: 1 });
  pen.fillPoly([bl, br, ext(br, K), ext(bl, K)], night ? { color: "#b4b0a8", opacity: 1 } : { color: "#d9d3c4", opacity: 1 });
  pen.fillPoly([tl, tr, br, bl], wall);
  // Floorboards converge to the vanishing point.
  for (let i = -8; i <= 8; i++) {
    const p: Pt = [s.vp + (halfW * i) / 8, backY];
    pen.line(p, ext(p, K), { ...inks.faint, opacity: 0.4 }, 0);
  }
  for (const k of [1.3, 1.8, 2.6, 4]) pen.line(ext(bl, k), ext(br, k), { ...inks.faint, opacity: 0.3 }, 0);
  pen.poly([ext(tl, K), tl, tr, ext(tr, K)], inks.light);
  pen.poly([ext(bl, K), bl, br, ext(br, K)], inks.light);
  pen.line(tl, bl, inks.light, 0);
  pen.line(tr, br, inks.light, 0);
  // Skirting board.
  pen.line([bl[0], backY - hBack * 0.06], [br[0], backY - hBack * 0.06], inks.faint, 0);

  // Window on the back wall, off to the side the subject is not on.
  const subjectLeft = (s.keepClear[0] + s.keepClear[1]) / 2 < s.vp;
  // Close shots see only a slice of the back wall: keep the window and the board inside it.
  const inPanel = (x: number, margin: number): number => clamp(x, s.panel.x + margin, right(s) - margin);
  const wx = inPanel(s.vp + (subjectLeft ? 1 : -1) * halfW * 0.5, Math.min(s.panel.w * 0.2, hBack * (kind === "office" ? 0.9 : 0.5)));
  const ww = hBack * (kind === "office" ? 1.6 : 0.9);
  const wy0 = backY - hBack * 1.35;
  const wy1 = backY - hBack * 0.5;
  const win: Pt[] = [
    [wx - ww / 2, wy0],
    [wx + ww / 2, wy0],
    [wx + ww / 2, wy1],
    [wx - ww / 2, wy1],
  ];
  if (night) {
    pen.fillPoly(win, NIGHT_SKY);
    pen.hatch(win, -62, s.u * 0.6, { ...inks.hatch, color: "#3a3937" });
    pen.fillEllipse(wx + ww * 0.22, wy0 + (wy1 - wy0) * 0.3, hBack * 0.08, hBack * 0.08, PALE);
  } else {
    pen.fillPoly(win, PALE);
    if (s.time === "sunset") pen.fillPoly(win, { color: "#b8b3aa", opacity: 0.35 });
    // Rooftops seen through the window.
    pen.poly(
      [
        [wx - ww / 2, wy1 - hBack * 0.2],
        [wx - ww * 0.2, wy1 - hBack * 0.2],
        [wx - ww * 0.2, wy1 - hBack * 0.32],
        [wx + ww * 0.15, wy1 - hBack * 0.32],
        [wx + ww * 0.15, wy1 - hBack * 0.15],
        [wx + ww / 2, wy1 - hBack * 0.15],
      ],
      inks.faint,
    );
  }
  if (kind === "office") {
    // Blinds.
    for (let k = 1; k < 9; k++) {
      const y = lerp(wy0, wy1, k / 9);
      pen.line([wx - ww / 2, y], [wx + ww / 2, y], { ...inks.faint, opacity: 0.5 }, 0);
    }
  } else {
    pen.line([wx, wy0], [wx, wy1], inks.light, 0);
    pen.line([wx - ww / 2, (wy0 + wy1) / 2], [wx + ww / 2, (wy0 + wy1) / 2], inks.light, 0);
    // Curtains.
    for (const sg of [-1, 1]) {
      const cx = wx + sg * ww * 0.58;
      const cur: Pt[] = [
        [cx - ww * 0.1, wy0 - hBack * 0.06],
        [cx + ww * 0.1, wy0 - hBack * 0.06],
        [cx + ww * 0.12 + sg * ww * 0.03, wy1 + hBack * 0.15],
        [cx - ww * 0.12 + sg * ww * 0.03, wy1 + hBack * 0.15],
      ];
      pen.fillPoly(cur, inks.tone.t1);
      pen.poly(cur, inks.faint, true);
    }
  }
  pen.poly(win, inks.light, true);

  const ox = inPanel(s.vp + (subjectLeft ? -1 : 1) * halfW * 0.55, Math.min(s.panel.w * 0.2, hBack * 0.7));
  if (kind === "office") {
    // Whiteboard with a rising chart.
    const bw = hBack * 1.3;
    const by0 = backY - hBack * 1.3;
    const by1 = backY - hBack * 0.6;
    const board: Pt[] = [
      [ox - bw / 2, by0],
      [ox + bw / 2, by0],
      [ox + bw / 2, by1],
      [ox - bw / 2, by1],
    ];
    pen.fillPoly(board, PALE);
    pen.poly(board, inks.light, true);
    const chart: Pt[] = [0, 1, 2, 3, 4].map((k) => [ox - bw * 0.38 + (bw * 0.76 * k) / 4, by1 - (by1 - by0) * (0.2 + [0, 0.15, 0.1, 0.4, 0.65][k]!)]);
    pen.poly(chart, { ...inks.light, color: inks.accent, opacity: 0.9 });
    pen.line([ox - bw * 0.4, by1 - (by1 - by0) * 0.12], [ox + bw * 0.4, by1 - (by1 - by0) * 0.12], inks.faint, 0);
    // Ceiling light panels.
    for (const k of [1.4, 2.2]) {
      for (const sg of [-0.5, 0.5]) {
        const c = ext([s.vp + sg * halfW, wallTop], k);
        const q = ext([s.vp + sg * halfW * 0.6, wallTop], k * 1.15);
        pen.fillPoly([c, [c[0] + hBack * 0.5 * k, c[1]], [q[0] + hBack * 0.5 * k * 1.15, q[1]], q], PALE);
      }
    }
    // Desks with monitors along the side walls.
    for (const sg of [-1, 1]) {
      for (const k of [1.15, 1.6]) {
        const p = ext([s.vp + sg * halfW * 0.8, backY], k);
        if (p[0] > s.keepClear[0] - hBack && p[0] < s.keepClear[1] + hBack && k > 1.3) continue;
        const h = heightAt(s, p[1]);
        desk(pen, inks, p[0], p[1], h, true);
      }
    }
  } else {
    // A framed picture and, depending on the words, a counter or a sofa.
    const pw = hBack * 0.55;
    const py = backY - hBack * 1.2;
    pen.fillRect({ x: ox - pw / 2, y: py, w: pw, h: pw * 0.75 }, inks.tone.t1);
    pen.poly(
      [
        [ox - pw / 2, py],
        [ox + pw / 2, py],
        [ox + pw / 2, py + pw * 0.75],
        [ox - pw / 2, py + pw * 0.75],
      ],
      inks.light,
      true,
    );
    pen.poly(
      [
        [ox - pw * 0.35, py + pw * 0.6],
        [ox - pw * 0.05, py + pw * 0.25],
        [ox + pw * 0.1, py + pw * 0.45],
        [ox + pw * 0.35, py + pw * 0.2],
      ],
      inks.faint,
    );
    if (s.words.counter) {
      // Counter along the back wall with shelves and a pendant lamp: a café or kitchen.
      const cy = backY - hBack * 0.52;
      pen.fillPoly([[bl[0], cy], [br[0], cy], [br[0] + 0, backY], [bl[0], backY]], inks.tone.t1);
      pen.fillPoly([[bl[0], cy], [br[0], cy], [br[0] + hBack * 0.1, cy + hBack * 0.06], [bl[0] - hBack * 0.1, cy + hBack * 0.06]], PALE);
      pen.poly([[bl[0] - hBack * 0.1, cy + hBack * 0.06], [br[0] + hBack * 0.1, cy + hBack * 0.06]], inks.light);
      pen.line([bl[0], cy], [br[0], cy], inks.light, 0);
      for (let k = 0; k < 3; k++) {
        const sy = backY - hBack * (1.05 + k * 0.18);
        pen.line([s.vp - halfW * 0.25, sy], [s.vp + halfW * 0.25, sy], inks.light, 0);
        for (let j = 0; j < 6; j++) {
          const jx = s.vp - halfW * 0.22 + (halfW * 0.44 * j) / 5;
          pen.fillRect({ x: jx - hBack * 0.03, y: sy - hBack * 0.1, w: hBack * 0.06, h: hBack * 0.1 }, j % 2 ? inks.tone.t2 : inks.tone.t3);
        }
      }
      for (const sg of [-0.3, 0.3]) {
        const lx = s.vp + sg * halfW;
        pen.line([lx, wallTop], [lx, wallTop + hBack * 0.5], inks.faint, 0);
        const shade: Pt[] = [
          [lx - hBack * 0.1, wallTop + hBack * 0.62],
          [lx - hBack * 0.04, wallTop + hBack * 0.5],
          [lx + hBack * 0.04, wallTop + hBack * 0.5],
          [lx + hBack * 0.1, wallTop + hBack * 0.62],
        ];
        pen.fillPoly(shade, night ? PALE : inks.tone.t3);
        pen.poly(shade, inks.light, true);
      }
    } else {
      const sw = hBack * 1.4;
      const sx = ox;
      const sy = backY;
      const sofa: Pt[] = [
        [sx - sw / 2, sy],
        [sx - sw / 2, sy - hBack * 0.45],
        [sx + sw / 2, sy - hBack * 0.45],
        [sx + sw / 2, sy],
      ];
      pen.fillPoly(sofa, inks.tone.t2);
      pen.poly(sofa, inks.light, true);
      pen.line([sx - sw / 2, sy - hBack * 0.25], [sx + sw / 2, sy - hBack * 0.25], inks.light, 0);
      pen.line([sx, sy - hBack * 0.25], [sx, sy - hBack * 0.45], inks.faint, 0);
      if (night || s.words.props.includes("lamp")) {
        drawProp(pen, inks, "lamp", sx + sw * 0.65 * (subjectLeft ? 1 : -1), sy, hBack * 0.95, {
          dir: 1,
          hero: false,
          steam: false,
          plant: false,
          night,
          moving: false,
          detailed: false,
        });
      }
    }
  }
  if (night) {
    // Room tone: lamplight falls off into the corners.
    pen.hatch(
      [
        [s.panel.x, s.panel.y],
        [right(s), s.panel.y],
        [right(s), wallTop],
        [s.panel.x, wallTop],
      ],
      -50,
      s.u * 0.9,
      inks.hatch,
    );
  }
}

/** A desk with a monitor, drawn side-on at a depth where a person is h px tall. */
export function desk(pen: Pen, inks: Inks, x: number, y: number, h: number, monitor: boolean): void {
  const w = h * 0.9;
  const top = y - h * 0.42;
  pen.fillRect({ x: x - w / 2, y: top, w, h: h * 0.04 }, inks.tone.t2);
  pen.poly(
    [
      [x - w / 2, top],
      [x + w / 2, top],
      [x + w / 2, top + h * 0.04],
      [x - w / 2, top + h * 0.04],
    ],
    inks.light,
    true,
  );
  pen.line([x - w * 0.45, top + h * 0.04], [x - w * 0.45, y], inks.light, 0);
  pen.line([x + w * 0.45, top + h * 0.04], [x + w * 0.45, y], inks.light, 0);
  if (monitor) {
    const mw = h * 0.32;
    const mh = h * 0.2;
    const mx = x + w * 0.1;
    pen.fillRect({ x: mx - mw / 2, y: top - mh - h * 0.05, w: mw, h: mh }, inks.tone.t4);
    pen.line([mx, top - h * 0.05], [mx, top], inks.light, 0);
    pen.line([mx - mw * 0.2, top], [mx + mw * 0.2, top], inks.light, 0);
  }
}
