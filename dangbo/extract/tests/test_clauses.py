"""Goal, result or neither, decided by the clause and the list a number belongs to."""
import pytest

from dangbo.extract import extract


def targets(text: str) -> list[tuple]:
    return [(t.value, t.unit, t.year) for t in extract(text).targets]


def statistics(text: str) -> list:
    return [s.value for s in extract(text).statistics]


# -- a report heading governs its items ----------------------------------------------------

@pytest.mark.parametrize("text, reported", [
    ("Nhiệm kỳ qua, Đảng bộ xã đã lãnh đạo thực hiện toàn diện các nhiệm vụ, đạt và vượt các chỉ "
     "tiêu Nghị quyết Đại hội đề ra: Tỷ lệ lao động qua đào tạo đạt 70,88%; hộ nghèo giảm còn "
     "6,25%; 94,64% dân số tham gia bảo hiểm y tế. Tỷ lệ tổ chức Đảng trực thuộc hoàn thành tốt "
     "nhiệm vụ trở lên bình quân đạt 97%; Tỷ lệ đảng viên xếp loại hoàn thành tốt nhiệm vụ trở lên "
     "bình quân 93%...", [70.88, 6.25, 94.64, 97, 93]),
    ("Kết quả thực hiện các chỉ tiêu chủ yếu nhiệm kỳ 2020-2025: kết nạp 1.250 đảng viên, đạt "
     "104% chỉ tiêu; 92% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên.", [1250, 104, 92]),
    ("Huyện đạt, vượt 18/20 chỉ tiêu Nghị quyết đề ra, trong đó: thu nhập bình quân đạt 65 triệu "
     "đồng/người/năm; tỷ lệ hộ nghèo còn 1,8%.", ["18/20", 65, 1.8]),
    ("Đảng bộ hoàn thành các mục tiêu đề ra: 100% thôn có chi bộ; 35 đảng viên mới được kết nạp.",
     [100, 35]),
])
def test_items_of_a_report_list_are_results(text, reported):
    assert targets(text) == []
    assert statistics(text) == reported


def test_report_heading_on_its_own_line_governs_the_bullets():
    text = ("Kết quả thực hiện các chỉ tiêu về xây dựng Đảng\n\n"
            "- Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên đạt 91,5%.\n\n"
            "- Kết nạp 312 đảng viên, đạt 104% chỉ tiêu.\n")
    assert targets(text) == []
    assert statistics(text) == [91.5, 312, 104]


def test_goal_heading_on_its_own_line_governs_the_bullets():
    text = ("Các chỉ tiêu chủ yếu nhiệm kỳ 2025-2030:\n\n"
            "- Hằng năm có 90% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên.\n\n"
            "- Kết nạp 1.500 đảng viên mới.\n")
    assert targets(text) == [(90, "%", None), (1500, "đảng viên", 2030)]


# -- the parts of a plan are counted, neither goals nor results ---------------------------

@pytest.mark.parametrize("text", [
    "Nhiệm kỳ 2025 – 2030, Đảng bộ phấn đấu thực hiện 16 chỉ tiêu chủ yếu, 6 nhiệm vụ trọng tâm "
    "và 3 khâu đột phá.",
    "Nhiệm kỳ 2025 - 2030, Đảng bộ xã Đại Đồng đề ra 17 chỉ tiêu, 5 nhiệm vụ trọng tâm và 3 khâu "
    "đột phá.",
    "Đại hội thông qua Nghị quyết với 21 chỉ tiêu chủ yếu, 3 đột phá chiến lược.",
    "Nghị quyết xác định 4 nhóm giải pháp và 12 chỉ tiêu cơ bản.",
])
def test_counts_of_plan_parts_are_neither(text):
    facts = extract(text)
    assert facts.targets == [] and facts.statistics == []


def test_a_fraction_of_indicators_reached_stays_a_result():
    assert statistics("Có 80/80 chỉ tiêu đạt và vượt so với Nghị quyết đề ra.") == ["80/80"]


# -- a parenthesis is a clause of its own -------------------------------------------------

@pytest.mark.parametrize("text, goal", [
    ("Đã có 925/962 ấp, khu phố có cấp ủy, đạt tỷ lệ 96,15%, vượt mục tiêu nghị quyết đề ra "
     "(mục tiêu nghị quyết Tỉnh ủy là năm 2018 đạt 95%).", (95, "%", 2018)),
    ("Năm 2023 kết nạp được 412 đảng viên (chỉ tiêu là 400 đảng viên), vượt kế hoạch.",
     (400, "đảng viên", 2023)),
    ("Tỷ lệ thu gom rác thải đạt 92% (mục tiêu đến năm 2025 là 95%).", (95, "%", 2025)),
    ("Tỷ lệ lao động qua đào tạo đạt 70,88%, vượt chỉ tiêu Nghị quyết (chỉ tiêu 65%).", (65, "%", None)),
    ("Tỷ lệ hộ nghèo còn 1,2% (NQ đề ra dưới 2%).", (2, "%", None)),
    ("Năm 2023 kết nạp được 412 đảng viên (kế hoạch 400 đảng viên), vượt kế hoạch.", (400, "đảng viên", 2023)),
])
def test_goal_in_a_parenthesis_of_a_report(text, goal):
    assert targets(text) == [goal]


