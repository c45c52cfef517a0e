"""`dangbo rollup rebuild` after bulk loads and restructuring; `dangbo rollup check` compares
every summary row with a fresh computation (exit status 1 when any differs)."""
from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from dangbo.core import vn
from dangbo.rollups import engine


class Command(BaseCommand):
    help = "Bảng tổng hợp theo cây tổ chức: tính lại toàn bộ (rebuild) hoặc đối chiếu (check)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "check"])
        parser.add_argument("--summary", action="append", help="chỉ bảng này (mặc định: tất cả)")

    def handle(self, *args, action, summary, **options):
        started = time.perf_counter()
        if action == "rebuild":
            for name, rows in engine.rebuild(summary).items():
                self.stdout.write(f"{name}: {vn.format_number(rows)} dòng tổng hợp")
            self.stdout.write(f"Xong trong {vn.format_number(time.perf_counter() - started, 2)} giây")
            return
        bad = 0
        for name, problems in engine.check(summary).items():
            bad += len(problems)
            self.stdout.write(f"{name}: {'khớp' if not problems else f'{len(problems)} dòng lệch'}")
            for key, have, want in problems[:20]:
                self.stdout.write(f"  {key}: đang lưu {have}, tính lại {want}")
        self.stdout.write(f"Đối chiếu trong {vn.format_number(time.perf_counter() - started, 2)} giây")
        if bad:
            raise CommandError(f"{bad} dòng tổng hợp lệch; chạy «dangbo rollup rebuild».")
