"""Known ratings on the small test tree (dangbo/core/testing.py), used by several test modules.

Year 2025 (members):  cell_a1: An HTXSNV, Bình HTTNV, Chiến HTNV
                      cell_a2: Đức HTTNV, Én KHTNV
                      village_cell: Sử HTTNV, Dợ HTTNV
                      cell_b1: Huy HTXSNV, Hà HTTNV
Year 2025 (organizations): grassroots_a HTTNV, village_cell HTNV, cell_b1 HTXSNV (the three
                      grassroots organizations); cell_a1 HTTNV and commune_a HTTNV are not grassroots.
Year 2024: An HTTNV, Bình HTTNV, Huy HTNV; grassroots_a HTNV.
"""
from datetime import date

from dangbo.ratings import summary
from dangbo.ratings.models import MemberRating, OrgRating, RatingPeriod, RatingTarget


def rate(member, year, level, org=None, **extra):
    org = org or member.organization
    rating = MemberRating.objects.create(member=member, year=year, level=level, organization=org,
                                         rated_by=extra.pop("rated_by", org), rated_on=date(year, 12, 15), **extra)
    summary.apply_member_changes(before=[], after=[(org.pk, year, level)])  # as the services do
    return rating


def rate_org(org, year, level, **extra):
    rating = OrgRating.objects.create(organization=org, year=year, level=level, rated_by=org.parent or org,
                                      rated_on=date(year, 12, 20), **extra)
    if org.is_grassroots:
        summary.apply_changes("grassroots", before=[], after=[(org.pk, year, level)])
    return rating


def known_ratings(t):
    an, binh, chien = t.a1_members
    duc, en = t.a2_members
    su, do = t.village_members
    huy, ha = t.b1_members
    for member, level in ((an, "htxsnv"), (binh, "httnv"), (chien, "htnv"), (duc, "httnv"), (en, "khtnv"),
                          (su, "httnv"), (do, "httnv"), (huy, "htxsnv"), (ha, "httnv")):
        rate(member, 2025, level)
    for org, level in ((t.grassroots_a, "httnv"), (t.village_cell, "htnv"), (t.cell_b1, "htxsnv"),
                       (t.cell_a1, "httnv"), (t.commune_a, "httnv")):
        rate_org(org, 2025, level)
    rate(an, 2024, "httnv")
    rate(binh, 2024, "httnv")
    rate(huy, 2024, "htnv")
    rate_org(t.grassroots_a, 2024, "htnv")
    return t


def province_targets(t, year=2025):
    return [
        RatingTarget.objects.create(organization=t.province, year=year, subject="grassroots", min_level="httnv",
                                    min_percent=95, source="Nghị quyết Đại hội Đảng bộ tỉnh"),
        RatingTarget.objects.create(organization=t.province, year=year, subject="members", min_level="htnv",
                                    min_percent=100),
        RatingTarget.objects.create(organization=t.province, year=year, subject="members", min_level="httnv",
                                    min_percent=97),
    ]


def open_period(org, year):
    return RatingPeriod.objects.create(organization=org, year=year, rule_set="366-QĐ/TW")
