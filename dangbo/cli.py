"""The `dangbo` command: every management task (runserver, migrate, demo, extract, bench...)."""
import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dangbo.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["dangbo", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
