"""`dangbo extract FILE... [--json OUTDIR]`: the extractor's own command line
(dangbo.extract.cli.main), reachable through the `dangbo` command."""
from __future__ import annotations

import argparse
import sys

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Trích xuất dữ kiện (văn bản, chỉ tiêu, số liệu, nhân sự, đại hội) từ tệp TXT, DOCX, PDF, HTML."

    def run_from_argv(self, argv: list[str]) -> None:
        # The extractor parses its own options (--json, --help...): pass them through untouched.
        sys.exit(self._run(argv[2:]))

    def add_arguments(self, parser):
        parser.add_argument("argv", nargs=argparse.REMAINDER, help="tệp và tùy chọn của bộ trích xuất (ví dụ: bai.txt --json out/)")

    def handle(self, *args, **options):
        code = self._run(list(options.get("argv") or args))
        if code:
            raise CommandError(f"Trích xuất lỗi (mã {code}).")

    def _run(self, argv: list[str]) -> int:
        from dangbo.extract.cli import main

        return int(main(argv) or 0)
