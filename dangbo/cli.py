"""The `dangbo` command: every management task (runserver, migrate, demo, extract, bench...)."""
import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dangbo.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(["dangbo", *(sys.argv[1:] if argv is None else argv)])
    except ImproperlyConfigured as error:
        # A missing secret key or a bad setting: say what to do, without a traceback.
        sys.exit(f"dangbo: {error}")


if __name__ == "__main__":
    main()
