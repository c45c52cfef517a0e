"""`dangbo serve`: the production server (gunicorn), static files through WhiteNoise.

Collects the static files first (hashed, compressed copies in DANGBO_VAR_DIR/static), then
replaces itself with gunicorn, so systemd sees and stops gunicorn directly.
"""
import os
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


def default_workers() -> int:
    # gunicorn's advice is 2 x cores + 1; capped so a big machine does not open too many
    # database connections.
    return min(2 * (os.cpu_count() or 1) + 1, 9)


class Command(BaseCommand):
    help = "Chạy máy chủ web thật (gunicorn) sau khi thu gom tệp tĩnh; dùng sau nginx."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default=os.environ.get("DANGBO_BIND", "127.0.0.1:8000"),
                            help="địa chỉ:cổng lắng nghe (DANGBO_BIND, mặc định 127.0.0.1:8000)")
        parser.add_argument("--workers", type=int, default=int(os.environ.get("DANGBO_WORKERS", default_workers())),
                            help="số tiến trình (DANGBO_WORKERS)")
        parser.add_argument("--threads", type=int, default=int(os.environ.get("DANGBO_THREADS", "4")),
                            help="số luồng mỗi tiến trình (DANGBO_THREADS)")
        parser.add_argument("--timeout", type=int, default=int(os.environ.get("DANGBO_TIMEOUT", "120")),
                            help="giây tối đa cho một yêu cầu (DANGBO_TIMEOUT; xuất PDF/Excel lớn cần lâu)")
        parser.add_argument("--no-collectstatic", action="store_true", help="bỏ qua bước thu gom tệp tĩnh")

    def handle(self, *args, bind, workers, threads, timeout, no_collectstatic, **options):
        if settings.DEBUG:
            self.stderr.write("Cảnh báo: DANGBO_DEBUG=1 (chế độ phát triển) — không dùng cho dữ liệu thật.")
        if not no_collectstatic:
            call_command("collectstatic", interactive=False, verbosity=0)
        command = [
            sys.executable, "-m", "gunicorn", "dangbo.wsgi:application",
            "--bind", bind, "--workers", str(workers), "--threads", str(threads), "--timeout", str(timeout),
            "--access-logfile", "-", "--error-logfile", "-",
        ]
        self.stderr.write(f"dangbo serve: gunicorn tại {bind}, {workers} tiến trình x {threads} luồng")
        sys.stderr.flush()
        sys.stdout.flush()
        os.execv(sys.executable, command)
