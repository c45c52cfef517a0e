"""Small server-side SVG charts: no JavaScript, readable in the page, printable, testable.

    from dangbo.core.charts import Series, stacked_bars, lines

    svg = stacked_bars(["Chi bộ 1", "Chi bộ 2"],
                       [Series("Hoàn thành xuất sắc", [2, 1]), Series("Hoàn thành tốt", [8, 9])],
                       as_percent=True, title="Xếp loại đảng viên năm 2025")
    svg = lines(["2023", "2024", "2025"], [Series("HTTNV trở lên", [91.2, 93.5, 95.1])],
                target=95, value_suffix="%", title="Xu hướng")

Both return a `SafeString` ready for `{{ svg }}`. Every bar and point carries a <title>
tooltip with the exact Vietnamese-formatted value; each chart has role="img" and an
aria-label, so the figures are reachable without a mouse.
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

from django.utils.safestring import SafeString, mark_safe

from dangbo.core import vn

PALETTE = ["#b3171c", "#e0812b", "#f2c14e", "#6b7b8c", "#2f6f8f", "#4f9d69", "#8e5ea2"]


@dataclass
class Series:
    name: str
    values: list[float | int | None]
    color: str | None = None


def _fmt(value: float | None, suffix: str) -> str:
    if value is None:
        return "—"
    if suffix == "%":
        return vn.format_percent(value)
    return vn.format_number(value, 0 if float(value).is_integer() else 2) + suffix


def _legend(series: list[Series], x: int, y: int) -> list[str]:
    parts = []
    for index, item in enumerate(series):
        color = item.color or PALETTE[index % len(PALETTE)]
        ly = y + index * 16
        parts.append(f'<rect x="{x}" y="{ly}" width="11" height="11" fill="{color}"/>'
                     f'<text x="{x + 16}" y="{ly + 10}">{escape(item.name)}</text>')
    return parts


def stacked_bars(categories: list[str], series: list[Series], *, as_percent: bool = True, title: str = "",
                 width: int = 760, bar_height: int = 22) -> SafeString:
    """Horizontal stacked bars, one per category (child unit), one segment per series (level)."""
    label_width, legend_width = 210, 190
    plot_width = width - label_width - legend_width - 20
    height = max(60 + len(categories) * (bar_height + 8), 40 + len(series) * 16)
    out = [f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
           f'width="100%" role="img" aria-label="{escape(title)}">']
    if title:
        out.append(f'<text x="0" y="14" font-weight="bold">{escape(title)}</text>')
    for row, category in enumerate(categories):
        y = 30 + row * (bar_height + 8)
        total = sum((s.values[row] or 0) for s in series)
        out.append(f'<text x="{label_width - 6}" y="{y + bar_height * 0.7}" text-anchor="end">'
                   f'{escape(category[:34])}</text>')
        x = float(label_width)
        for index, item in enumerate(series):
            value = item.values[row] or 0
            share = (value / total) if total else 0
            span = plot_width * (share if as_percent else (value / max(1, _max_total(series))))
            color = item.color or PALETTE[index % len(PALETTE)]
            if span > 0:
                tip = f"{category} — {item.name}: {vn.format_number(value)}"
                if as_percent and total:
                    tip += f" ({vn.format_percent(100 * share)})"
                out.append(f'<rect x="{x:.1f}" y="{y}" width="{span:.1f}" height="{bar_height}" fill="{color}">'
                           f'<title>{escape(tip)}</title></rect>')
            x += span
    out += _legend(series, width - legend_width + 10, 30)
    out.append("</svg>")
    return mark_safe("".join(out))


def _max_total(series: list[Series]) -> float:
    rows = len(series[0].values) if series else 0
    return max((sum((s.values[i] or 0) for s in series) for i in range(rows)), default=1)


def lines(x_labels: list[str], series: list[Series], *, target: float | None = None, value_suffix: str = "",
          title: str = "", width: int = 760, height: int = 260, y_min: float | None = None,
          y_max: float | None = None) -> SafeString:
    """Line chart over periods (years), with an optional dashed target line."""
    left, right, top, bottom = 50, 200, 28, 30
    values = [v for s in series for v in s.values if v is not None] + ([target] if target is not None else [])
    low = y_min if y_min is not None else min(values + [0])
    high = y_max if y_max is not None else max(values + [1])
    if high == low:
        high = low + 1
    plot_w, plot_h = width - left - right, height - top - bottom
    step = plot_w / max(1, len(x_labels) - 1)

    def xy(index: int, value: float) -> tuple[float, float]:
        return left + index * step, top + plot_h * (1 - (value - low) / (high - low))

    out = [f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
           f'width="100%" role="img" aria-label="{escape(title)}">']
    if title:
        out.append(f'<text x="0" y="14" font-weight="bold">{escape(title)}</text>')
    out.append(f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="#999"/>')
    for fraction in (0, 0.5, 1):
        value = low + (high - low) * fraction
        _, y = xy(0, value)
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{escape(_fmt(value, value_suffix))}</text>')
    for index, label in enumerate(x_labels):
        x, _ = xy(index, low)
        out.append(f'<text x="{x:.1f}" y="{height - 8}" text-anchor="middle">{escape(label)}</text>')
    if target is not None:
        _, y = xy(0, target)
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#17702b" '
                   f'stroke-dasharray="5,4"><title>Chỉ tiêu: {escape(_fmt(target, value_suffix))}</title></line>')
    for s_index, item in enumerate(series):
        color = item.color or PALETTE[s_index % len(PALETTE)]
        points = [(i, v) for i, v in enumerate(item.values) if v is not None]
        if len(points) > 1:
            path = " ".join(f"{xy(i, v)[0]:.1f},{xy(i, v)[1]:.1f}" for i, v in points)
            out.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2"/>')
        for i, v in points:
            x, y = xy(i, v)
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{color}">'
                       f'<title>{escape(item.name)} {escape(x_labels[i])}: {escape(_fmt(v, value_suffix))}</title></circle>')
    legend = series + ([Series("Chỉ tiêu", [], "#17702b")] if target is not None else [])
    out += _legend(legend, width - right + 14, top)
    out.append("</svg>")
    return mark_safe("".join(out))
