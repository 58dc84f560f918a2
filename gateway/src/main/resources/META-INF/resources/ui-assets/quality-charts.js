// Quality's charts: every [data-chart] element is drawn with ECharts from the JSON in its data-spec (built and
// tested on the server), with its labels from its data-l-* attributes (in the reader's language). Drawn on load,
// after every htmx swap, and again when the window changes size. Colour is never the only signal: marked points
// are a different shape with their rule number written beside them.
/* global echarts */

import { chartIn, colour, lang, text } from './charts.js';

const BAD = () => colour('--bad', '#b3261e');
const OK = () => colour('--ok', '#137a3a');
const PRIMARY = () => colour('--primary', '#0b5cad');
const FONT = 16;
// ECharts measures its labels with this family: the page's own, or legend items overlap
const FAMILY = () => getComputedStyle(document.body).fontFamily;
const fmt = (v) => (v === null || v === undefined ? '–' : Number(v).toLocaleString(lang, { maximumFractionDigits: 4 }));

const pct = (v) => (v === null || v === undefined ? '–' : Number(v).toLocaleString(lang, { minimumFractionDigits: 0, maximumFractionDigits: 1 }));
const sig = (v) => fmt(Number(Number(v).toPrecision(4)));

// control lines labelled on the right, specification limits on the left: close values never cover each other
function lines(list, labels, colours) {
  return list.map((l) => {
    const spec = l.kind.endsWith('SL');
    const low = l.kind.startsWith('L');
    return {
      name: l.kind,
      yAxis: l.value,
      lineStyle: { color: colours[l.kind], type: spec || l.kind === 'CL' ? 'solid' : 'dashed', width: spec ? 3 : 2 },
      label: { formatter: `${labels[l.kind.toLowerCase()] || l.kind} ${sig(l.value)}`,
        position: spec ? (low ? 'insideStartBottom' : 'insideStartTop') : (low ? 'insideEndBottom' : 'insideEndTop'),
        color: colours[l.kind], fontSize: FONT - 2, fontWeight: 'bold', backgroundColor: 'rgba(255,255,255,.85)',
        padding: [1, 3] },
    };
  });
}

function spc(spec, el) {
  const d = el.dataset;
  const labels = { ucl: d.lUcl, cl: d.lCl, lcl: d.lLcl, usl: d.lUsl, lsl: d.lLsl };
  const colours = { UCL: '#8a5a00', CL: '#45617e', LCL: '#8a5a00', USL: BAD(), LSL: BAD() };
  const marked = new Map(spec.marked.map((m) => [m.index, m.rules]));
  const x = spec.values.map((_, i) => String(i + 1));
  const values = spec.values.map((v, i) => (marked.has(i)
    ? { value: v, symbol: 'diamond', symbolSize: 24, itemStyle: { color: BAD(), borderColor: '#000', borderWidth: 1 },
      label: { show: true, position: 'top', distance: 8, formatter: `${d.lRule} ${marked.get(i).join(', ')}`,
        color: BAD(), fontWeight: 'bold', fontSize: FONT, backgroundColor: '#fff', padding: [2, 4] } }
    : { value: v }));
  return {
    animation: false,
    textStyle: { fontSize: FONT, fontFamily: FAMILY() },
    tooltip: { trigger: 'axis', confine: true, textStyle: { fontSize: FONT },
      formatter: (ps) => {
        const i = ps[0].dataIndex;
        const rules = marked.has(i) ? `<br><b>${d.lRule} ${marked.get(i).join(', ')}</b>` : '';
        return `${d.lPoint} ${i + 1} · ${new Date(spec.times[i]).toLocaleString()}<br>${text(spec.items[i])}<br>`
          + ps.map((p) => `${text(p.seriesName)}: <b>${fmt(p.value)}</b>`).join('<br>') + rules;
      } },
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    title: [
      { text: `${d.lValues}${spec.unit ? ` (${spec.unit})` : ''}`, left: 8, top: 4, textStyle: { fontSize: FONT + 1 } },
      { text: d.lRanges, left: 8, top: '68%', textStyle: { fontSize: FONT + 1 } },
    ],
    grid: [
      { left: 64, right: 24, top: 40, height: '56%' },
      { left: 64, right: 24, top: '75%', bottom: 30 },
    ],
    xAxis: [
      { type: 'category', data: x, gridIndex: 0, axisLabel: { fontSize: FONT - 2 } },
      { type: 'category', data: x, gridIndex: 1, axisLabel: { fontSize: FONT - 2 } },
    ],
    yAxis: [
      { type: 'value', gridIndex: 0, min: spec.min, max: spec.max, scale: true, axisLabel: { fontSize: FONT - 2 } },
      { type: 'value', gridIndex: 1, scale: false, axisLabel: { fontSize: FONT - 2 }, splitNumber: 3 },
    ],
    series: [
      { name: d.lValues, type: 'line', xAxisIndex: 0, yAxisIndex: 0, data: values, symbol: 'circle', symbolSize: 9,
        lineStyle: { color: PRIMARY(), width: 2 }, itemStyle: { color: PRIMARY() },
        markLine: { symbol: 'none', silent: true, data: lines(spec.valueLines, labels, colours) } },
      { name: d.lRanges, type: 'line', xAxisIndex: 1, yAxisIndex: 1, data: spec.ranges, symbol: 'circle',
        symbolSize: 7, connectNulls: false, lineStyle: { color: '#45617e', width: 2 }, itemStyle: { color: '#45617e' },
        markLine: { symbol: 'none', silent: true, data: lines(spec.rangeLines, labels, colours) } },
    ],
  };
}

