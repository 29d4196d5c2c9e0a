// Draws the dashboard's charts from the figures the page carries as JSON; the tables beside them
// hold the same figures for reading without JavaScript.
(function () {
    var source = document.getElementById('wq-dashboard-data');
    if (!source || !window.echarts) return;
    var data = JSON.parse(source.textContent);
    var charts = [];
    var colours = {open: '#1f6feb', overdue: '#b3261e', closed: '#6c757d'};

    function draw(id, option) {
        var element = document.getElementById(id);
        if (!element) return;
        var chart = window.echarts.init(element, null, {renderer: 'canvas'});
        option.textStyle = {fontFamily: getComputedStyle(document.body).fontFamily};
        chart.setOption(option);
        charts.push(chart);
    }

    function counts(id, figures) {
        draw(id, {
            tooltip: {trigger: 'axis'},
            legend: {top: 0},
            grid: {left: 40, right: 10, top: 30, bottom: 50},
            xAxis: {type: 'category', data: figures.labels, axisLabel: {interval: 0, rotate: figures.labels.length > 5 ? 30 : 0}},
            yAxis: {type: 'value', minInterval: 1},
            series: ['open', 'overdue', 'closed'].map(function (key) {
                return {name: data.series[key], type: 'bar', data: figures[key], itemStyle: {color: colours[key]}};
            })
        });
    }

    function lines(id, byName) {
        var names = Object.keys(byName);
        if (!names.length) return;
        draw(id, {
            tooltip: {trigger: 'axis', valueFormatter: function (v) { return v == null ? '—' : v + ' %'; }},
            legend: {top: 0, type: 'scroll'},
            grid: {left: 40, right: 10, top: 40, bottom: 30},
            xAxis: {type: 'category', data: data.months},
            yAxis: {type: 'value', min: 0, max: 100, axisLabel: {formatter: '{value} %'}},
            series: names.map(function (name) {
                return {name: name, type: 'line', connectNulls: true, data: byName[name]};
            })
        });
    }

    counts('chart-kind', data.byKind);
    counts('chart-district', data.byDistrict);
    lines('chart-outcomes', data.outcomes);
    lines('chart-on-time', data.onTime);
    window.addEventListener('resize', function () {
        charts.forEach(function (chart) { chart.resize(); });
    });
})();
