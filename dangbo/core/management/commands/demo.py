"""`dangbo demo`: a realistic province (or, for very large --members, the whole country) with
members, terms, committee positions, one login per role and every app's demo data."""
from __future__ import annotations

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from dangbo.core import vn
from dangbo.core.demo.builder import PASSWORD, build_demo, login_rows
from dangbo.core.demo.province import DEFAULT_PROVINCE, find_province
from dangbo.orgs.models import Organization

URL = "http://127.0.0.1:8000/"


class Command(BaseCommand):
    help = "Tạo dữ liệu mẫu: một tỉnh thật (mặc định Lai Châu) với đảng viên, cấp ủy và tài khoản mỗi vai trò."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026, help="cùng seed → cùng dữ liệu")
        parser.add_argument("--members", type=int, default=8000, help="số đảng viên (đang sinh hoạt)")
        parser.add_argument("--province", default=None,
                            help=f"tên hoặc mã tỉnh/thành phố (mặc định {DEFAULT_PROVINCE}; "
                                 "bỏ trống với --members lớn → cả nước)")
        parser.add_argument("--if-empty", action="store_true", help="không làm gì nếu đã có tổ chức đảng")
        parser.add_argument("--reset", action="store_true", help="xóa toàn bộ dữ liệu rồi tạo lại")
        parser.add_argument("--with-apps", action="store_true",
                            help="tạo dữ liệu mẫu các phân hệ cả khi trên 200.000 đảng viên")
        parser.add_argument("--without-apps", action="store_true",
                            help="chỉ tạo tổ chức, đảng viên và tài khoản (không gọi dữ liệu mẫu các phân hệ)")
        parser.add_argument("--today", default=None, help="ngày gốc dd/mm/yyyy (mặc định hôm nay)")

    def handle(self, *args, **options):
        if options["members"] < 1:
            raise CommandError("--members phải lớn hơn 0.")
        if options["province"]:
            try:
                find_province(options["province"])
            except LookupError as error:
                raise CommandError(str(error)) from error
        today = vn.parse_date(options["today"]) if options["today"] else None

        if Organization.objects.exists():
            if options["if_empty"] and not options["reset"]:
                self.stdout.write("Đã có dữ liệu: bỏ qua tạo dữ liệu mẫu.")
                self.print_logins()
                return
            if not options["reset"]:
                raise CommandError("Cơ sở dữ liệu đã có tổ chức đảng. Dùng --reset để xóa và tạo lại.")
        if options["reset"]:
            self.stdout.write("Xóa toàn bộ dữ liệu…")
            call_command("flush", interactive=False, verbosity=0)

        build_demo(seed=options["seed"], members=options["members"], province=options["province"], today=today,
                   stdout=self.stdout, with_apps=self.with_apps(options))
        self.print_logins()

    @staticmethod
    def with_apps(options) -> bool | None:
        """True/False when asked; None: decided by size (hooks skipped above 200,000 members)."""
        if options["without_apps"]:
            return False
        return True if options["with_apps"] else None

    def print_logins(self) -> None:
        rows = login_rows()
        self.stdout.write("")
        self.stdout.write(f"Mở {URL} và đăng nhập (mật khẩu chung: {PASSWORD}):")
        if not rows:
            self.stdout.write("  (chưa có tài khoản mẫu)")
            return
        width_user = max(len("Tài khoản"), *(len(r[0]) for r in rows))
        width_role = max(len("Vai trò"), *(len(r[1]) for r in rows))
        self.stdout.write(f"  {'Tài khoản':<{width_user}}  {'Vai trò':<{width_role}}  Phạm vi")
        for username, role, scope in rows:
            self.stdout.write(f"  {username:<{width_user}}  {role:<{width_role}}  {scope}")
