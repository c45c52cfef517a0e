"""The demo hook queues the seed articles; `dangbo extract` runs the extractor's CLI."""
import io
import json
import random
import subprocess
import sys
from datetime import date
from types import SimpleNamespace

from django.core.management import call_command

from dangbo.ingest import demo
from dangbo.ingest.models import FactStatus, Source
from dangbo.ingest.tests.fakes import SEED_001, SEEDS, seed_text
from dangbo.orgs.models import Organization


def demo_context(tree, seeds_dir):
    return SimpleNamespace(province=tree.province, random=random.Random(1), today=date(2026, 1, 1), admin=tree.admin,
                           users={}, stdout=io.StringIO(), seeds_dir=seeds_dir)


def test_demo_queues_every_seed_as_pending_once(tree):
    seed_text()  # skips without the shared seeds
    ctx = demo_context(tree, SEEDS)
    demo.populate(ctx)
    demo.populate(ctx)
    assert Source.objects.count() == len(list(SEEDS.glob("*.txt")))
    assert Source.objects.filter(facts__status=FactStatus.PENDING).distinct().count() == Source.objects.count()
    assert "chờ duyệt" in ctx.stdout.getvalue()


def test_demo_files_each_article_under_the_province_it_speaks_of(tree, tmp_path):
    (tmp_path / "1.txt").write_text("Tỉnh ủy Lai Châu sơ kết Nghị quyết số 03-NQ/TU.", encoding="utf-8")
    (tmp_path / "2.txt").write_text("Thành ủy Cần Thơ thông qua văn kiện; Bí thư Thành ủy Cần Thơ phát biểu.",
                                    encoding="utf-8")
    (tmp_path / "3.txt").write_text("Ban Tổ chức Tỉnh ủy góp ý dự thảo văn bản.", encoding="utf-8")
    demo.populate(demo_context(tree, tmp_path))
    places = dict(Source.objects.values_list("file_name", "organization__name"))
    assert places == {"1.txt": "Đảng bộ tỉnh Lai Châu", "2.txt": demo.OUTSIDE, "3.txt": demo.OUTSIDE}
    assert Organization.objects.get(name=demo.OUTSIDE).parent is None


def test_demo_without_seeds_does_nothing(tree):
    ctx = demo_context(tree, None)
    demo.populate(ctx)
    assert not Source.objects.exists() and "bỏ qua" in ctx.stdout.getvalue()


def test_extract_command_writes_one_json_per_file(tmp_path):
    seed_text()
    call_command("extract", str(SEEDS / f"{SEED_001}.txt"), "--json", str(tmp_path))
    facts = json.loads((tmp_path / f"{SEED_001}.json").read_text(encoding="utf-8"))
    assert any(d["text"] == "Nghị quyết số 02-NQ/ĐUK" for d in facts["documents"])


def test_extract_command_from_the_dangbo_command_line(tmp_path):
    seed_text()
    done = subprocess.run([sys.executable, "-m", "dangbo", "extract", str(SEEDS / f"{SEED_001}.txt"),
                           "--json", str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / f"{SEED_001}.json").exists()
