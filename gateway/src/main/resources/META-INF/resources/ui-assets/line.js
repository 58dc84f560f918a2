// A machine's page: draws each trend of #trend-data with ECharts (see charts.js). The data sits in the page as
// JSON, so the page reads nothing more.
import { chartIn, colour, lang } from './charts.js';

const data = document.getElementById('trend-data');
if (data && window.echarts) {
  const trends = JSON.parse(data.textContent || '[]');
  const time = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' });
  const full = new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'medium' });
  for (const t of trends) {
    const box = document.getElementById('trend-' + t.tag);
    if (!box) continue;
    if (!t.data.length) {
      box.hidden = true;
      box.parentElement.querySelector('.empty').hidden = false;
      continue;
    }
    const chart = chartIn(box);
    chart.setOption({
      animation: false,
      grid: { left: 56, right: 16, top: 16, bottom: 36 },
      tooltip: { trigger: 'axis', textStyle: { fontSize: 16 },
        valueFormatter: v => (typeof v === 'number' ? v.toLocaleString(lang) : v) },
      xAxis: { type: 'time', axisLabel: { fontSize: 14, formatter: v => time.format(v) } },
      yAxis: { type: 'value', scale: true, axisLabel: { fontSize: 14 } },
      series: [{ type: 'line', name: t.tag, data: t.data, showSymbol: t.data.length < 40, symbolSize: 8,
        lineStyle: { width: 3 }, color: colour('--primary', '#0b5cad') }]
    });
    box.dataset.points = String(t.data.length);
    box.title = full.format(t.data[0][0]) + ' – ' + full.format(t.data[t.data.length - 1][0]);
  }
}
