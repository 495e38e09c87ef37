import { h, s } from './dom.js';

/**
 * A grouped horizontal bar chart drawn as SVG: one row per label, one bar per series. Values are
 * drawn to scale with their number beside them, so the figure reads without a legend as well.
 */
export function bars({ rows, series, unit = '', title }) {
  const rowHeight = 16 * series.length + 14;
  const labelWidth = 150;
  const width = 560;
  const plot = width - labelWidth - 60;
  const max = Math.max(1, ...rows.flatMap(r => series.map(sr => Number(r.values[sr.key]) || 0)));
  const height = rows.length * rowHeight + 30;
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': title || '' },
    title ? s('title', {}, title) : null);
  rows.forEach((row, i) => {
    const y = i * rowHeight + 4;
    svg.append(s('text', { x: 0, y: y + rowHeight / 2, class: 'chart-label', 'dominant-baseline': 'middle' },
      row.label.length > 14 ? row.label.slice(0, 13) + '…' : row.label));
    series.forEach((sr, j) => {
      const value = Number(row.values[sr.key]) || 0;
      const w = Math.max(1, Math.round(plot * value / max));
      const by = y + j * 16;
      svg.append(s('rect', { x: labelWidth, y: by, width: w, height: 12, rx: 2, class: 'bar bar-' + j }));
      svg.append(s('text', { x: labelWidth + w + 4, y: by + 10, class: 'chart-value' },
        (Math.round(value * 10) / 10) + unit));
    });
  });
  const legendY = rows.length * rowHeight + 18;
  series.forEach((sr, j) => {
    svg.append(s('rect', { x: labelWidth + j * 130, y: legendY - 9, width: 10, height: 10, class: 'bar bar-' + j }));
    svg.append(s('text', { x: labelWidth + j * 130 + 14, y: legendY, class: 'chart-legend' }, sr.label));
  });
  return h('figure', { class: 'figure' }, svg);
}
