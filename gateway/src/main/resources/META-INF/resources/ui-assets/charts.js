// What every chart of the UI shares: ECharts (loaded before the modules, from its WebJar), the page's colours and
// language, text from the MES kept as text in tooltips, and one place that resizes every chart (on a new window
// size and before printing) and lets go of those htmx is about to replace.
/* global echarts */

const charts = new Set();

export const lang = document.documentElement.lang || 'en';

/** A colour of the stylesheet (app.css :root), so charts and the page agree. */
export const colour = (name, fallback) =>
  getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;

/** Ids and names come from scans and machines: in a tooltip they are text, never markup. */
export const text = (value) => echarts.format.encodeHTML(String(value ?? ''));

/** The chart drawn in {@code el}, made once; canvas unless the page needs its text in the DOM (svg). */
export function chartIn(el, renderer = 'canvas') {
  const chart = echarts.getInstanceByDom(el) || echarts.init(el, null, { renderer });
  charts.add(chart);
  return chart;
}

function resizeAll() {
  for (const chart of charts) {
    if (chart.isDisposed()) charts.delete(chart);
    else chart.resize();
  }
}

let resizing;
window.addEventListener('resize', () => {
  clearTimeout(resizing);
  resizing = setTimeout(resizeAll, 100);
});
window.addEventListener('beforeprint', resizeAll);
document.body.addEventListener('htmx:beforeSwap', (e) => {
  e.detail.target.querySelectorAll('[_echarts_instance_]').forEach((el) => {
    const chart = echarts.getInstanceByDom(el);
    if (chart) {
      chart.dispose();
      charts.delete(chart);
    }
  });
});
