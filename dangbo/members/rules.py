"""Validation rules of the member record, as plain functions (no database).

Sources (DOMAIN.md §3): age 18 to 60 inclusive, counted in months, at admission (Điều lệ
Art. 1; 294-QĐ/TW); probation 12 months from admission (Điều lệ Art. 5); party card only
for official members (29-QĐ/TW 6.1).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dangbo.core import vn

PROBATION_MONTHS = 12
_ONE_DAY = timedelta(days=1)
CITIZEN_ID = re.compile(r"^\d{12}$")
PHONE = re.compile(r"^(\+84|0)\d{9,10}$")


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str


def validate_member(
    record: dict,
    *,
    today: date,
    min_age_months: int = 18 * 12,
    max_age_months: int = 60 * 12,
) -> list[FieldError]:
    """Every rule that one member record breaks, each with its field and a Vietnamese message.

    `record` holds python values: full_name, birth_date, admission_date, official_date,
    status, citizen_id, card_number, phone, gender.
    """
    errors: list[FieldError] = []

    def fail(field: str, message: str) -> None:
        errors.append(FieldError(field, message))

    name = vn.nfc(record.get("full_name"))
    if len(name.split()) < 2:
        fail("full_name", "Họ và tên phải có ít nhất họ và tên.")
    if any(ch.isdigit() for ch in name):
        fail("full_name", "Họ và tên không được chứa chữ số.")

    birth, admitted, official = record.get("birth_date"), record.get("admission_date"), record.get("official_date")
    status = record.get("status")
    if birth is None:
        fail("birth_date", "Thiếu ngày sinh.")
    elif birth > today:
        fail("birth_date", "Ngày sinh ở tương lai.")
    if admitted is None:
        fail("admission_date", "Thiếu ngày vào Đảng.")
    elif admitted > today:
        fail("admission_date", "Ngày vào Đảng ở tương lai.")
    if birth and admitted:
        age = vn.months_between(birth, admitted)
        if age < min_age_months:
            fail("admission_date", f"Khi vào Đảng phải đủ {min_age_months // 12} tuổi (tính theo tháng).")
        elif age > max_age_months + 11:
            fail("admission_date", f"Khi vào Đảng không quá {max_age_months // 12} tuổi (tính theo tháng).")
    if official is not None:
        if admitted and official < vn.add_months(admitted, PROBATION_MONTHS):
            fail("official_date", "Ngày chính thức phải sau ngày vào Đảng đủ 12 tháng dự bị.")
        if official > today:
            fail("official_date", "Ngày chính thức ở tương lai.")
    if status == "chinh_thuc" and official is None:
        fail("official_date", "Đảng viên chính thức phải có ngày chính thức.")
    if status == "du_bi" and official is not None:
        fail("official_date", "Đảng viên dự bị chưa có ngày chính thức.")
    if status == "du_bi" and record.get("card_number"):
        fail("card_number", "Chỉ đảng viên chính thức mới được phát thẻ đảng.")

    citizen_id = record.get("citizen_id") or ""
    if citizen_id and not CITIZEN_ID.match(citizen_id):
        fail("citizen_id", "Số CCCD phải gồm đúng 12 chữ số.")
    elif citizen_id:
        for message in citizen_id_problems(citizen_id, birth, record.get("gender")):
            fail("citizen_id", message)
    phone = (record.get("phone") or "").replace(" ", "").replace(".", "")
    if phone and not PHONE.match(phone):
        fail("phone", "Số điện thoại không hợp lệ.")
    if record.get("gender") not in (None, "", "nam", "nu"):
        fail("gender", "Giới tính phải là Nam hoặc Nữ.")
    return errors


# Province codes of the place of birth registration in a citizen ID (Thông tư 07/2016/TT-BCA,
# Art. 7 and its annex): the 63 provinces before the 2025 merger; IDs issued before it keep them.
CITIZEN_ID_PROVINCES = frozenset({
    1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37, 38,
    40, 42, 44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77, 79, 80,
    82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96,
})


def citizen_id_century_digit(birth_year: int, gender: str) -> int | None:
    """The 4th digit of a citizen ID (Thông tư 07/2016/TT-BCA, Art. 7): century of birth and
    gender — 1900s: male 0, female 1; 2000s: 2, 3; 2100s: 4, 5; 2200s: 6, 7; 2300s: 8, 9."""
    century = birth_year // 100 - 19
    if not 0 <= century <= 4 or gender not in ("nam", "nu"):
        return None
    return century * 2 + (1 if gender == "nu" else 0)


def citizen_id_problems(citizen_id: str, birth_date: date | None, gender: str | None) -> list[str]:
    """What a 12-digit citizen ID contradicts: an unknown province code, or a century/gender
    digit and birth-year digits that do not match the record's birth date and gender."""
    problems = []
    if int(citizen_id[:3]) not in CITIZEN_ID_PROVINCES:
        problems.append(f"Số CCCD: mã tỉnh nơi đăng ký khai sinh «{citizen_id[:3]}» không có.")
    if birth_date is not None and gender in ("nam", "nu"):
        expected = citizen_id_century_digit(birth_date.year, gender)
        if expected is not None and int(citizen_id[3]) != expected:
            problems.append(f"Số CCCD: chữ số thứ 4 «{citizen_id[3]}» không khớp giới tính và thế kỷ sinh "
                            f"(phải là {expected}).")
        if citizen_id[4:6] != f"{birth_date.year % 100:02d}":
            problems.append(f"Số CCCD: chữ số thứ 5–6 «{citizen_id[4:6]}» không khớp năm sinh {birth_date.year}.")
    return problems


