// Charts of the statistics dashboard (统计看板). The figures come from the page as JSON; a click on a bar, a slice or
// a month opens the list of the matters behind it (the matter list's own filters).
(function () {
    const source = document.getElementById('statistics-data');
    if (!source || typeof echarts === 'undefined') return;
    const data = JSON.parse(source.textContent);
    const charts = [];
    const draw = (id, option, links) => {
        const el = document.getElementById(id);
        if (!el) return;
        const chart = echarts.init(el, null, { renderer: 'svg' });
        chart.setOption(Object.assign({ animation: false, textStyle: { fontFamily: 'system-ui, "Noto Sans CJK SC", sans-serif' } }, option));
        if (links) chart.on('click', p => { const href = links[p.dataIndex]; if (href) window.location.href = href; });
        charts.push(chart);
    };
    const months = data.months || [];
    draw('chart-months', {
        tooltip: { trigger: 'axis' },
        legend: { data: [data.year + '年', (data.year - 1) + '年'], top: 4 },
        grid: { left: 40, right: 12, top: 36, bottom: 28 },
        xAxis: { type: 'category', data: months.map(m => m.month + '月') },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
            { name: data.year + '年', type: 'bar', barMaxWidth: 24, data: months.map(m => m.count), itemStyle: { color: '#b4232a' } },
            { name: (data.year - 1) + '年', type: 'line', data: months.map(m => m.lastYear), itemStyle: { color: '#8c96a0' } },
        ],
    }, months.map(m => m.href));
    const channels = data.byChannel || [];
    draw('chart-channels', {
        tooltip: { trigger: 'item' },
        series: [{ type: 'pie', radius: ['40%', '70%'], data: channels.map(c => ({ name: c.name, value: c.count })), label: { formatter: '{b} {c}' } }],
    }, channels.map(c => c.href));
    const bars = (id, rows, color) => {
        const reversed = rows.slice().reverse();
        draw(id, {
            tooltip: { trigger: 'axis' },
            grid: { left: 120, right: 16, top: 12, bottom: 24 },
            xAxis: { type: 'value', minInterval: 1 },
            yAxis: { type: 'category', data: reversed.map(r => r.name), axisLabel: { width: 110, overflow: 'truncate' } },
            series: [{ type: 'bar', barMaxWidth: 22, data: reversed.map(r => r.count), itemStyle: { color } }],
        }, reversed.map(r => r.href));
    };
    bars('chart-categories', data.byCategory || [], '#3d8bd4');
    bars('chart-units', data.byUnit || [], '#e8833a');
    bars('chart-overdue', data.overdue || [], '#b4232a');
    window.addEventListener('resize', () => charts.forEach(c => c.resize()));
})();
