"""extract FILE... --json OUTDIR: one OUTDIR/NAME.json per input (NAME = file stem).

    python -m dangbo.extract seeds/*.txt --json /tmp/out
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import detect_article_date, extract
from .sources import load_text


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="extract",
        description="Trích xuất văn bản, chỉ tiêu, số liệu, nhân sự, đại hội từ bài viết "
                    "(.txt, .docx, .pdf, .html).")
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--json", required=True, metavar="OUTDIR", dest="outdir",
                        help="thư mục ghi NAME.json cho mỗi tệp")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(sys.argv[1:] if argv is None else argv)
    outdir = Path(args.outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    failures = 0
    for name in args.files:
        path = Path(name)
        try:
            text = load_text(path)
        except Exception as error:  # one unreadable file must not stop the batch
            print(f"{path}: không đọc được: {error}", file=sys.stderr)
            failures += 1
            continue
        facts = extract(text, detect_article_date(text))
        target = outdir / f"{path.stem}.json"
        target.write_text(json.dumps(facts.to_json(), ensure_ascii=False, indent=1) + "\n",
                          encoding="utf-8")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
