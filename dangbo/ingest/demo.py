"""Demo data for the review queue: the real seed articles, ingested as pending sources.

`populate(ctx)` reads ctx.seeds_dir/*.txt (sorted, so the order is the same every run) and
ingests each into the province as the demo admin; facts stay pending so the queue shows
real items. Without seeds, or without the extractor, it does nothing and says why.
"""
from __future__ import annotations

from dangbo.ingest import services


def populate(ctx) -> None:
    if ctx.seeds_dir is None:
        ctx.stdout.write("  ingest: không có thư mục bài mẫu (shared/seeds): bỏ qua")
        return
    try:
        import dangbo.extract  # noqa: F401
    except ImportError:
        ctx.stdout.write("  ingest: chưa có bộ trích xuất (dangbo.extract): bỏ qua")
        return
    count = 0
    for path in sorted(ctx.seeds_dir.glob("*.txt")):
        source, created = services.ingest_text(ctx.admin, ctx.province, path.read_text(encoding="utf-8"),
                                               file_name=path.name)
        count += created
    ctx.stdout.write(f"  ingest: {count} bài mẫu chờ duyệt")
