import type { Outcome } from './measure';

const W = 640;
const H = 420;
const PAD = { left: 56, right: 16, top: 36, bottom: 48 };

/**
 * An SVG chart of estimated against real wait at check-in: for each 5-minute band of the estimate, the mean real
 * wait (dot) with the 10th-90th percentile of real waits (bar), the mean range shown (shaded), and the line where
 * estimate equals reality. Drawn by hand: a few dozen shapes, no chart library needed on the server.
 */
export function estimateChart(outcomes: readonly Outcome[], title: string): string {
  const checkIns = outcomes.filter((o) => o.atCheckIn);
  const bands = new Map<number, Outcome[]>();
  for (const o of checkIns) {
    const band = Math.floor(o.eta / 5) * 5;
    let list = bands.get(band);
    if (!list) bands.set(band, (list = []));
    list.push(o);
  }
  const kept = [...bands.entries()].filter(([, list]) => list.length >= 5).sort((a, b) => a[0] - b[0]);
  const top = Math.max(30, ...kept.map(([band]) => band + 5), ...kept.map(([, l]) => quantile(l.map((o) => o.real), 0.9)));
  const max = Math.ceil(top / 15) * 15;
  const x = (m: number) => PAD.left + (m / max) * (W - PAD.left - PAD.right);
  const y = (m: number) => H - PAD.bottom - (Math.min(m, max) / max) * (H - PAD.top - PAD.bottom);
  const parts: string[] = [];
  for (let m = 0; m <= max; m += 15) {
    parts.push(`<line x1="${x(0)}" y1="${y(m)}" x2="${x(max)}" y2="${y(m)}" stroke="#e5e7eb"/>`);
    parts.push(`<text x="${x(0) - 6}" y="${y(m) + 4}" text-anchor="end">${m}</text>`);
    parts.push(`<text x="${x(m)}" y="${H - PAD.bottom + 16}" text-anchor="middle">${m}</text>`);
  }
  const band = kept.map(([b, list]) => [b + 2.5, mean(list.map((o) => o.low)), mean(list.map((o) => o.high))] as const);
  if (band.length) {
    const upper = band.map(([m, , high]) => `${x(m).toFixed(1)},${y(high).toFixed(1)}`);
    const lower = band.map(([m, low]) => `${x(m).toFixed(1)},${y(low).toFixed(1)}`).reverse();
    parts.push(`<polygon points="${[...upper, ...lower].join(' ')}" fill="#bfdbfe" opacity="0.6"/>`);
  }
  parts.push(`<line x1="${x(0)}" y1="${y(0)}" x2="${x(max)}" y2="${y(max)}" stroke="#6b7280" stroke-dasharray="4 4"/>`);
  for (const [b, list] of kept) {
    const reals = list.map((o) => o.real);
    const cx = x(b + 2.5).toFixed(1);
    parts.push(`<line x1="${cx}" y1="${y(quantile(reals, 0.1)).toFixed(1)}" x2="${cx}" y2="${y(quantile(reals, 0.9)).toFixed(1)}" stroke="#1d4ed8" stroke-width="2"/>`);
    parts.push(`<circle cx="${cx}" cy="${y(mean(reals)).toFixed(1)}" r="4" fill="#1d4ed8"/>`);
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif" font-size="12" fill="#111827">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${W / 2}" y="20" text-anchor="middle" font-size="14">${escape(title)}</text>`,
    ...parts,
    `<text x="${(x(0) + x(max)) / 2}" y="${H - 12}" text-anchor="middle">estimate shown at check-in (min)</text>`,
    `<text transform="translate(16 ${(y(0) + y(max)) / 2}) rotate(-90)" text-anchor="middle">real wait (min): mean, 10th-90th percentile; shaded: range shown</text>`,
    '</svg>',
    '',
  ].join('\n');
}

function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}
