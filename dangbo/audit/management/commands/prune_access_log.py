"""Remove access log entries older than the retention period (DANGBO_ACCESS_LOG_RETENTION_DAYS)."""
from django.core.management.base import BaseCommand

from dangbo.audit import access_log


class Command(BaseCommand):
    help = "Xóa các mục nhật ký truy cập dữ liệu cá nhân quá thời hạn lưu trữ."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None,
                            help="Thời hạn lưu trữ (ngày); mặc định theo DANGBO_ACCESS_LOG_RETENTION_DAYS.")

    def handle(self, *args, days=None, **options):
        days = access_log.retention_days() if days is None else days
        if days < 1:
            self.stderr.write("Thời hạn lưu trữ phải từ 1 ngày trở lên.")
            return
        deleted = access_log.prune(days=days)
        self.stdout.write(f"Đã xóa {deleted} mục nhật ký truy cập cũ hơn {days} ngày.")
