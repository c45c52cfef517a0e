/* Charts and date pickers of the pages (no inline script: the Content-Security-Policy).
 *
 * Charts: <canvas data-chart="ID"> beside <script type="application/json" id="ID"> written by
 * dangbo/core/charts.py; Chart.js draws them full width, with wrapped unit names, tooltips,
 * a legend and numbers written the Vietnamese way (60.137; 3,76%).
 * Dates: every <input data-datepicker> gets a flatpickr calendar in Vietnamese that fills
 * dd/mm/yyyy; typing stays possible and the server still checks what is sent.
 * Both libraries come from npm (package.json) and are served by the site itself.
 */
(function () {
  "use strict";

  // -- Vietnamese numbers (the same rules as dangbo/core/vn.py) -------------------------------
  function vnNumber(value, decimals) {
    var fixed = Math.abs(value).toFixed(decimals || 0).split(".");
    var whole = fixed[0].replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    return (value < 0 ? "-" : "") + whole + (fixed[1] ? "," + fixed[1] : "");
  }

  function trimmed(value) {
    var text = vnNumber(value, 2);
    return text.indexOf(",") >= 0 ? text.replace(/0+$/, "").replace(/,$/, "") : text;
  }

  function formatValue(value, suffix) {
    if (value === null || value === undefined || isNaN(value)) return "—";
    return trimmed(value) + (suffix || "");
  }

  // -- charts ----------------------------------------------------------------------------------
  /* "Đảng bộ Trường Trung học phổ thông Bình Lư" -> lines of whole words, at most `width`
     characters each (a word longer than that stays whole): never cut mid-word. */
  function wrapLabel(label, width) {
    var lines = [], line = "";
    String(label).split(/\s+/).forEach(function (word) {
      if (line && (line + " " + word).length > width) {
        lines.push(line);
        line = word;
      } else {
        line = line ? line + " " + word : word;
      }
    });
    if (line) lines.push(line);
    return lines.length > 1 ? lines : lines[0] || "";
  }

  function barChart(spec, narrow) {
    var percent = spec.percent;
    var width = narrow ? 16 : 30;
    var labels = spec.labels.map(function (label) { return wrapLabel(label, width); });
    return {
      type: "bar",
      data: {
        labels: labels,
        datasets: spec.datasets.map(function (d) {
          return { label: d.label, data: d.data, counts: d.counts, backgroundColor: d.color,
                   borderColor: "#fff", borderWidth: 1, maxBarThickness: 34 };
        })
      },
      options: {
        indexAxis: "y",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { stacked: true, min: 0, max: percent ? 100 : undefined, beginAtZero: true,
               ticks: { precision: percent ? undefined : 0,  // counts of people: whole numbers
                        callback: function (v) { return formatValue(v, percent ? "%" : ""); } } },
          y: { stacked: true, ticks: { autoSkip: false } }
        },
        plugins: {
          legend: { position: narrow ? "bottom" : "top", labels: { boxWidth: 12 } },
          tooltip: {
            callbacks: {
              title: function (items) { return items.length ? spec.labels[items[0].dataIndex] : ""; },
              label: function (ctx) {
                var d = ctx.dataset;
                if (percent && d.counts) {
                  return d.label + ": " + formatValue(d.counts[ctx.dataIndex], "") + " (" + formatValue(ctx.parsed.x, "%") + ")";
                }
                return d.label + ": " + formatValue(ctx.parsed.x, "");
              }
            }
          }
        }
      }
    };
  }

  function lineChart(spec, narrow) {
    var suffix = spec.suffix || "";
    var y = { suggestedMin: spec.min, suggestedMax: spec.max, beginAtZero: false,
              ticks: { callback: function (v) { return formatValue(v, suffix); } } };
    if (suffix === "%" && spec.max === 100) y.max = 100;
    return {
      type: "line",
      data: {
        labels: spec.labels,
        datasets: spec.datasets.map(function (d) {
          return { label: d.label, data: d.data, borderColor: d.color, backgroundColor: d.color,
                   borderWidth: 2, borderDash: d.target ? [6, 4] : [], pointRadius: d.target ? 0 : 4,
                   pointHoverRadius: d.target ? 0 : 6, spanGaps: true, tension: 0 };
        })
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: "index", intersect: false },
        scales: { y: y },
        plugins: {
          legend: { position: narrow ? "bottom" : "top", labels: { boxWidth: 12 } },
          tooltip: {
            callbacks: {
              label: function (ctx) { return ctx.dataset.label + ": " + formatValue(ctx.parsed.y, suffix); }
            }
          }
        }
      }
    };
  }

  function drawCharts(root) {
    if (!window.Chart) return;
    window.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    window.Chart.defaults.font.size = window.innerWidth < 600 ? 12 : 13;
    window.Chart.defaults.color = "#1d1d1f";
    root.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      if (canvas.dataset.drawn) return;
      var source = document.getElementById(canvas.dataset.chart);
      if (!source) return;
      var spec = JSON.parse(source.textContent);
      var box = canvas.closest(".chart-box");
      var holder = canvas.parentElement;
      var narrow = (box || holder).clientWidth < 560;
      var config;
      if (spec.kind === "bars") {
        config = barChart(spec, narrow);
        var lines = config.data.labels.reduce(function (n, l) { return n + (Array.isArray(l) ? l.length : 1); }, 0);
        // Room for every wrapped name (a bar per unit, never squeezed) and for the legend's rows.
        var rows = Math.max(lines * 17 + spec.labels.length * 12, spec.labels.length * 30);
        var legendWidth = spec.datasets.reduce(function (w, d) { return w + d.label.length * 7 + 34; }, 0);
        var legendRows = Math.ceil(legendWidth / Math.max(200, holder.clientWidth - 20));
        holder.style.height = (rows + 48 + legendRows * 26) + "px";
      } else {
        config = lineChart(spec, narrow);
      }
      if (box) box.classList.add("chart-ready");
      canvas.dataset.drawn = "1";
      new window.Chart(canvas, config);
    });
  }

  // -- date pickers ------------------------------------------------------------------------------
  /* dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy) or yyyy-mm-dd; undefined if no such day. */
  function parseVnDate(text) {
    var m = /^\s*(\d{1,2})[\/.\-](\d{1,2})[\/.\-](\d{4})\s*$/.exec(text);
    var day, month, year;
    if (m) { day = +m[1]; month = +m[2]; year = +m[3]; } else {
      m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(text);
      if (!m) return undefined;
      year = +m[1]; month = +m[2]; day = +m[3];
    }
    var date = new Date(year, month - 1, day);
    return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date : undefined;
  }

  function attachDatePickers(root) {
    if (!window.flatpickr) return;
    var locale = (window.flatpickr.l10ns && window.flatpickr.l10ns.vn) || "default";
    root.querySelectorAll("input[data-datepicker]").forEach(function (input) {
      if (input._flatpickr) return;
      var typed = input.value;
      // Only what the person types: the calendar itself fires "input" when it empties the field.
      input.addEventListener("input", function (event) { if (event.isTrusted) typed = input.value; });
      window.flatpickr(input, {
        locale: locale, dateFormat: "d/m/Y", allowInput: true, disableMobile: true,
        parseDate: parseVnDate, errorHandler: function () {}
      });
      // Something the calendar cannot read (a typing slip) is kept and sent: the server
      // answers with its message instead of the field silently emptying.
      // The calendar empties the field on blur and again when focus lands elsewhere: restore after both.
      input.addEventListener("blur", function () {
        setTimeout(function () { if (!input.value && typed.trim()) input.value = typed; }, 0);
      });
    });
  }

  function enhance(root) {
    drawCharts(root);
    attachDatePickers(root);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  } else {
    enhance(document);
  }
  // Parts of pages replaced by htmx get the same treatment.
  document.addEventListener("htmx:load", function (event) { enhance(event.target); });
})();
