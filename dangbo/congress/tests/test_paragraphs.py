"""Drafts as numbered paragraphs with stable keys; diff between drafts (no database)."""
import io

from dangbo.congress.paragraphs import HEADING, TEXT, Change, carry_keys, diff_versions, read_docx, split_text

DRAFT = """PHẦN THỨ NHẤT
KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT NHIỆM KỲ 2020-2025
I. Công tác xây dựng Đảng

Công tác chính trị, tư tưởng được quan tâm, kịp thời định hướng dư luận.
Công tác kết nạp đảng viên được các cấp ủy quan tâm cả về chất lượng và số lượng.
1. Hạn chế
Một số cấp ủy cơ sở chậm triển khai các chỉ thị, nghị quyết của cấp trên.
"""


def test_split_keeps_headings_and_numbers_paragraphs():
    blocks = split_text(DRAFT)
    assert [b.kind for b in blocks] == [HEADING, HEADING, HEADING, TEXT, TEXT, HEADING, TEXT]
    assert blocks[0].level == 1 and blocks[5].level == 2
    assert blocks[3].text.startswith("Công tác chính trị")


def test_docx_import_keeps_word_headings():
    from docx import Document

    document = Document()
    document.add_heading("I. Đánh giá kết quả", level=1)
    document.add_paragraph("Đoạn thứ nhất của dự thảo.")
    document.add_paragraph("")
    document.add_paragraph("Đoạn thứ hai của dự thảo.")
    buffer = io.BytesIO()
    document.save(buffer)
    buffer.seek(0)
    blocks = read_docx(buffer)
    assert [(b.kind, b.level) for b in blocks] == [(HEADING, 1), (TEXT, 0), (TEXT, 0)]


def test_reworded_paragraph_keeps_its_key_new_one_gets_a_fresh_key():
    old = [(1, "Công tác chính trị, tư tưởng được quan tâm."), (2, "Công tác kết nạp đảng viên được quan tâm."),
           (3, "Một số cấp ủy cơ sở chậm triển khai.")]
    new = ["Công tác chính trị, tư tưởng được quan tâm.",
           "Công tác kết nạp đảng viên được các cấp ủy quan tâm cả về chất lượng và số lượng.",
           "Tăng cường kiểm tra, giám sát việc thực hiện nghị quyết.",
           "Một số cấp ủy cơ sở chậm triển khai."]
    assert carry_keys(old, new, next_key=4) == [1, 2, 4, 3]


def test_unrelated_replacement_is_a_new_paragraph():
    assert carry_keys([(1, "Hoàn toàn khác nhau ở đây.")], ["Nội dung mới về phát triển kinh tế biển."], 2) == [2]


def test_diff_shows_per_paragraph_changes_in_the_new_order():
    old = [(1, "Giữ nguyên đoạn này."), (2, "Đoạn sẽ bị bỏ."), (3, "Đoạn cũ cần sửa lại từ ngữ.")]
    new = [(1, "Giữ nguyên đoạn này."), (3, "Đoạn cũ đã sửa lại từ ngữ."), (4, "Đoạn thêm mới.")]
    rows = diff_versions(old, new)
    assert [(r.key, r.change) for r in rows] == [
        (1, Change.UNCHANGED), (2, Change.REMOVED), (3, Change.MODIFIED), (4, Change.ADDED)]
    modified = rows[2]
    assert (modified.old_number, modified.new_number) == (3, 2)
    assert ("delete", "cần") in modified.words and ("insert", "đã") in modified.words


def test_removed_first_paragraph_comes_first():
    rows = diff_versions([(1, "Bỏ."), (2, "Còn.")], [(2, "Còn.")])
    assert [(r.key, r.change) for r in rows] == [(1, Change.REMOVED), (2, Change.UNCHANGED)]
