// Planning charts: elements carry their series as comma-separated data attributes (index 0 unused for months).
(function () {
  function numbers(text) { return (text || '').split(',').map(Number); }
  var months = ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'];
  var completion = document.getElementById('completion-chart');
  if (completion && window.echarts) {
    echarts.init(completion).setOption({
      tooltip: { trigger: 'axis' }, legend: { data: ['计划', '完成'] }, grid: { left: 30, right: 10, bottom: 30 },
      xAxis: { type: 'category', data: months }, yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: '计划', type: 'bar', data: numbers(completion.dataset.planned).slice(1) },
               { name: '完成', type: 'bar', data: numbers(completion.dataset.done).slice(1) }]
    });
  }
  var draws = document.getElementById('draw-chart');
  if (draws && window.echarts) {
    echarts.init(draws).setOption({
      tooltip: { trigger: 'axis' }, legend: { data: ['抽取企业', '交叉执法', '部门联合'] }, grid: { left: 30, right: 10, bottom: 30 },
      xAxis: { type: 'category', data: (draws.dataset.months || '').split(',') }, yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: '抽取企业', type: 'bar', data: numbers(draws.dataset.drawn) },
               { name: '交叉执法', type: 'bar', data: numbers(draws.dataset.cross) },
               { name: '部门联合', type: 'bar', data: numbers(draws.dataset.joint) }]
    });
  }
})();
