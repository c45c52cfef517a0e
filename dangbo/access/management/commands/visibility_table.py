"""Print the visibility table (object type x role) as docs/ARCHITECTURE.md shows it."""
from django.core.management.base import BaseCommand

from dangbo.access.visibility import markdown_table


class Command(BaseCommand):
    help = "In bảng phân quyền xem theo loại đối tượng và vai trò (Markdown, như trong docs/ARCHITECTURE.md)."

    def handle(self, *args, **options):
        self.stdout.write(markdown_table())
