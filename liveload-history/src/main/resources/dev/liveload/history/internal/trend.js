/* LiveLoad trend report: draws each chart from the embedded data; a point opens its run's report. No network. */
(function () {
  'use strict';
  var DATA = JSON.parse(document.getElementById('ll-trend-data').textContent);
  var COLORS = { P50: '#2f5bd3', P95: '#e8871e', P99: '#c0362c', THROUGHPUT: '#2f5bd3', ERROR_RATIO: '#c0362c' };
  var FLAG = '#c0362c';
  var HEIGHT = 240;

  function num(v) {
    if (v == null || !isFinite(v)) return '\u2013';
    var a = Math.abs(v);
    if (a >= 100 || (Number.isInteger(v) && a >= 1)) return Math.round(v).toLocaleString('en-US');
    if (a >= 10) return v.toFixed(1);
    if (a >= 1) return v.toFixed(2);
    return a === 0 ? '0' : v.toFixed(3);
  }
  function fmt(stat, unit, v) {
    if (v == null || !isFinite(v)) return '\u2013';
    if (stat === 'ERROR_RATIO') return (v * 100).toFixed(v * 100 >= 10 ? 1 : 2) + '%';
    if (stat === 'THROUGHPUT') return num(v) + '/s';
    return num(v) + (unit ? ' ' + unit : '');
  }
  function axis(scale, label, side, format) {
    return { scale: scale, label: label, side: side, labelSize: 18, labelFont: '12px system-ui', font: '11px system-ui',
      stroke: '#475467', size: 60, grid: { show: side !== 1, stroke: '#eef0f3' }, ticks: { stroke: '#e4e7ec' },
      values: function (u, vals) { return vals.map(format); } };
  }

  function draw(el) {
    var t = DATA.trends[Number(el.getAttribute('data-trend'))];
    var c = t.charts[Number(el.getAttribute('data-chart'))];
    var xs = t.runs.map(function (_, i) { return i; });
    var run = c.kind === 'run';
    var series = [{ label: 'run', value: function (u, i) { return i == null || !t.runs[i] ? '' : t.runs[i].label; } }];
    var data = [xs];
    var scales = { x: { time: false, range: [-0.5, Math.max(xs.length - 0.5, 0.5)] } };
    var axes = [{ label: 'run (oldest to newest)', labelSize: 18, labelFont: '12px system-ui', font: '11px system-ui',
      stroke: '#475467', grid: { stroke: '#eef0f3' }, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500],
      values: function (u, vals) {
        return vals.map(function (v) { return Number.isInteger(v) && t.runs[v] ? '#' + (v + 1) : ''; });
      } }];
    var points = 0;
    c.series.forEach(function (s) {
      var scale = run ? (s.stat === 'ERROR_RATIO' ? 'ratio' : 'rate') : 'y';
      scales[scale] = scales[scale] || (scale === 'ratio' ? { range: function (u, lo, hi) { return [0, Math.max(hi, 0.01)]; } } : {});
      series.push({ label: s.label, stroke: COLORS[s.stat] || '#64748b', width: 1.6, scale: scale,
        points: { show: true, size: 6 }, spanGaps: false,
        value: function (u, v) { return fmt(s.stat, s.unit, v); } });
      data.push(s.values);
      s.values.forEach(function (v) { if (v != null) points++; });
    });
    if (run) {
      axes.push(axis('rate', 'per second', 3, num));
      axes.push(axis('ratio', 'error ratio', 1, function (v) { return fmt('ERROR_RATIO', '', v); }));
    } else {
      axes.push(axis('y', c.unit, 3, num));
    }
    if (points === 0) {
      el.innerHTML = '<p class="muted">No data to draw.</p>';
      el.setAttribute('data-drawn', 'empty');
      return;
    }
    var opts = { width: Math.max(280, el.clientWidth), height: HEIGHT, scales: scales, series: series, axes: axes,
      legend: { live: true }, cursor: { drag: { x: false, y: false } },
      hooks: { draw: [function (u) { ring(u, c); }] } };
    el._u = new uPlot(opts, data, el);
    el._u.over.style.cursor = 'pointer';
    el._u.over.addEventListener('click', function () {
      var i = el._u.cursor.idx;
      if (i != null && t.runs[i] && t.runs[i].href) window.location.href = t.runs[i].href;
    });
    el.setAttribute('data-drawn', String(points));
    el.setAttribute('data-flagged', String(c.series.reduce(function (n, s) { return n + s.flagged.length; }, 0)));
  }

  /** A red ring around every flagged value. */
  function ring(u, c) {
    var ctx = u.ctx;
    ctx.save();
    ctx.strokeStyle = FLAG;
    ctx.lineWidth = 2 * uPlot.pxRatio;
    c.series.forEach(function (s, k) {
      var scale = u.series[k + 1].scale;
      s.flagged.forEach(function (i) {
        var v = s.values[i];
        if (v == null) return;
        ctx.beginPath();
        ctx.arc(u.valToPos(i, 'x', true), u.valToPos(v, scale, true), 7 * uPlot.pxRatio, 0, 2 * Math.PI);
        ctx.stroke();
      });
    });
    ctx.restore();
  }

  document.querySelectorAll('.chart').forEach(function (el) {
    try {
      draw(el);
    } catch (e) {
      el.setAttribute('data-drawn', 'error');
      throw e;
    }
  });

  var resizeTimer = null;
  window.addEventListener('resize', function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () {
      document.querySelectorAll('.chart').forEach(function (el) {
        if (el._u) el._u.setSize({ width: Math.max(280, el.clientWidth), height: HEIGHT });
      });
    }, 120);
  });
  window.liveloadTrendReady = true;
})();
