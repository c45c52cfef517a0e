"""The command line: extract FILE... --json OUTDIR for .txt, .docx, .pdf and .html files."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from dangbo.extract import bench, cli
from dangbo.extract.sources import load_text

ROOT = Path(__file__).resolve().parents[3]
ARTICLE = ("28/05/2020 - 19:09\n\n"
           "Sáng 28-5, đồng chí Trần Quốc Trung, Ủy viên Trung ương Đảng, Bí thư Thành ủy, chủ trì "
           "Hội nghị. Đồng thời thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị.\n")


def _read(outdir: Path, name: str) -> dict:
    return json.loads((outdir / f"{name}.json").read_text(encoding="utf-8"))


def test_txt_file_gives_name_json_in_utf8(tmp_path):
    source = tmp_path / "bai_viet.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    assert cli.main([str(source), "--json", str(tmp_path / "out")]) == 0
    raw = (tmp_path / "out" / "bai_viet.json").read_text(encoding="utf-8")
    assert "Trần Quốc Trung" in raw  # ensure_ascii=False
    data = json.loads(raw)
    assert data["documents"][0]["issuer_code"] == "TW"
    assert data["article_date"] == "2020-05-28"
    assert data["dates"][-1]["date"] == "2020-05-28"


def test_html_page_loses_scripts_menus_and_page_furniture(tmp_path):
    page = tmp_path / "trang.html"
    page.write_text(
        "<html><head><meta charset='utf-8'><title>x</title><style>p{color:red}</style></head><body>"
        "<nav><a>Trang chủ</a><a>Xây dựng Đảng</a></nav><script>var n = 'Chỉ thị 99-CT/TW';</script>"
        "<article><p>Thứ Hai, 27/5/2021</p><p>Đồng chí Phan Văn Thắng, Phó Bí thư Thường trực Tỉnh "
        "ủy, Chủ tịch HĐND tỉnh dự.</p><p>Thực hiện Nghị quyết số 03-NQ/TU của Tỉnh ủy.</p></article>"
        "<div>Chia sẻ bài viết</div><div>Bình luận</div><h3>Tin liên quan</h3>"
        "<ul><li>Quán triệt Kết luận số 21-KL/TW</li></ul><footer>© Báo</footer></body></html>",
        encoding="utf-8")
    text = load_text(page)
    assert "Chia sẻ" not in text and "Bình luận" not in text and "99-CT" not in text
    assert "21-KL" not in text and "Trang chủ" not in text
    assert cli.main([str(page), "--json", str(tmp_path)]) == 0
    data = _read(tmp_path, "trang")
    assert [d["number"] for d in data["documents"]] == ["03"]
    assert data["people"][0]["positions"] == ["Phó Bí thư Thường trực Tỉnh ủy", "Chủ tịch HĐND tỉnh"]
    assert data["article_date"] == "2021-05-27"


def test_docx_file(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in ARTICLE.split("\n"):
        document.add_paragraph(line)
    path = tmp_path / "van_ban.docx"
    document.save(str(path))
    assert cli.main([str(path), "--json", str(tmp_path / "out")]) == 0
    data = _read(tmp_path / "out", "van_ban")
    assert data["people"][0]["name"] == "Trần Quốc Trung"


def _tiny_pdf(text: str) -> bytes:
    """A one-page PDF with one line of ASCII text in Helvetica (no PDF library needed)."""
    stream = f"BT /F1 12 Tf 40 800 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_pdf_file(tmp_path):
    pytest.importorskip("pypdf")
    path = tmp_path / "bao_cao.pdf"
    path.write_bytes(_tiny_pdf("Thanh uy ban hanh Ke hoach so 155-KH/TU de trien khai."))
    assert "155-KH/TU" in load_text(path)
    assert cli.main([str(path), "--json", str(tmp_path)]) == 0
    assert _read(tmp_path, "bao_cao")["documents"][0]["number"] == "155"


def test_unreadable_file_is_reported_and_others_still_written(tmp_path, capsys):
    good = tmp_path / "tot.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    missing = tmp_path / "khong_co.docx"
    assert cli.main([str(missing), str(good), "--json", str(tmp_path / "out")]) == 1
    assert (tmp_path / "out" / "tot.json").exists()
    assert "khong_co.docx" in capsys.readouterr().err


def test_python_dash_m_runs_the_cli(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "dangbo.extract", str(source), "--json",
                             str(tmp_path / "o")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert _read(tmp_path / "o", "a")["documents"]


def test_benchmark_reports_throughput(tmp_path, capsys):
    (tmp_path / "s.txt").write_text(ARTICLE, encoding="utf-8")
    assert bench.main(["--mb", "0.05", "--seeds", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "characters/s" in out and "MB/s" in out
