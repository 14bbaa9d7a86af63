// Reporting dashboard charts: series come from data attributes; every chart redraws when the window is resized.
(function () {
  if (!window.echarts) { return; }
  function numbers(text) { return (text || '').split(',').filter(function (s) { return s !== ''; }).map(Number); }
  var charts = [];
  function chart(id, option) {
    var element = document.getElementById(id);
    if (!element) { return; }
    var instance = echarts.init(element);
    instance.setOption(option(element));
    charts.push(instance);
  }
  var grid = { left: 40, right: 10, top: 30, bottom: 30, containLabel: true };
  chart('month-chart', function (e) {
    return { tooltip: { trigger: 'axis' }, grid: grid,
      xAxis: { type: 'category', data: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'] },
      yAxis: { type: 'value', minInterval: 1 }, series: [{ name: '检查家次', type: 'bar', data: numbers(e.dataset.months) }] };
  });
  chart('kind-chart', function (e) {
    var labels = e.dataset.labels.split(','), values = numbers(e.dataset.values);
    return { tooltip: { trigger: 'item' }, legend: { bottom: 0 },
      series: [{ name: '检查类别', type: 'pie', radius: ['35%', '65%'],
        data: labels.map(function (l, i) { return { name: l, value: values[i] }; }) }] };
  });
  chart('unit-chart', function (e) {
    return { tooltip: { trigger: 'axis' }, legend: { data: ['检查家次', '立案'] }, grid: grid,
      xAxis: { type: 'category', data: e.dataset.units.split(','), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: '检查家次', type: 'bar', data: numbers(e.dataset.visits) },
               { name: '立案', type: 'bar', data: numbers(e.dataset.cases) }] };
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
