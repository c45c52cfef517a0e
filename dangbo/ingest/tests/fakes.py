"""Test helpers: the shared seed articles, and an extractor that returns their gold facts.

The review queue is tested against the gold facts (with spans located in the text), so its
tests do not move when the extractor's heuristics improve; the browser test uses the real
extractor.
"""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from django.conf import settings

SHARED = Path(settings.BASE_DIR).parent.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "eval" / "gold"
SEED_001 = "001_48e921f8beb52c64"


def seed_text(name: str = SEED_001) -> str:
    path = SEEDS / f"{name}.txt"
    if not path.exists():
        pytest.skip(f"seed article {path} is not in this checkout (shared/seeds)")
    return path.read_text(encoding="utf-8")


def _find(text: str, snippet: str) -> int:
    position = text.find(snippet)
    if position < 0:
        position = text.lower().find(snippet.lower())
    return position


def gold_extractor(name: str = SEED_001):
    """An extractor answering the gold facts of seed `name`, each with its span in the text."""
    path = GOLD / f"{name}.json"
    if not path.exists():
        pytest.skip(f"gold facts {path} are not in this checkout (shared/eval/gold)")
    gold = json.loads(path.read_text(encoding="utf-8"))

    def extract(text: str) -> dict:
        out = {}
        for key, items in gold.items():
            out[key] = []
            for item in items:
                snippet = unicodedata.normalize("NFC", item.get("text") or item.get("name") or "")
                start = _find(text, snippet)
                if start < 0:
                    continue
                out[key].append({**item, "start": start, "end": start + len(snippet),
                                 "text": text[start:start + len(snippet)]})
        return out

    return extract


def fixed_extractor(**facts):
    """An extractor answering the given lists (documents=[...], targets=[...]); spans are
    located from each item's "text"."""

    def extract(text: str) -> dict:
        out = {key: [] for key in ("documents", "targets", "statistics", "people", "congresses")}
        for key, items in facts.items():
            for item in items:
                start = _find(text, item["text"])
                assert start >= 0, item["text"]
                out[key].append({**item, "start": start, "end": start + len(item["text"]),
                                 "text": text[start:start + len(item["text"])]})
        return out

    return extract
