"""Odd or hostile input finishes quickly: no pattern backtracks or rescans without bound."""
import time

import pytest

from dangbo.extract import extract

REPEATED = {
    "capitalised words": "Nguyễn Văn An Bình Chánh Đông Tây " * 3000,
    "one endless sentence of goals": "phấn đấu 90% 80% 70% trở lên " * 3000,
    "group lists": "các đồng chí Bí thư Tỉnh ủy: Chủ tịch UBND tỉnh Trần Văn An, " * 1500,
    "one person, many positions": "".join(f"đồng chí Trần Văn An, Bí thư Chi bộ ấp {i}. "
                                          for i in range(2000)),
    "plenum chain": "Nghị quyết Trung ương 1, 2, 3, 4, 5, 6, 7, 8, " * 2000,
    "bare references": "Chỉ thị 05 của Bộ Chính trị, Chỉ thị 05 gắn với Nghị quyết 15 và " * 1500,
    "parentheses": "(" * 20000 + "Đại hội lần thứ XII" + ")" * 20000,
    "one long word": "a" * 100000,
    "digits and slashes": "12/12/12/12/1.234.567,5-" * 5000,
    # Clause structure: one endless sentence of goals and results, of goal parentheses, of
    # labelled counts, of linked references.
    "goal and result commas": "phấn đấu kết nạp 100 đảng viên, đến nay đã kết nạp 90 đảng viên, " * 4000,
    "goal parentheses": "đạt 92% (chỉ tiêu 65%), " * 4000,
    "labelled counts": "khiển trách 12, cảnh cáo 3, cách chức 1, khai trừ 2, " * 4000,
    "linked references": "Kế hoạch số 12-KH/TU thực hiện Nghị quyết số 05-NQ/TW, " * 3000,
}


@pytest.mark.parametrize("name", REPEATED)
def test_hostile_input_is_linear(name):
    text = REPEATED[name]
    started = time.process_time()
    facts = extract(text)
    elapsed = time.process_time() - started
    assert elapsed < 3.0, f"{name}: {elapsed:.2f}s for {len(text)} characters"
    for fact in [*facts.documents, *facts.targets, *facts.statistics, *facts.people]:
        assert fact.text == text[fact.start:fact.end]

