"""Charts of the pages: the figures go to the browser as JSON (json_script), Chart.js draws them
(core/static/core/ui.js), and a table of the same figures sits under each chart.

    from dangbo.core.charts import Series, stacked_bars, lines

    chart = stacked_bars(["Chi bộ 1", "Chi bộ 2"],
                         [Series("Hoàn thành xuất sắc", [2, 1]), Series("Hoàn thành tốt", [8, 9])],
                         as_percent=True, title="Xếp loại đảng viên năm 2025")
    chart = lines(["2023", "2024", "2025"], [Series("HTTNV trở lên", [91.2, 93.5, 95.1])],
                  target=95, value_suffix="%", title="Xu hướng")

`{{ chart }}` in a template renders the figure: a caption, the canvas, the JSON and the table
(readable without JavaScript, and by screen readers). Tooltips, legend and axis labels are
formatted the Vietnamese way by the page script (3,76%; 60.137). The value axis of a line chart
spans the data (and the target), not 0-100%, so differences of a few points stay visible.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from django.template.loader import render_to_string

from dangbo.core import vn

PALETTE = ["#b3171c", "#e0812b", "#f2c14e", "#6b7b8c", "#2f6f8f", "#4f9d69", "#8e5ea2"]
TARGET_COLOR = "#17702b"
_ids = itertools.count(1)


@dataclass
class Series:
    name: str
    values: list[float | int | None]
    color: str | None = None


def _fmt(value: float | int | None, suffix: str) -> str:
    if value is None:
        return "—"
    if suffix == "%":
        return vn.format_percent(value)
    return vn.format_number(value, 0 if float(value).is_integer() else 2) + suffix


@dataclass
class Chart:
    """One chart: `spec` is what the page script reads, `rows` the table under it."""
    kind: str  # "bars" (horizontal, stacked) or "lines"
    title: str
    spec: dict
    headers: list[str]
    rows: list[list[str]]
    id: str = field(default_factory=lambda: f"chart-{next(_ids)}")

    def __html__(self) -> str:
        return render_to_string("core/_chart.html", {"chart": self})

    def __str__(self) -> str:
        return self.__html__()


def _datasets(series: list[Series]) -> list[dict]:
    return [{"label": s.name, "data": list(s.values), "color": s.color or PALETTE[i % len(PALETTE)]}
            for i, s in enumerate(series)]


def stacked_bars(categories: list[str], series: list[Series], *, as_percent: bool = True,
                 title: str = "") -> Chart:
    """Horizontal stacked bars, one per category (child unit), one segment per series (level).
    as_percent: each bar is the shares of its row (100%), the tooltip gives count and share."""
    datasets = _datasets(series)
    totals = [sum((s.values[row] or 0) for s in series) for row in range(len(categories))]
    if as_percent:
        for dataset, item in zip(datasets, series):
            dataset["counts"] = list(item.values)
            dataset["data"] = [vn.percent(v or 0, total) if total else None for v, total in zip(item.values, totals)]
    rows = []
    for row, category in enumerate(categories):
        cells = [category]
        for item in series:
            value = item.values[row]
            text = _fmt(value, "")
            if as_percent and totals[row]:
                text += f" ({vn.format_percent(vn.percent(value or 0, totals[row]))})"
            cells.append(text)
        rows.append(cells)
    spec = {"kind": "bars", "labels": list(categories), "datasets": datasets, "percent": as_percent}
    return Chart("bars", title, spec, ["Đơn vị", *[s.name for s in series]], rows)


def value_range(values: list[float], *, percent: bool) -> tuple[float, float]:
    """The span of the value axis: the data with a margin, never below 0 nor (for percentages)
    above 100, and at least a few units wide so one flat series is not drawn as noise."""
    low, high = min(values), max(values)
    margin = max((high - low) * 0.2, 2.0 if percent else max(1.0, abs(high) * 0.05))
    low, high = low - margin, high + margin
    if low < 0 <= min(values):
        low = 0.0
    if percent and high > 100 >= max(values):
        high = 100.0
    return low, high


def lines(x_labels: list[str], series: list[Series], *, target: float | None = None, value_suffix: str = "",
          title: str = "", from_zero: bool = False) -> Chart:
    """Line chart over periods (years, quarters), with an optional dashed target line.
    from_zero: the axis starts at 0 (running counts); otherwise it spans the data."""
    datasets = _datasets(series)
    values = [float(v) for s in series for v in s.values if v is not None]
    if target is not None:
        values.append(float(target))
        datasets.append({"label": f"Chỉ tiêu ({_fmt(target, value_suffix)})", "data": [target] * len(x_labels),
                         "color": TARGET_COLOR, "target": True})
    spec = {"kind": "lines", "labels": list(x_labels), "datasets": datasets, "suffix": value_suffix}
    if values:
        spec["min"], spec["max"] = value_range(values, percent=value_suffix == "%")
        if from_zero:
            spec["min"] = 0
    headers = ["", *[s.name for s in series]] + (["Chỉ tiêu"] if target is not None else [])
    rows = [[label, *[_fmt(s.values[i], value_suffix) for s in series]]
            + ([_fmt(target, value_suffix)] if target is not None else []) for i, label in enumerate(x_labels)]
    return Chart("lines", title, spec, headers, rows)
