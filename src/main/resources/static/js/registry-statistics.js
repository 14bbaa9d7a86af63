// Charts of the registry statistics page (ECharts); data comes from window.registryStatistics.
(function () {
  var data = window.registryStatistics;
  if (!data || typeof echarts === 'undefined') {
    return;
  }
  function bar(id, title, values, horizontal) {
    var names = Object.keys(values), counts = names.map(function (n) { return values[n]; });
    var chart = echarts.init(document.getElementById(id));
    var category = {type: 'category', data: names, axisLabel: {interval: 0, fontSize: 10}};
    var value = {type: 'value'};
    chart.setOption({
      title: {text: title, textStyle: {fontSize: 14}}, tooltip: {}, grid: {left: horizontal ? 110 : 40, right: 16, bottom: 30},
      xAxis: horizontal ? value : category, yAxis: horizontal ? category : value,
      series: [{type: 'bar', data: counts, itemStyle: {color: '#0d6efd'}}]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  function pie(id, title, values) {
    var chart = echarts.init(document.getElementById(id));
    chart.setOption({
      title: {text: title, textStyle: {fontSize: 14}}, tooltip: {},
      series: [{type: 'pie', radius: ['35%', '65%'], data: Object.keys(values).map(function (k) { return {name: k, value: values[k]}; })}]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  bar('chart-section', '按行业门类', data.section, true);
  bar('chart-risk', '按风险特征', data.risk, true);
  pie('chart-level', '按监管层级', data.level);
  pie('chart-status', '按经营状态', data.status);
})();
