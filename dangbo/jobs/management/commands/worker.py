"""`dangbo worker`: runs queued background jobs (imports, roll-up rebuilds) from the database
queue (django-tasks' database backend). Run one or more per machine next to the web server;
`--batch` stops when the queue is empty (tests, cron)."""
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Chạy các công việc nền đang chờ (nhập tệp lớn, tính lại số liệu tổng hợp)."

    def add_arguments(self, parser):
        parser.add_argument("--batch", action="store_true", help="dừng khi hàng đợi trống")
        parser.add_argument("--interval", type=float, default=1.0, help="giây giữa hai lần xem hàng đợi")

    def handle(self, *args, batch, interval, **options):
        arguments = ["--interval", str(interval), "--no-startup-delay"]
        if batch:
            arguments.append("--batch")
        call_command("db_worker", *arguments, verbosity=options.get("verbosity", 1))
