// Charts of the ledger analysis page (分析研判). The figures come from the page as JSON; nothing is fetched.
(function () {
    const source = document.getElementById('analysis-data');
    if (!source || typeof echarts === 'undefined') return;
    const data = JSON.parse(source.textContent);
    const charts = [];
    const draw = (id, option) => {
        const el = document.getElementById(id);
        if (!el) return;
        const chart = echarts.init(el, null, { renderer: 'svg' });
        chart.setOption(Object.assign({ animation: false, textStyle: { fontFamily: 'system-ui, "Noto Sans CJK SC", sans-serif' } }, option));
        charts.push(chart);
    };
    const trends = data.trends || [];
    draw('chart-trends', {
        tooltip: { trigger: 'axis' },
        legend: { data: ['本期', '上期', '去年同期'], top: 4 },
        grid: { left: 40, right: 12, top: 36, bottom: 56 },
        xAxis: { type: 'category', data: trends.map(t => t.topic), axisLabel: { interval: 0, rotate: trends.length > 5 ? 30 : 0 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
            { name: '本期', type: 'bar', barMaxWidth: 28, data: trends.map(t => t.count), itemStyle: { color: '#b4232a' } },
            { name: '上期', type: 'bar', data: trends.map(t => t.previous), itemStyle: { color: '#8c96a0' } },
            { name: '去年同期', type: 'bar', data: trends.map(t => t.lastYear), itemStyle: { color: '#cfd4da' } },
        ],
    });
    draw('chart-risk', {
        tooltip: { trigger: 'item' },
        color: ['#b4232a', '#e8833a', '#3d8bd4', '#9aa5b1'],
        series: [{ type: 'pie', radius: ['40%', '70%'], data: (data.byRisk || []).filter(r => r.count > 0).map(r => ({ name: r.name, value: r.count })), label: { formatter: '{b} {c}' } }],
    });
    const units = (data.byUnit || []).slice().reverse();
    draw('chart-units', {
        tooltip: { trigger: 'axis' },
        grid: { left: 110, right: 16, top: 12, bottom: 24 },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: units.map(u => u.name), axisLabel: { width: 100, overflow: 'truncate' } },
        series: [{ type: 'bar', barMaxWidth: 28, data: units.map(u => u.count), itemStyle: { color: '#3d8bd4' } }],
    });
    window.addEventListener('resize', () => charts.forEach(c => c.resize()));
})();
