"""Demo data for the review queue: the real seed articles, ingested as pending sources.

`populate(ctx)` reads ctx.seeds_dir/*.txt (sorted, so the order is the same every run) and
ingests each as the demo admin into the province the article speaks of, when that province is
in the demo tree (the national demo holds them all); an article about a province the demo does
not hold goes to a place of its own, `OUTSIDE`, never into the demo province. Facts stay
pending so the queue shows real items. Without seeds, or without the extractor, it does nothing
and says why.
"""
from __future__ import annotations

import re

from dangbo.core import vn
from dangbo.ingest import services
from dangbo.orgs import services as org_services
from dangbo.orgs.models import Organization, OrgKind

# Where articles about provinces outside the demo tree are filed (a root of its own).
OUTSIDE = "Bài viết về địa phương ngoài dữ liệu mẫu"
PROVINCE_PREFIX = re.compile(r"^Đảng bộ (tỉnh|thành phố) ")


def province_names() -> dict[int, str]:
    """id -> short name ("Lai Châu", "Cần Thơ") of every province in the tree."""
    return {pk: PROVINCE_PREFIX.sub("", name)
            for pk, name in Organization.objects.filter(kind=OrgKind.PROVINCIAL).values_list("pk", "name")
            if PROVINCE_PREFIX.match(name)}


def province_spoken_of(text: str, names: dict[int, str]) -> int | None:
    """The province the text names most often (None when it names none of them)."""
    counts = {pk: len(re.findall(rf"(?<!\w){re.escape(name)}(?!\w)", text)) for pk, name in names.items()}
    best = max(counts, key=lambda pk: (counts[pk], -pk), default=None)
    return best if best is not None and counts[best] else None


def outside_place(admin) -> Organization:
    place = Organization.objects.filter(parent=None, name=OUTSIDE).first()
    if place is None:
        place = org_services.create_organization(admin, parent=None, kind=OrgKind.PROVINCIAL, name=OUTSIDE,
                                                 code="NGOAI")
    return place


def populate(ctx) -> None:
    if ctx.seeds_dir is None:
        ctx.stdout.write("  ingest: không có thư mục bài mẫu (shared/seeds): bỏ qua")
        return
    try:
        import dangbo.extract  # noqa: F401
    except ImportError:
        ctx.stdout.write("  ingest: chưa có bộ trích xuất (dangbo.extract): bỏ qua")
        return
    names = province_names()
    places: dict[int | None, Organization] = {}
    count = 0
    for path in sorted(ctx.seeds_dir.glob("*.txt")):
        text = vn.nfc(path.read_text(encoding="utf-8"))
        province_id = province_spoken_of(text, names)
        if province_id not in places:
            places[province_id] = (Organization.objects.get(pk=province_id) if province_id is not None
                                   else outside_place(ctx.admin))
        _source, created = services.ingest_text(ctx.admin, places[province_id], text, file_name=path.name)
        count += created
    ctx.stdout.write(f"  ingest: {count} bài mẫu chờ duyệt ("
                     + "; ".join(place.name for place in places.values()) + ")")