function pareto(spec, el) {
  const d = el.dataset;
  return {
    animation: false,
    textStyle: { fontSize: FONT, fontFamily: FAMILY() },
    tooltip: { trigger: 'axis', textStyle: { fontSize: FONT } },
    legend: { top: 4, itemGap: 44, textStyle: { fontSize: FONT, fontFamily: FAMILY() } },
    grid: { left: 60, right: 70, top: 50, bottom: 90 },
    xAxis: { type: 'category', data: spec.codes, axisLabel: { fontSize: FONT - 2, rotate: spec.codes.length > 6 ? 30 : 0, interval: 0 } },
    yAxis: [
      { type: 'value', name: d.lCount, minInterval: 1, axisLabel: { fontSize: FONT - 2 } },
      { type: 'value', name: '%', min: 0, max: 100, axisLabel: { fontSize: FONT - 2, formatter: '{value} %' } },
    ],
    series: [
      { name: d.lCount, type: 'bar', data: spec.counts, barMaxWidth: 90, itemStyle: { color: PRIMARY() },
        label: { show: true, position: 'top', fontSize: FONT, fontWeight: 'bold' } },
      { name: d.lCumulative, type: 'line', yAxisIndex: 1, data: spec.cumulative, symbol: 'circle', symbolSize: 9,
        lineStyle: { color: BAD(), width: 3 }, itemStyle: { color: BAD() },
        label: { show: true, position: 'top', formatter: (p) => `${pct(p.value)} %`, fontSize: FONT - 2, color: BAD(),
          backgroundColor: '#fff', padding: [1, 3] } },
    ],
  };
}

function grading(spec, el) {
  const d = el.dataset;
  const names = spec.bars.map((b) => (b.outside ? d.lOutside : `${d.lGrade} ${b.grade}`));
  return {
    animation: false,
    textStyle: { fontSize: FONT, fontFamily: FAMILY() },
    tooltip: { trigger: 'axis', textStyle: { fontSize: FONT } },
    grid: { left: 60, right: 30, top: 40, bottom: 50 },
    xAxis: { type: 'category', data: names, axisLabel: { fontSize: FONT, interval: 0 } },
    yAxis: { type: 'value', name: d.lCells, minInterval: 1, axisLabel: { fontSize: FONT - 2 } },
    series: [{
      name: d.lCells, type: 'bar', barMaxWidth: 110,
      // the cells outside every bin: red and hatched, so they stand apart without colour too
      data: spec.bars.map((b) => (b.outside
        ? { value: b.cells, itemStyle: { color: BAD(), decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [4, 3], rotation: -Math.PI / 4, color: 'rgba(255,255,255,.6)' } } }
        : { value: b.cells, itemStyle: { color: PRIMARY() } })),
      label: { show: true, position: 'top', fontSize: FONT, fontWeight: 'bold',
        formatter: (p) => `${p.value} · ${pct(spec.bars[p.dataIndex].percent)} %` },
    }],
  };
}

