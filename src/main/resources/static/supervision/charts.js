// Supervision dashboard: the month trend of the scope; the element carries its series as comma-separated data attributes.
(function () {
  function numbers(text) { return (text || '').split(',').map(Number); }
  var months = ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'];
  var trend = document.getElementById('trend-chart');
  if (trend && window.echarts) {
    var chart = echarts.init(trend);
    chart.setOption({
      tooltip: { trigger: 'axis' }, legend: { data: ['检查家次', '发现隐患', '立案'] }, grid: { left: 36, right: 10, bottom: 30 },
      xAxis: { type: 'category', data: months }, yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: '检查家次', type: 'bar', data: numbers(trend.dataset.inspections) },
               { name: '发现隐患', type: 'line', data: numbers(trend.dataset.hazards) },
               { name: '立案', type: 'line', data: numbers(trend.dataset.cases) }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
})();
// The inspections of the year on a plain longitude/latitude plane (no map tiles): [lng, lat, firm, unit, day, recordId].
(function () {
  var map = document.getElementById('inspection-map');
  if (!map || !window.echarts) { return; }
  var points = JSON.parse(map.dataset.points || '[]');
  var chart = echarts.init(map);
  chart.setOption({
    tooltip: { formatter: function (p) { return echarts.format.encodeHTML(p.data[2] + '（' + p.data[3] + '）' + p.data[4]); } },
    grid: { left: 50, right: 12, top: 12, bottom: 30 },
    xAxis: { type: 'value', scale: true, name: '经度', nameLocation: 'middle', nameGap: 22 },
    yAxis: { type: 'value', scale: true, name: '纬度' },
    series: [{ type: 'scatter', symbolSize: 7, data: points }]
  });
  chart.on('click', function (p) { if (p.data) { window.location.href = '/inspection/records/' + p.data[5]; } });
  window.addEventListener('resize', function () { chart.resize(); });
})();
