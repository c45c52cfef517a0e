"""Page filters and page numbers that answered 500 now show the page (ignoring what they
cannot use) or, for a character no field may hold, a 400: on SQLite and PostgreSQL."""
import pytest

BIG = "99999999999999999999"
SUPERSCRIPT_TWO = "%C2%B2"  # "²": str.isdigit() accepts it, int() refuses it

IGNORED = [
    "/dang-vien/?org=" + SUPERSCRIPT_TWO, "/dang-vien/?org=" + BIG, "/dang-vien/xuat.xlsx?org=" + SUPERSCRIPT_TWO,
    "/dang-vien/?after=x." + BIG, "/van-ban/?co_quan=" + SUPERSCRIPT_TWO, "/van-ban/?co_quan=" + BIG,
    "/van-ban/?khoa=" + SUPERSCRIPT_TWO, "/van-ban/?khoa=" + BIG, "/van-ban/?nam=" + BIG, "/van-ban/?year=" + BIG,
    "/van-ban/?nam=" + SUPERSCRIPT_TWO, "/van-ban/?trang=" + BIG, "/van-ban/?trang=" + SUPERSCRIPT_TWO,
    "/van-ban/?trang=-1", f"/van-ban/tong-hop-chi-tieu/?co_quan={BIG}&khoa={BIG}",
]
REFUSED = [
    "/dang-vien/?q=%00", "/dang-vien/?status=%00", "/dang-vien/xuat.xlsx?gender=%00", "/van-ban/?loai=%00",
    "/van-ban/?q=An%E2%80%AEh", "/xep-loai/{province}/2025/bao-cao.docx?so=%00x", "/dang-vien/?q%00=1",
]


@pytest.fixture
def admin_client(tree, login):
    client = login(tree.admin)
    client.raise_request_exception = False
    return client


@pytest.mark.parametrize("url", IGNORED)
def test_unusable_filters_are_ignored(admin_client, url):
    assert admin_client.get(url).status_code == 200


@pytest.mark.parametrize("url", REFUSED)
def test_forbidden_characters_in_the_address_are_a_400(admin_client, tree, url):
    assert admin_client.get(url.format(province=tree.province.pk)).status_code == 400
