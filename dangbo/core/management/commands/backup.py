"""`dangbo backup DIR`: one archive with the database snapshot, uploaded files and a manifest."""
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dangbo.core.backup import BackupError, backup
from dangbo.core.vn import format_number


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu và tệp tải lên vào một tệp .tar trong thư mục DIR."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="thư mục chứa bản sao lưu (tạo nếu chưa có)")

    def handle(self, *args, directory, **options):
        try:
            result = backup(Path(directory))
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(result.tables.values())
        self.stderr.write(f"Đã sao lưu {len(result.tables)} bảng ({format_number(rows)} dòng), "
                          f"{format_number(result.media_count)} tệp tải lên.")
        self.stdout.write(str(result.path))
