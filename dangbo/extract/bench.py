"""Throughput of ``extract`` on one core: the seed articles repeated to 10 MB.

    python -m dangbo.extract.bench [--mb 10] [--seeds DIR]

Prints characters per second and MB per second (UTF-8 bytes). The extractors work paragraph
by paragraph with bounded look-arounds, so time grows linearly with the text.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from . import extract

DEFAULT_SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"


def build_corpus(seeds_dir: Path, megabytes: float) -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no seed articles in {seeds_dir}")
    target = int(megabytes * 1_000_000)
    parts: list[str] = []
    size = 0
    while size < target:
        for text in texts:
            parts.append(text)
            size += len(text.encode("utf-8")) + 2
            if size >= target:
                break
    return "\n\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dangbo.extract.bench")
    parser.add_argument("--mb", type=float, default=10.0, help="corpus size in MB (default 10)")
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    args = parser.parse_args(argv)

    corpus = build_corpus(args.seeds, args.mb)
    chars = len(corpus)
    megabytes = len(corpus.encode("utf-8")) / 1_000_000
    started = time.process_time()
    facts = extract(corpus)
    elapsed = time.process_time() - started
    print(f"corpus: {megabytes:.1f} MB, {chars:,} characters, "
          f"{len(facts.documents)} documents, {len(facts.people)} people")
    print(f"time: {elapsed:.2f} s CPU (one core)")
    print(f"throughput: {chars / elapsed:,.0f} characters/s, {megabytes / elapsed:.2f} MB/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
