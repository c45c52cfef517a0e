"""`dangbo bench_ratings --members N`: national roll-up vs hand-written SQL (see ratings/bench.py)."""
from django.core.management.base import BaseCommand

from dangbo.ratings import bench


class Command(BaseCommand):
    help = "Roll-up of every organization against the best hand-written SQL, in the current database."

    def add_arguments(self, parser):
        parser.add_argument("--members", type=int, default=1_000_000)
        parser.add_argument("--runs", type=int, default=3)

    def handle(self, *args, **options):
        bench.run(options["members"], options["runs"], self.stdout)
