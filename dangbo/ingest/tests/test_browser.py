"""Real headless Chromium: a clerk uploads an article, reviews its facts, finds the records.

Issue #5 acceptance: upload seed 001_48e921f8beb52c64.txt, accept the facts, and see
resolution 02-NQ/ĐUK with its targets in the registry.
"""
import pytest

from dangbo.ingest.tests.fakes import SEED_001, SEEDS

pytestmark = pytest.mark.browser


def test_clerk_uploads_a_seed_accepts_all_and_finds_the_resolution_with_its_targets(live_tree, page_as, live_server):
    seed = SEEDS / f"{SEED_001}.txt"
    if not seed.exists():
        pytest.skip(f"seed article {seed} is not in this checkout (shared/seeds)")
    page = page_as(live_tree.staff_a)
    page.goto(f"{live_server.url}/trich-xuat/")
    page.click("text=Nạp văn bản")
    page.locator("#id_organization").press_sequentially("xa binh lu")
    page.get_by_role("radio", name="Đảng bộ xã Bình Lư").check()
    page.set_input_files("input[name=file]", str(seed))
    page.click("#upload-form button[type=submit]")
    page.wait_for_selector("#accept-all")

    # The passage is highlighted in the text, and the fact beside it.
    mark = page.locator("#source-text mark.k-document", has_text="Nghị quyết số 02-NQ/ĐUK")
    assert mark.count() == 1
    assert page.locator(".fact.kind-target").count() >= 4

    page.click("#accept-all")
    page.wait_for_selector("#review [data-count=pending]:text-is('0')")
    assert page.locator(".fact[data-status=pending]").count() == 0
    assert page.locator("#source-text mark.s-accepted").count() > 0

    page.goto(f"{live_server.url}/van-ban/")
    page.locator("main a", has_text="02-NQ/ĐUK").first.click()
    page.wait_for_url("**/van-ban/*/")
    body = page.locator("main").inner_text()
    assert "02-NQ/ĐUK" in body
    for wording in ("có từ 90% TCCSĐ trở lên đạt trong sạch, vững mạnh",
                    "có 97% trở lên đảng viên hoàn thành tốt nhiệm vụ",
                    "100% cơ quan, đơn vị đạt tiêu chuẩn cơ quan có đời sống văn hóa tốt"):
        assert wording in body


def test_reviewer_corrects_a_fact_in_place(live_tree, page_as, live_server):
    from dangbo.ingest import services
    from dangbo.ingest.tests.fakes import fixed_extractor

    source, _ = services.ingest_text(
        live_tree.admin, live_tree.commune_a, "Thực hiện Nghị quyết số 03-NQ/TU của Tỉnh ủy về công tác cán bộ.",
        extractor=fixed_extractor(documents=[{"text": "Nghị quyết số 03-NQ/TU", "type": "Nghị quyết", "type_code": "NQ",
                                              "number": "03", "issuer_code": "TU", "date": None}]))
    fact = source.facts.get()
    page = page_as(live_tree.staff_a)
    page.goto(f"{live_server.url}{source.get_absolute_url()}")
    page.click(f"#fact-{fact.pk} .correct")
    page.fill(f"#fact-{fact.pk} input[name=date]", "15/01/2020")
    page.fill(f"#fact-{fact.pk} input[name=title]", "Về công tác cán bộ")
    page.click(f"#fact-{fact.pk} button[type=submit]")
    page.wait_for_selector(f"#fact-{fact.pk}[data-status=accepted]")
    fact.refresh_from_db()
    assert fact.document.number == "03-NQ/TU"
    assert f"Đã ghi {fact.document} vào sổ văn bản." in page.locator(f"#fact-{fact.pk}").inner_text()
