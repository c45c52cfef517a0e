"""`dangbo token USERNAME [--name N] [--days D]`: issue a REST API token and print it once.
`dangbo token --list USERNAME`: the user's tokens. `dangbo token --revoke ID|TOKEN`: stop one."""
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from dangbo.access import services
from dangbo.access.models import ApiToken, hash_token


class Command(BaseCommand):
    help = ("Tạo mã truy cập API (Bearer token) cho một người dùng (mã chỉ hiện một lần); "
            "--list USER liệt kê, --revoke SỐ|MÃ thu hồi.")

    def add_arguments(self, parser):
        parser.add_argument("username", nargs="?")
        parser.add_argument("--name", default="", help="Tên gợi nhớ của mã (ví dụ: máy chủ báo cáo)")
        parser.add_argument("--days", type=int, default=None, help="Thời hạn (ngày); mặc định DANGBO_TOKEN_DAYS")
        parser.add_argument("--list", action="store_true", dest="list_tokens", help="Liệt kê các mã của người dùng")
        parser.add_argument("--revoke", metavar="SỐ_HOẶC_MÃ", help="Thu hồi mã theo số (#) hoặc theo chính mã đó")

    def handle(self, *args, username, name, days, list_tokens, revoke, **options):
        if revoke:
            return self.revoke(revoke)
        if not username:
            raise CommandError("Cần tên người dùng (hoặc --revoke SỐ).")
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Không có người dùng «{username}».")
        if list_tokens:
            return self.list_tokens(user)
        if not user.is_active:
            raise CommandError(f"Người dùng «{username}» đang bị khóa.")
        try:
            token, raw = services.issue_token(None, user, name=name, days=days)
        except ValidationError as error:
            raise CommandError("; ".join(m for ms in error.message_dict.values() for m in ms)) from error
        self.stderr.write(f"Mã API #{token.pk} cho {username}, hết hạn {token.expires_at:%d/%m/%Y} "
                          "(chỉ hiện một lần, hãy lưu lại):")
        self.stdout.write(raw)

    def list_tokens(self, user):
        for token in ApiToken.objects.filter(user=user).order_by("created_at"):
            expires = f"{token.expires_at:%d/%m/%Y}" if token.expires_at else "—"
            self.stdout.write(f"#{token.pk}\t{token.status}\thết hạn {expires}\t{token.name}")

    def revoke(self, which: str):
        lookup = {"pk": int(which.lstrip("#"))} if which.lstrip("#").isdigit() else {"key_hash": hash_token(which)}
        token = ApiToken.objects.filter(**lookup).select_related("user").first()
        if token is None:
            raise CommandError("Không có mã API này.")
        services.revoke_token(None, token)
        self.stdout.write(f"Đã thu hồi mã API #{token.pk} của {token.user.username}.")
