"""Charts and date fields as the server writes them (no browser, no npm): the figures a chart
draws, its table, the axis span, the date fields marked for the calendar, and pages that still
render when the npm libraries are not installed."""
import json
import re

import pytest
from django import forms
from django.template import Context, Template

from dangbo.core import staticfiles
from dangbo.core.charts import Series, lines, stacked_bars, value_range
from dangbo.core.forms import CheckedForm


def spec_of(chart) -> dict:
    html = str(chart)
    found = re.search(r'<script id="(chart-\d+)" type="application/json">(.*?)</script>', html, re.S)
    assert found and f'data-chart="{found.group(1)}"' in html
    return json.loads(found.group(2))


def test_stacked_bars_give_shares_with_the_counts_behind_them():
    chart = stacked_bars(["Đảng bộ Trường Trung học phổ thông Bình Lư huyện Tam Đường tỉnh Lai Châu"],
                         [Series("Hoàn thành tốt", [3]), Series("Hoàn thành", [1])], title="Năm 2025")
    spec = spec_of(chart)
    assert spec["labels"] == ["Đảng bộ Trường Trung học phổ thông Bình Lư huyện Tam Đường tỉnh Lai Châu"]  # whole
    assert [d["data"] for d in spec["datasets"]] == [[75.0], [25.0]]
    assert [d["counts"] for d in spec["datasets"]] == [[3], [1]]
    html = str(chart)
    assert "<figcaption>Năm 2025</figcaption>" in html and 'aria-label="Năm 2025"' in html
    assert "3 (75%)" in html and "1 (25%)" in html  # the table under the chart


def test_trend_axis_spans_the_data_not_zero_to_hundred():
    chart = lines(["2023", "2024", "2025"], [Series("HTTNV trở lên", [93.5, 96.25, 94.1])], target=95,
                  value_suffix="%")
    spec = spec_of(chart)
    assert 85 < spec["min"] < 93.5 and 96.25 < spec["max"] <= 100
    assert spec["datasets"][-1]["label"] == "Chỉ tiêu (95%)" and spec["datasets"][-1]["target"]
    html = str(chart)
    assert "96,25%" in html and "94,1%" in html


def test_value_range_stays_within_zero_and_hundred_percent():
    assert value_range([99.0, 100.0], percent=True)[1] == 100
    assert value_range([0.5, 1.0], percent=True)[0] == 0
    low, high = value_range([60137, 61000], percent=False)
    assert 50000 < low < 60137 and high > 61000


def test_running_counts_start_at_zero():
    assert spec_of(lines(["Quý I", "Quý II"], [Series("Lũy kế", [3, 7])], from_zero=True))["min"] == 0


class ExampleForm(CheckedForm):
    day = forms.DateField(label="Ngày")
    when = forms.DateTimeField(label="Lúc", required=False)


def test_date_fields_are_marked_for_the_calendar_and_still_checked_by_the_server():
    html = str(ExampleForm()["day"])
    assert "data-datepicker" in html and 'placeholder="dd/mm/yyyy"' in html
    assert "data-datepicker" not in str(ExampleForm()["when"])
    form = ExampleForm({"day": "31/02/2025"})
    assert not form.is_valid() and "day" in form.errors
    form = ExampleForm({"day": "05/03/2025"})
    assert form.is_valid(), form.errors
    assert 'value="05/03/2025"' in str(ExampleForm(initial={"day": form.cleaned_data["day"]})["day"])


@pytest.fixture
def no_node_modules(tmp_path, monkeypatch):
    from dangbo.core.templatetags import assets

    monkeypatch.setattr(staticfiles, "NODE_MODULES", tmp_path)
    assets._url.cache_clear()
    yield
    assets._url.cache_clear()


def test_without_npm_packages_pages_render_without_the_libraries(no_node_modules, tree, login):
    assert not list(staticfiles.NodeModulesFinder().list(None))
    html = Template("{% load assets %}{% page_assets %}").render(Context())
    assert "chart.umd" not in html and "flatpickr" not in html and "core/ui.js" in html
    page = login(tree.admin).get("/")
    assert page.status_code == 200


def test_the_npm_files_are_served_under_vendor(tmp_path, monkeypatch):
    (tmp_path / "chart.js" / "dist").mkdir(parents=True)
    (tmp_path / "chart.js" / "dist" / "chart.umd.min.js").write_text("/* chart */")
    monkeypatch.setattr(staticfiles, "NODE_MODULES", tmp_path)
    finder = staticfiles.NodeModulesFinder()
    assert finder.find("vendor/chart.js/chart.umd.min.js") == str(tmp_path / "chart.js/dist/chart.umd.min.js")
    assert not finder.find("vendor/flatpickr/flatpickr.min.js")
    assert not finder.find("chart.js/dist/chart.umd.min.js")  # nothing else of node_modules
    [(public, storage)] = finder.list(None)
    assert public == "vendor/chart.js/chart.umd.min.js" and storage.open(public).read() == b"/* chart */"
