"""`dangbo token USERNAME [--name N]`: issue a REST API token and print it once."""
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from dangbo.access.models import ApiToken


class Command(BaseCommand):
    help = "Tạo mã truy cập API (Bearer token) cho một người dùng; mã chỉ hiện một lần."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="", help="Tên gợi nhớ của mã (ví dụ: máy chủ báo cáo)")

    def handle(self, *args, username, name, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Không có người dùng «{username}».")
        if not user.is_active:
            raise CommandError(f"Người dùng «{username}» đang bị khóa.")
        _, raw = ApiToken.issue(user, name=name)
        self.stderr.write(f"Mã API cho {username} (chỉ hiện một lần, hãy lưu lại):")
        self.stdout.write(raw)
