"""`dangbo backup` / `dangbo restore`: a round trip gives back every table with the same row
count, the same members and the same uploaded files (run on SQLite and on PostgreSQL)."""
import hashlib
import io
import json
import tarfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from dangbo.core.backup import current_counts
from dangbo.core.testing import build_small_tree
from dangbo.members.models import Member


def members_checksum() -> str:
    rows = Member.objects.order_by("pk").values_list("pk", "full_name", "citizen_id", "organization_id",
                                                     "birth_date", "status", "gender")
    return hashlib.sha256(repr(list(rows)).encode()).hexdigest()


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue().strip()


@pytest.fixture
def media(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    upload = settings.MEDIA_ROOT / "van-ban" / "2026" / "nghi-quyet-01.pdf"
    upload.parent.mkdir(parents=True)
    upload.write_bytes(b"%PDF-1.4 nghi quyet so 01")
    return upload


def test_backup_restore_round_trip(transactional_db, tmp_path, media):
    tree = build_small_tree()
    counts, checksum = current_counts(), members_checksum()
    assert counts["members_member"] == 9

    archive = Path(run("backup", str(tmp_path / "sao-luu")))
    assert archive.is_file() and (archive.stat().st_mode & 0o077) == 0  # personal data: owner only
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        assert "media/van-ban/2026/nghi-quyet-01.pdf" in tar.getnames()
    assert manifest["tables"] == counts
    assert set(manifest["files"]) >= {"media/van-ban/2026/nghi-quyet-01.pdf"}

    # Changes after the backup...
    Member.objects.filter(pk=tree.a1_members[0].pk).update(full_name="Tên đã sửa")
    media.unlink()
    # ...are not overwritten unless asked.
    with pytest.raises(CommandError, match="--force"):
        run("restore", str(archive))
    assert Member.objects.get(pk=tree.a1_members[0].pk).full_name == "Tên đã sửa"

    assert "khớp" in run("restore", str(archive), "--force")
    assert current_counts() == counts
    assert members_checksum() == checksum
    assert media.read_bytes() == b"%PDF-1.4 nghi quyet so 01"

    # Into an empty database (a new server) no --force is needed.
    call_command("flush", interactive=False, verbosity=0)
    run("restore", str(archive))
    assert current_counts() == counts
    assert members_checksum() == checksum


def test_restore_refuses_a_damaged_archive(transactional_db, tmp_path, media):
    build_small_tree()
    archive = Path(run("backup", str(tmp_path)))
    damaged = tmp_path / "hong.tar"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name.startswith("media/"):
                data = b"changed"
                member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    call_command("flush", interactive=False, verbosity=0)
    with pytest.raises(CommandError, match="hỏng"):
        run("restore", str(damaged))
    assert current_counts()["members_member"] == 0  # nothing was touched