function stages(spec, el) {
  const d = el.dataset;
  const stage = (code) => d[`l${code.charAt(0)}${code.slice(1).toLowerCase()}`] || code;
  const x = spec.products.map((p, i) => `${p}\n${stage(spec.stages[i])}`);
  const palette = ['#0b5cad', '#6a3d9a', '#137a3a', '#8a5a00', '#45617e', '#b15928'];
  const bars = Object.entries(spec.cpk).map(([code, values], i) => ({
    name: `${code} Cpk`, type: 'bar', data: values, barMaxWidth: 40, itemStyle: { color: palette[i % palette.length] },
    label: { show: true, position: 'top', fontSize: FONT - 4, formatter: (p) => (p.value == null ? '' : fmt(p.value)) },
    markLine: i === 0 ? { symbol: 'none', silent: true, data: [{ yAxis: 1.33, lineStyle: { color: OK(), type: 'dashed', width: 2 },
      label: { formatter: d.lTarget, position: 'insideEndTop', color: OK(), fontWeight: 'bold' } }] } : undefined,
  }));
  return {
    animation: false,
    textStyle: { fontSize: FONT, fontFamily: FAMILY() },
    tooltip: { trigger: 'axis', textStyle: { fontSize: FONT } },
    legend: { top: 4, itemGap: 44, textStyle: { fontSize: FONT - 2, fontFamily: FAMILY() } },
    grid: { left: 60, right: 70, top: 60, bottom: 70 },
    xAxis: { type: 'category', data: x, axisLabel: { fontSize: FONT - 2, interval: 0 } },
    yAxis: [
      // up to the 1.33 target at least, so its line is always in view
      { type: 'value', name: 'Cpk', min: 0, max: (v) => Math.max(1.5, Math.ceil(v.max * 10) / 10), axisLabel: { fontSize: FONT - 2 } },
      { type: 'value', name: d.lYield, min: 0, max: 100, axisLabel: { fontSize: FONT - 2, formatter: '{value} %' } },
    ],
    series: [...bars, { name: d.lYield, type: 'line', yAxisIndex: 1, data: spec.yields, symbol: 'rect', symbolSize: 14,
      lineStyle: { color: BAD(), width: 3 }, itemStyle: { color: BAD() },
      label: { show: true, position: 'top', fontSize: FONT, fontWeight: 'bold', color: BAD(), backgroundColor: '#fff',
        padding: [1, 3], formatter: (p) => (p.value == null ? '' : `${pct(p.value)} %`) } }],
  };
}

const builders = { spc, pareto, grading, stages };

function draw(root) {
  if (typeof echarts === 'undefined') return;
  const scope = root && root.querySelectorAll ? root : document;
  const found = [...scope.querySelectorAll('[data-chart]')];
  if (scope.matches && scope.matches('[data-chart]')) found.push(scope);
  for (const el of found) {
    const build = builders[el.dataset.chart];
    if (!build || !el.dataset.spec) continue;
    // svg: what a chart wrote stays in the page as text (a browser test reads its labels and figures)
    const chart = chartIn(el, 'svg');
    chart.setOption(build(JSON.parse(el.dataset.spec), el), true);
    if (el.dataset.chart === 'spc') {
      // what was actually drawn as marked, read back from the chart: a browser test compares it with data-marked
      const data = chart.getOption().series[0].data;
      el.dataset.drawnMarked = data.map((p, i) => (p && p.symbol === 'diamond' ? i : -1)).filter((i) => i >= 0).join(',');
    }
    el.dataset.drawn = 'true';
  }
}

document.body.addEventListener('htmx:afterSwap', (e) => {
  draw(e.detail.target);
  // an upload's outcome is what the person waits for: bring it into view on a tablet
  if (e.detail.target.id === 'outcome') e.detail.target.scrollIntoView({ block: 'start' });
});

// a filter form shows its choice as soon as it is made: one touch, not two
document.querySelectorAll('form[data-autosubmit] select').forEach((s) => s.addEventListener('change', () => {
  const form = s.form;
  // another product has other characteristics: let the server choose its first
  if (s.name === 'product' && form.elements.characteristic) form.elements.characteristic.disabled = true;
  form.requestSubmit();
}));

// a file too large for the gateway is refused here, before it is sent
const upload = document.getElementById('upload-form');
if (upload) {
  upload.addEventListener('htmx:confirm', (e) => {
    const file = upload.elements.file.files[0];
    const tooLarge = file && file.size > Number(upload.dataset.maxBytes);
    document.getElementById('upload-too-large').hidden = !tooLarge;
    if (tooLarge) e.preventDefault();
  });
}

draw(document);
