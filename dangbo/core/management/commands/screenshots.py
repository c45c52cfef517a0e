"""`dangbo screenshots`: every main page of every demo role at 1366 and 390 px wide, saved in
var/screenshots/; fails when a page scrolls sideways at 390 px or logs a console error."""
from __future__ import annotations

import threading
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.wsgi import get_wsgi_application

from dangbo.core import pagewalk
from dangbo.core.demo.builder import LOGINS

DEMO_PASSWORD = "dangbo2026"


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args) -> None:
        pass


class Command(BaseCommand):
    help = "Chụp màn hình các trang chính theo từng vai trò (1366 và 390 px) vào var/screenshots/."

    def add_arguments(self, parser):
        parser.add_argument("--out", default=str(Path(settings.VAR_DIR) / "screenshots"))
        parser.add_argument("--phone-only", action="store_true", help="chỉ 390 px")

    def handle(self, *args, **options):
        users = [(User.objects.get(username=name), DEMO_PASSWORD) for name, _ in LOGINS
                 if User.objects.filter(username=name).exists()]
        if not users:
            raise CommandError("Chưa có dữ liệu mẫu: chạy `dangbo demo` trước.")
        out = Path(options["out"])
        out.mkdir(parents=True, exist_ok=True)
        server = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler)
        server.set_app(StaticFilesHandler(get_wsgi_application()))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base_url = f"http://127.0.0.1:{server.server_port}"
        widths = (pagewalk.PHONE_WIDTH,) if options["phone_only"] else (pagewalk.DESKTOP_WIDTH, pagewalk.PHONE_WIDTH)
        try:
            result = pagewalk.walk(base_url, users, out_dir=out, widths=widths)
        finally:
            server.shutdown()
        self.stdout.write(f"{result.pages} trang, {len(result.pictures)} ảnh trong {out}")
        for problem in result.problems:
            self.stderr.write(f"  LỖI {problem}")
        if result.problems:
            raise CommandError(f"{len(result.problems)} trang chưa đạt (cuộn ngang ở 390 px hoặc lỗi).")
