"""Scorecards in the party layout: the issuer's header lines and place, for a committee, an
advisory body and the term scorecard (which names its issuer, not "Hà Nội")."""
from datetime import date

from dangbo.documents import exports
from dangbo.documents.models import IssuerKind
from dangbo.documents.scorecards import Scorecard
from dangbo.documents.tests.factories import document, issuer

TODAY = date(2026, 3, 2)


def test_a_committees_scorecard_is_headed_by_the_tinh_uy_in_lai_chau(tree):
    resolution = document(tree.admin, issuer(tree.province, code="TU"), "02-NQ/TU")
    header = exports.party_header(resolution, Scorecard(title="x"), TODAY)
    assert (header.superior, header.issuer, header.place) == ("", "TỈNH ỦY LAI CHÂU", "Lai Châu")


def test_an_advisory_body_stands_under_its_committee(tree):
    organizing = issuer(tree.province, code="BTCTU", name="Ban Tổ chức Tỉnh ủy", kind=IssuerKind.ADVISORY)
    plan = document(tree.admin, organizing, "05-KH/BTCTU", doc_type="ke_hoach")
    header = exports.party_header(plan, Scorecard(title="x"), TODAY)
    assert (header.superior, header.issuer) == ("TỈNH ỦY LAI CHÂU", "BAN TỔ CHỨC")


def test_a_commune_committee_reports_from_its_commune(tree):
    commune = issuer(tree.commune_a, code="ĐU", name="Ban Thường vụ Đảng ủy xã Bình Lư")
    header = exports.party_header(None, Scorecard(title="Chỉ tiêu khóa I"), TODAY, issuer=commune)
    assert (header.superior, header.issuer, header.place) == ("ĐẢNG BỘ TỈNH LAI CHÂU", "ĐẢNG ỦY XÃ BÌNH LƯ", "Bình Lư")
    assert header.summary.endswith("Chỉ tiêu khóa I")
