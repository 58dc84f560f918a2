// The auditor's trace: the backward trace drawn as a tree (ECharts, from the WebJar), the cell at the left, the
// raw lots at the right; a lot's node opens that lot. The data is the page's own (data-trace-graph), not fetched.

import { chartIn, colour, text } from './charts.js';

const COLOURS = { CELL: colour('--ink', '#11161c'), INTERMEDIATE: colour('--primary', '#0b5cad'),
  RAW: colour('--ok', '#137a3a'), CONSUMABLE: colour('--warn', '#8a5a00') };

function label(node) {
  const lines = [node.name];
  if (node.type) lines.push(node.type);
  if (node.supplier) lines.push(node.supplier);
  if (node.amount) lines.push(node.amount);
  return lines.join('\n');
}

function decorate(node) {
  node.itemStyle = { color: COLOURS[node.kind] || '#45617e', borderColor: COLOURS[node.kind] || '#45617e' };
  node.label = { formatter: () => label(node), fontSize: 16, lineHeight: 20 };
  (node.children || []).forEach(decorate);
  return node;
}

function leaves(node) {
  return (node.children || []).length === 0 ? 1 : node.children.map(leaves).reduce((a, b) => a + b, 0);
}

function draw(el) {
  const root = decorate(JSON.parse(el.dataset.traceGraph));
  // tall enough that every raw lot has its own line of text
  el.style.height = Math.max(340, leaves(root) * 96) + 'px';
  const chart = chartIn(el);
  chart.setOption({
    animation: false,
    // ids and types come from scans and machines: text, never markup
    tooltip: { trigger: 'item', formatter: (p) => [p.data.name, p.data.type, p.data.operation, p.data.machine,
      p.data.amount].filter(Boolean).map(text).join('<br>') },
    series: [{
      type: 'tree', data: [root], orient: 'LR', initialTreeDepth: -1, expandAndCollapse: false,
      top: 20, bottom: 20, left: 160, right: 240, symbol: 'circle', symbolSize: 18, roam: false,
      label: { position: 'left', verticalAlign: 'middle', align: 'right', fontSize: 16, lineHeight: 20,
        color: '#11161c', backgroundColor: 'rgba(255,255,255,0.9)', padding: 3 },
      leaves: { label: { position: 'right', align: 'left' } },
      lineStyle: { color: '#7a8fa3', width: 2, curveness: 0.4 },
    }],
  });
  chart.on('click', (p) => { if (p.data && p.data.link) window.location.href = p.data.link; });
  el.dataset.drawn = String(root.children.length);
}

document.querySelectorAll('[data-trace-graph]').forEach(draw);
document.querySelectorAll('[data-print]').forEach((b) => b.addEventListener('click', () => window.print()));
