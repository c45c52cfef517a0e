"""The demo hook loads the seed documents with links, targets and real scorecard numbers."""
import io
import random
from datetime import date
from types import SimpleNamespace

import pytest

from dangbo.documents import demo, scorecards, tracking
from dangbo.documents.models import Document, DocumentStatus


@pytest.fixture
def loaded(tree):
    ctx = SimpleNamespace(province=tree.province, random=random.Random("2026:documents"), today=date(2026, 3, 1),
                          admin=tree.admin, users={}, stdout=io.StringIO(), seeds_dir=None)
    demo.populate(ctx)
    return ctx


SEED_NUMBERS = ["02-NQ/ĐUK", "03-NQ/ĐUK", "135-KH/TU", "155-KH/TU", "01-CTr/TU", "03-NQ/TU", "22-HD/BTCTU",
                "29-HD/BTCTU", "05-CT/TW", "35-CT/TW", "08-QĐi/TW", "03-CT/TW", "39-NQ/TW"]


def by_number(number):
    return Document.objects.get(number=number)


def test_demo_holds_every_document_the_seeds_cite(loaded):
    numbers = set(Document.objects.values_list("number", flat=True))
    assert set(SEED_NUMBERS) <= numbers
    assert by_number("03-CT/TW").status == DocumentStatus.EXPIRED  # replaced by 05-CT/TW
    assert by_number("155-KH/TU").links_out.get().target.number == "35-CT/TW"
    assert by_number("02-NQ/ĐUK").issuer.code == "ĐUK"


def test_demo_scorecards_show_real_numbers(loaded):
    today = loaded.today
    assert scorecards.document_scorecard(by_number("02-NQ/ĐUK"), today).headline == "đạt và vượt 3/4 chỉ tiêu"
    economy = scorecards.document_scorecard(by_number("10-NQ/TU"), today)
    assert economy.headline == "đạt và vượt 17/21 chỉ tiêu"
    assert [line.target.wording for line in economy.missed][0] == "Tốc độ tăng trưởng GDP"
    conclusion = scorecards.document_scorecard(by_number("02-KL/TU"), today)
    assert conclusion.headline == "đạt và vượt 2/3 chỉ tiêu"
    assert conclusion.missed[0].evaluation.reason == "không đạt năm 2023"


def test_demo_tracking_shows_issued_and_not_yet(loaded):
    plan = Document.objects.get(implementation_level="truc_thuoc")
    rows = tracking.tracking(plan, loaded.today)
    assert len(rows) == 2  # the two communes of the test tree
    assert {row.state for row in rows} <= {"dung_han", "tre_han", "chua_ban_hanh", "qua_han"}
    assert "đảng bộ trực thuộc đã ban hành" in loaded.stdout.getvalue()


def test_demo_runs_once(loaded):
    count = Document.objects.count()
    demo.populate(loaded)
    assert Document.objects.count() == count
