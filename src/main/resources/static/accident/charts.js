// Accident statistics: accidents and deaths per month; the element carries its series as comma-separated data attributes.
(function () {
  var el = document.getElementById('month-chart');
  if (!el || !window.echarts) { return; }
  function numbers(text) { return (text || '').split(',').map(Number); }
  var chart = echarts.init(el);
  chart.setOption({
    tooltip: { trigger: 'axis' }, legend: { data: ['事故起数', '死亡人数'] }, grid: { left: 36, right: 10, bottom: 30 },
    xAxis: { type: 'category', data: (el.dataset.labels || '').split(',') }, yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: '事故起数', type: 'bar', data: numbers(el.dataset.accidents) },
             { name: '死亡人数', type: 'line', data: numbers(el.dataset.deaths) }]
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
