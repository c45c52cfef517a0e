"""Every fact points at its exact words in the input, whatever the input's Unicode form."""
import unicodedata
from pathlib import Path

import pytest

from dangbo.extract import extract

HELDOUT = Path(__file__).resolve().parent / "heldout"
SEEDS = Path(__file__).resolve().parents[3] / ".." / "shared" / "seeds"


def _texts() -> list[str]:
    files = sorted(HELDOUT.glob("*.txt")) + (sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else [])
    return [f.read_text(encoding="utf-8") for f in files]


def _all_spans(facts) -> list:
    return [*facts.documents, *facts.targets, *facts.statistics, *facts.people, *facts.congresses,
            *facts.dates]


def assert_spans_exact(text: str) -> None:
    facts = extract(text)
    for fact in _all_spans(facts):
        assert fact.text == text[fact.start:fact.end], fact


@pytest.mark.parametrize("index", range(len(_texts())))
def test_spans_are_exact_on_articles(index):
    assert_spans_exact(_texts()[index])


def test_spans_are_exact_on_decomposed_unicode():
    text = unicodedata.normalize("NFD", _texts()[0])
    facts = extract(text)
    assert facts.documents and facts.people
    assert_spans_exact(text)
    nfc = extract(unicodedata.normalize("NFC", text)).to_json()
    assert [d["number"] for d in facts.to_json()["documents"]] == [d["number"] for d in nfc["documents"]]


def test_spans_are_exact_with_windows_line_ends():
    text = _texts()[1].replace("\n", "\r\n")
    assert extract(text).documents
    assert_spans_exact(text)


def test_old_tone_placement_is_matched_and_kept_as_written():
    text = "Đồng chí Trần Văn Cường, Uỷ viên Ban Thường vụ Tỉnh uỷ, chủ trì. Nghị quyết số 03-NQ/TU khoá X."
    facts = extract(text)
    assert facts.people[0].positions == ["Uỷ viên Ban Thường vụ Tỉnh uỷ"]
    assert facts.documents[0].issuer_code == "TU"
    assert_spans_exact(text)


def test_json_has_the_scorer_schema():
    data = extract(_texts()[0]).to_json()
    assert {"documents", "targets", "statistics", "people", "congresses"} <= set(data)
    for document in data["documents"]:
        assert {"type", "type_code", "number", "issuer_code", "date", "text"} <= set(document)
    for target in data["targets"]:
        assert target["comparator"] in (">=", ">", "=", "<=", "<")


@pytest.mark.parametrize("text", ["", "\n\n", "   ", "Không có gì.", "1", "Đại hội", "Nghị quyết số"])
def test_empty_or_tiny_input(text):
    assert extract(text).to_json()["documents"] == []
