"""`dangbo restore FILE [--force]`: put a `dangbo backup` archive back."""
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from dangbo.core.backup import BackupError, restore
from dangbo.core.vn import format_number


class Command(BaseCommand):
    help = "Khôi phục từ một bản sao lưu của `dangbo backup` (cơ sở dữ liệu cùng loại)."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="tệp .tar do `dangbo backup` tạo")
        parser.add_argument("--force", action="store_true",
                            help="xóa dữ liệu đang có trong cơ sở dữ liệu rồi khôi phục")

    def handle(self, *args, archive, force, **options):
        if not Path(archive).is_file():
            raise CommandError(f"Không có tệp {archive}.")
        try:
            result = restore(Path(archive), force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(result.tables.values())
        taken = timezone.localtime(result.created_at)
        self.stdout.write(f"Đã khôi phục bản sao lưu lúc {taken:%d/%m/%Y %H:%M}: "
                          f"{len(result.tables)} bảng, {format_number(rows)} dòng, "
                          f"{format_number(result.media_count)} tệp tải lên; "
                          "số dòng từng bảng khớp với bản kê.")
