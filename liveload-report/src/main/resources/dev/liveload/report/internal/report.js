/* LiveLoad report: draws the charts from the embedded data, switches tabs, sorts tables. No network. */
(function () {
  'use strict';
  var DATA = JSON.parse(document.getElementById('ll-data').textContent);
  var COLORS = { p50: '#2f5bd3', p95: '#e8871e', p99: '#c0362c', rps: '#2f5bd3', fps: '#c0362c', ips: '#14a098',
    users: '#6b7280', cpu: '#2f5bd3', lag: '#c0362c', heap: '#7c3aed', gc: '#e8871e' };
  var PALETTE = ['#2f5bd3', '#e8871e', '#14a098', '#c0362c', '#7c3aed', '#64748b', '#d6336c', '#2b8a3e'];
  var HEIGHT = 240;

  function num(v) {
    if (v == null || !isFinite(v)) return '\u2013';
    var a = Math.abs(v);
    if (a >= 100 || (Number.isInteger(v) && a >= 1)) return Math.round(v).toLocaleString('en-US');
    if (a >= 10) return v.toFixed(1);
    if (a >= 1) return v.toFixed(2);
    return a === 0 ? '0' : v.toFixed(3);
  }
  function elapsed(s) {
    if (s == null || !isFinite(s)) return '';
    var neg = s < 0; s = Math.abs(Math.round(s));
    var h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60, sec = s % 60;
    var t = (h > 0 ? h + ':' + (m < 10 ? '0' : '') + m : String(m)) + ':' + (sec < 10 ? '0' : '') + sec;
    return (neg ? '-' : '') + t;
  }
  function unitOf(u) { return u ? ' ' + u : ''; }
  function xSeries() { return { label: 'elapsed', value: function (u, v) { return elapsed(v); } }; }
  function line(label, color, scale, fmt, dash) {
    var s = { label: label, stroke: color, width: 1.6, scale: scale, spanGaps: false,
      value: function (u, v) { return v == null ? '\u2013' : fmt(v); }, points: { show: false } };
    if (dash) s.dash = [5, 4];
    return s;
  }
  function timeAxis() {
    return { values: function (u, vals) { return vals.map(elapsed); }, label: 'time since start (m:ss)',
      incrs: [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 28800, 86400],
      labelSize: 18, labelFont: '12px system-ui', font: '11px system-ui', stroke: '#475467',
      grid: { stroke: '#eef0f3' }, ticks: { stroke: '#e4e7ec' } };
  }
  function valueAxis(scale, label, side) {
    return { scale: scale, label: label, side: side || 3, labelSize: 18, labelFont: '12px system-ui',
      font: '11px system-ui', stroke: '#475467', size: 56, grid: { show: side !== 1, stroke: '#eef0f3' },
      ticks: { stroke: '#e4e7ec' }, values: function (u, vals) { return vals.map(num); } };
  }
  function hasData(arrays) {
    for (var i = 0; i < arrays.length; i++) {
      var a = arrays[i];
      for (var j = 0; j < a.length; j++) if (a[j] != null) return true;
    }
    return false;
  }
  function make(el, opts, data) {
    if (el._u) { el._u.destroy(); el._u = null; }
    el.textContent = '';
    if (!data[0].length || !hasData(data.slice(1))) {
      el.innerHTML = '<p class="muted">No data to draw.</p>';
      el.setAttribute('data-drawn', 'empty');
      return;
    }
    opts.width = Math.max(280, el.clientWidth);
    opts.height = HEIGHT;
    opts.legend = { live: true };
    opts.cursor = { drag: { x: true, y: false } };
    el._u = new uPlot(opts, data, el);
    var points = 0;
    for (var i = 1; i < data.length; i++) for (var j = 0; j < data[i].length; j++) if (data[i][j] != null) points++;
    el.setAttribute('data-drawn', String(points));
  }

  var builders = {
    throughput: function (el, p) {
      make(el, { scales: { x: { time: false }, rate: {}, users: {} },
        series: [xSeries(), line('requests/s', COLORS.rps, 'rate', num), line('failed/s', COLORS.fps, 'rate', num),
          line('iterations/s', COLORS.ips, 'rate', num), line('active users', COLORS.users, 'users', num, true)],
        axes: [timeAxis(), valueAxis('rate', 'per second'), valueAxis('users', 'users', 1)] },
        [p.t, p.rps, p.fps, p.ips, p.users]);
    },
    latency: function (el, p, metric) {
      var m = p.lat[metric];
      if (!m) { el.innerHTML = '<p class="muted">No per-interval data for this metric.</p>'; el.setAttribute('data-drawn', 'empty'); return; }
      var f = function (v) { return num(v) + unitOf(m.u); };
      make(el, { scales: { x: { time: false } },
        series: [xSeries(), line('p50', COLORS.p50, 'y', f), line('p95', COLORS.p95, 'y', f), line('p99', COLORS.p99, 'y', f)],
        axes: [timeAxis(), valueAxis('y', m.u)] }, [p.t, m.p50, m.p95, m.p99]);
    },
    histogram: function (el, p, metric) {
      var d = p.dist[metric];
      if (!d) { el.innerHTML = '<p class="muted">No samples.</p>'; el.setAttribute('data-drawn', 'empty'); return; }
      var xs = d.hb.map(function (_, i) { return i; });
      make(el, { scales: { x: { time: false, range: [-0.6, xs.length - 0.4] } },
        series: [{ label: 'up to', value: function (u, i) { return i == null ? '' : '\u2264 ' + num(d.hb[i]) + unitOf(d.u); } },
          { label: 'samples', stroke: COLORS.p50, fill: 'rgba(47,91,211,0.55)', width: 1,
            paths: uPlot.paths.bars({ size: [0.86, 40] }), points: { show: false },
            value: function (u, v) { return v == null ? '\u2013' : num(v); } }],
        axes: [{ label: (d.u || 'value') + ' (bucket upper bound)', labelSize: 18, labelFont: '12px system-ui',
          font: '11px system-ui', stroke: '#475467', grid: { show: false }, space: 44,
          values: function (u, vals) { return vals.map(function (i) { return Number.isInteger(i) && d.hb[i] != null ? num(d.hb[i]) : ''; }); } },
          valueAxis('y', 'samples')] }, [xs, d.hc]);
    },
    percentiles: function (el, p, metric) {
      var d = p.dist[metric];
      if (!d) { el.innerHTML = '<p class="muted">No samples.</p>'; el.setAttribute('data-drawn', 'empty'); return; }
      var pct = function (x) { var v = 100 * (1 - Math.pow(10, -x)); return (v >= 99.99 ? v.toFixed(3) : v >= 99 ? v.toFixed(2) : v.toFixed(1)).replace(/\.?0+$/, '') + '%'; };
      make(el, { scales: { x: { time: false, range: [0, Math.max(2, Math.ceil(d.cx[d.cx.length - 1] || 0))] } },
        series: [{ label: 'percentile', value: function (u, v) { return v == null ? '' : pct(v); } },
          line('value', COLORS.p95, 'y', function (v) { return num(v) + unitOf(d.u); })],
        axes: [{ label: 'percentile', labelSize: 18, labelFont: '12px system-ui', font: '11px system-ui',
          stroke: '#475467', grid: { stroke: '#eef0f3' }, incrs: [1], values: function (u, vals) { return vals.map(pct); } },
          valueAxis('y', d.u)] }, [d.cx, d.cv]);
    },
    family: function (el, p) {
      var names = (el.getAttribute('data-metrics') || '').split('\n').filter(function (n) { return p.lat[n]; });
      var series = [xSeries()], data = [p.t], axes = [timeAxis()], units = {};
      names.forEach(function (n, i) {
        var u = p.lat[n].u || '';
        if (!(u in units)) { units[u] = 'y' + Object.keys(units).length; }
        var sc = units[u];
        series.push(line(n + ' p95', PALETTE[i % PALETTE.length], sc, function (v) { return num(v) + unitOf(u); }));
        data.push(p.lat[n].p95);
      });
      Object.keys(units).forEach(function (u, i) { axes.push(valueAxis(units[u], u, i === 0 ? 3 : 1)); });
      var scales = { x: { time: false } };
      Object.keys(units).forEach(function (u) { scales[units[u]] = {}; });
      make(el, { scales: scales, series: series, axes: axes }, data);
    },
    cpu: function (el) {
      var g = DATA.gen;
      make(el, { scales: { x: { time: false }, cpu: {}, lag: {} },
        series: [xSeries(), line('CPU %', COLORS.cpu, 'cpu', function (v) { return num(v) + ' %'; }),
          line('lag ms', COLORS.lag, 'lag', function (v) { return num(v) + ' ms'; })],
        axes: [timeAxis(), valueAxis('cpu', '% of one core'), valueAxis('lag', 'ms', 1)] }, [g.t, g.cpu, g.lag]);
    },
    heap: function (el) {
      var g = DATA.gen;
      make(el, { scales: { x: { time: false }, heap: {}, gc: {} },
        series: [xSeries(), line('heap MB', COLORS.heap, 'heap', function (v) { return num(v) + ' MB'; }),
          line('GC ms', COLORS.gc, 'gc', function (v) { return num(v) + ' ms'; })],
        axes: [timeAxis(), valueAxis('heap', 'MB'), valueAxis('gc', 'ms', 1)] }, [g.t, g.heap, g.gc]);
    }
  };

  function draw(el) {
    var panel = el.closest('.panel');
    var p = panel ? DATA.panels[Number(panel.getAttribute('data-panel'))] : null;
    var select = panel ? panel.querySelector('.metric-select') : null;
    try {
      builders[el.getAttribute('data-chart')](el, p, select ? select.value : null);
    } catch (e) {
      el.setAttribute('data-drawn', 'error');
      throw e;
    }
  }
  function drawVisible(root) {
    root.querySelectorAll('.chart').forEach(function (el) {
      if (!el.hasAttribute('data-drawn') && el.offsetParent !== null) draw(el);
    });
  }

  // tabs
  document.querySelectorAll('.tab').forEach(function (tab) {
    tab.addEventListener('click', function () {
      var idx = tab.getAttribute('data-panel');
      document.querySelectorAll('.tab').forEach(function (t) { t.setAttribute('aria-selected', String(t === tab)); });
      document.querySelectorAll('.panel').forEach(function (p) {
        if (p.getAttribute('data-panel') === idx) p.removeAttribute('hidden'); else p.setAttribute('hidden', '');
      });
      drawVisible(document.getElementById('panel-' + idx));
    });
  });

  // the metric shown by a panel's latency and distribution charts
  document.querySelectorAll('.metric-select').forEach(function (select) {
    select.addEventListener('change', function () {
      select.closest('.panel').querySelectorAll('.chart[data-chart="latency"], .chart[data-chart="histogram"], '
        + '.chart[data-chart="percentiles"]').forEach(draw);
    });
  });

  // sortable tables: numbers by data-v, text by data-s or content
  function key(td) {
    if (!td) return '';
    if (td.hasAttribute('data-v')) { var v = td.getAttribute('data-v'); return v === 'null' ? -Infinity : Number(v); }
    return (td.getAttribute('data-s') || td.textContent).toLowerCase();
  }
  document.querySelectorAll('table.sortable').forEach(function (table) {
    table.querySelectorAll('th').forEach(function (th, col) {
      function sort() {
        var asc = th.getAttribute('aria-sort') !== 'ascending';
        if (!th.hasAttribute('aria-sort') && th.classList.contains('n')) asc = false; // numbers: largest first
        table.querySelectorAll('th').forEach(function (o) { o.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a.cells[col]), y = key(b.cells[col]);
          var c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
          return asc ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      }
      th.addEventListener('click', sort);
      th.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); } });
    });
  });

  // keep charts as wide as their boxes
  var resizeTimer = null;
  window.addEventListener('resize', function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () {
      document.querySelectorAll('.chart').forEach(function (el) {
        if (el._u && el.offsetParent !== null) el._u.setSize({ width: Math.max(280, el.clientWidth), height: HEIGHT });
      });
    }, 120);
  });
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('.panel').forEach(function (p) { p.removeAttribute('hidden'); });
    drawVisible(document);
  });

  drawVisible(document);
  window.liveloadReportReady = true;
})();
