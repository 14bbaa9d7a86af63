// 效能考评: one horizontal bar chart of the scores per group; names come '|'-separated, scores comma-separated.
(function () {
  if (!window.echarts) { return; }
  document.querySelectorAll('.ranking-chart').forEach(function (element) {
    var names = (element.dataset.names || '').split('|').filter(function (n) { return n; });
    var scores = (element.dataset.scores || '').split(',').filter(function (s) { return s; }).map(Number);
    if (!names.length) { element.classList.add('d-none'); return; }
    var chart = echarts.init(element);
    chart.setOption({
      tooltip: { trigger: 'axis' }, grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100 },
      yAxis: { type: 'category', inverse: true, data: names,
               axisLabel: { width: 110, overflow: 'truncate' } },
      series: [{ name: '得分', type: 'bar', data: scores, label: { show: true, position: 'right' } }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