def probation_end(admission_date: date) -> date:
    """The day a probationary member becomes official by right (end of the 12 months)."""
    return vn.add_months(admission_date, PROBATION_MONTHS)


def age_on(birth_date: date, on: date) -> int:
    """Age in whole years."""
    return vn.months_between(birth_date, on) // 12


# -- absences (miễn sinh hoạt, nghỉ ốm, thai sản) ------------------------------------------------


def validate_absence(start: date | None, end: date | None, admission_date: date | None) -> list[FieldError]:
    """An absence runs from `start` to `end` inclusive (no end: still running)."""
    errors = []
    if start is None:
        errors.append(FieldError("start", "Chưa nhập ngày bắt đầu."))
    elif admission_date and start < admission_date:
        errors.append(FieldError("start", f"Ngày bắt đầu trước ngày vào Đảng ({vn.format_date(admission_date)})."))
    if start and end and end < start:
        errors.append(FieldError("end", "Ngày kết thúc phải sau ngày bắt đầu."))
    return errors


def covers(start: date, end: date | None, day: date) -> bool:
    return start <= day and (end is None or day <= end)


def absent_months_in_year(spans: list[tuple[date, date | None]], year: int) -> int:
    """Whole months of absence within `year`, over all spans (overlaps counted once).

    A month is counted from a day to the same day of the next month, so 01/02–30/04 is three
    months, as people count leave; the days left over from every span are added up and every
    30 of them make one more month.
    """
    first, last = date(year, 1, 1), date(year, 12, 31)
    clipped = sorted((max(start, first), min(end or last, last)) for start, end in spans
                     if start <= last and (end is None or end >= first))
    merged: list[list[date]] = []
    for start, end in clipped:
        if merged and start <= merged[-1][1] + _ONE_DAY:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    months, days = 0, 0
    for start, end in merged:
        whole = vn.months_between(start, end + _ONE_DAY)
        months += whole
        days += (end + _ONE_DAY - vn.add_months(start, whole)).days
    return months + days // 30



# -- corrections: undoing a mistaken status event ---------------------------------------------
# A mistaken "từ trần", "xóa tên", "khai trừ", "chuyển đi" or "công nhận chính thức" is not
# deleted from the history: a correction event (who, why, decision number) reverses it and
# puts back the status the member had before. Only the latest status event can be reversed,
# so corrections unwind the history in order.

# Event kinds (members.models.EventKind values) that end membership: status = the same value.
END_EVENT_KINDS = frozenset({"tu_tran", "xoa_ten", "khai_tru", "chuyen_di"})
RECOGNITION_KIND = "chinh_thuc"
REVERSIBLE_KINDS = END_EVENT_KINDS | {RECOGNITION_KIND}


@dataclass(frozen=True)
class Reversal:
    status: str  # the status put back
    clears_official_date: bool = False


def reversal(kind: str, *, current_status: str, is_latest_status_event: bool, already_reversed: bool,
             has_official_date: bool, has_card: bool, reason: str) -> Reversal | FieldError:
    """What reversing an event of `kind` gives back, or why it cannot be reversed."""
    if kind not in REVERSIBLE_KINDS:
        return FieldError("event", "Chỉ điều chỉnh được sự kiện công nhận chính thức, chuyển đi, từ trần, "
                                   "xóa tên hoặc khai trừ.")
    if already_reversed:
        return FieldError("event", "Sự kiện này đã được điều chỉnh.")
    if not is_latest_status_event:
        return FieldError("event", "Chỉ điều chỉnh được sự kiện thay đổi trạng thái gần nhất; "
                                   "điều chỉnh các sự kiện sau nó trước.")
    if not reason.strip():
        return FieldError("reason", "Phải ghi lý do điều chỉnh.")
    if kind in END_EVENT_KINDS:
        if current_status != kind:
            return FieldError("event", "Trạng thái hiện tại của đảng viên không do sự kiện này.")
        return Reversal("chinh_thuc" if has_official_date else "du_bi")
    if current_status != "chinh_thuc":
        return FieldError("event", "Đảng viên không ở trạng thái chính thức.")
    if has_card:
        return FieldError("event", "Đảng viên dự bị không có thẻ đảng viên: xóa số thẻ trong hồ sơ trước.")
    return Reversal("du_bi", clears_official_date=True)