# -- a breakdown under a goal and per-unit quotas belong to the goal ----------------------

@pytest.mark.parametrize("text, expected", [
    ("Năm 2024, Đảng bộ tỉnh phấn đấu kết nạp 1.200 đảng viên mới. Trong đó, kết nạp 150 đảng viên "
     "là học sinh, sinh viên, 44 đảng viên là người có đạo.",
     [(1200, "đảng viên", 2024), (150, "đảng viên", 2024), (44, "đảng viên", 2024)]),
    ("Ban Thường vụ Tỉnh ủy giao chỉ tiêu kết nạp đảng viên năm 2025 cho các đảng bộ trực thuộc, cao "
     "nhất là Đảng bộ huyện Krông Pa 489 đảng viên, thấp nhất là Đảng bộ Khối Doanh nghiệp 15.",
     [(489, "đảng viên", 2025), (15, None, 2025)]),
    ("Mục tiêu đến năm 2030 toàn tỉnh có 95.000 đảng viên. Cụ thể, các đảng bộ huyện kết nạp mỗi "
     "năm 60 đảng viên, các đảng bộ còn lại 20 đảng viên.",
     [(95000, "đảng viên", 2030), (60, "đảng viên", None), (20, "đảng viên", None)]),
])
def test_breakdown_and_quotas_are_targets(text, expected):
    assert targets(text) == expected


def test_a_breakdown_under_a_report_stays_a_result():
    text = ("Năm 2023, toàn Đảng bộ đã kết nạp 1.180 đảng viên. Trong đó, 150 đảng viên là học sinh, "
            "sinh viên.")
    assert targets(text) == []
    assert statistics(text) == [1180, 150]


# -- target years -------------------------------------------------------------------------

@pytest.mark.parametrize("text, year", [
    ("Phấn đấu đến 2030, tỷ lệ đảng viên đạt 5% dân số.", 2030),
    ("Nhiệm kỳ 2025-2030, Đảng bộ phấn đấu kết nạp 500 đảng viên mới.", 2030),
    ("Năm 2022, Đảng bộ huyện có kế hoạch phát triển 100 đảng viên trở lên.", 2022),
    ("Chỉ tiêu năm 2026: 95% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên.", 2026),
    ("Phấn đấu trong năm học 2024, mỗi trường kết nạp ít nhất 3 đảng viên là giáo viên.", 2024),
])
def test_target_years_from_the_sentence(text, year):
    assert [t.year for t in extract(text).targets] == [year]


def test_the_plan_quoted_before_the_result():
    text = ("Theo kế hoạch, năm 2023 toàn tỉnh kết nạp 2.000 đảng viên; đến nay đã kết nạp 1.450 đảng viên, "
            "đạt 72,5%.")
    assert targets(text) == [(2000, "đảng viên", 2023)]
    assert statistics(text) == [1450, 72.5]


def test_a_plan_named_by_its_number_is_a_document_not_a_count():
    facts = extract("Thực hiện Kế hoạch 155 của Tỉnh ủy, các chi bộ đã sinh hoạt chuyên đề.")
    assert [(d.type, d.number, d.issuer_code) for d in facts.documents] == [("Kế hoạch", "155", "TU")]
    assert facts.statistics == [] and facts.targets == []


@pytest.mark.parametrize("text, goals, results", [
    ("Nghị quyết đề ra mục tiêu kết nạp 3.000 đảng viên, đến nay toàn tỉnh đã kết nạp 3.250 đảng viên, "
     "vượt 8,3%.", [(3000, "đảng viên", None)], [3250, 8.3]),
    ("Chỉ tiêu kết nạp đảng viên năm 2024 được giao là 250 đảng viên, Đảng bộ đã kết nạp được 265 đảng "
     "viên, đạt 106%.", [(250, "đảng viên", 2024)], [265, 106]),
    ("Mục tiêu đề ra là 95%, thực tế đạt 97%.", [(95, "%", None)], [97]),
])
def test_the_goal_and_the_result_in_one_sentence(text, goals, results):
    assert targets(text) == goals
    assert statistics(text) == results


@pytest.mark.parametrize("text", [
    "Trong nhiệm kỳ, hằng năm có trên 90% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên, vượt chỉ "
    "tiêu Nghị quyết.",
    "Bình quân hằng năm kết nạp 520 đảng viên, đạt 104% chỉ tiêu Nghị quyết.",
    "Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên hằng năm đạt trên 90%.",
    "Qua 5 năm thực hiện, mỗi năm toàn tỉnh kết nạp hơn 2.000 đảng viên.",
])
def test_what_happened_every_year_is_a_result(text):
    assert targets(text) == []
