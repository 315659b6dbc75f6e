/* The 统计监测 dashboard's charts (docs/domain.md, "Statistics"): ECharts from the WebJar, data from
   the page's data attributes (no inline script: the CSP forbids it). The tables below each chart
   carry the same figures, so the page reads without JavaScript. */
(function () {
    'use strict';
    if (typeof echarts === 'undefined') {
        return;
    }
    function json(el, name) {
        var v = el.getAttribute('data-' + name);
        return v ? JSON.parse(v) : null;
    }
    var charts = [];
    document.querySelectorAll('[data-chart="line"]').forEach(function (el) {
        var labels = json(el, 'labels');
        var series = json(el, 'series');
        var names = json(el, 'names') || {};
        var chart = echarts.init(el);
        chart.setOption({
            tooltip: { trigger: 'axis' },
            legend: { top: 0 },
            grid: { left: 40, right: 16, top: 40, bottom: 30 },
            xAxis: { type: 'category', data: labels },
            yAxis: { type: 'value', minInterval: 1 },
            series: Object.keys(series).map(function (k) {
                return { name: names[k] || k, type: 'line', smooth: true, data: series[k] };
            })
        });
        charts.push(chart);
    });
    document.querySelectorAll('[data-chart="bar"]').forEach(function (el) {
        var codes = json(el, 'codes');
        var drill = el.getAttribute('data-drill');
        var year = el.getAttribute('data-year');
        var chart = echarts.init(el);
        chart.setOption({
            tooltip: { trigger: 'axis' },
            grid: { left: 40, right: 16, top: 20, bottom: 60 },
            xAxis: { type: 'category', data: json(el, 'labels'), axisLabel: { interval: 0, rotate: 30 } },
            yAxis: { type: 'value', minInterval: 1 },
            series: [{ name: el.getAttribute('data-name'), type: 'bar', data: json(el, 'values'),
                itemStyle: { color: '#2f6fb3' } }]
        });
        if (drill) {
            chart.on('click', function (p) {
                window.location.href = drill + '?year=' + encodeURIComponent(year) + '&scope=' +
                    encodeURIComponent(codes[p.dataIndex]);
            });
        }
        charts.push(chart);
    });
    window.addEventListener('resize', function () {
        charts.forEach(function (c) { c.resize(); });
    });
})();
