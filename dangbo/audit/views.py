"""The access log screen: admins search who read whose personal data."""
from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from dangbo.access.visibility import sees
from dangbo.audit.models import AccessKind, AccessLogEntry
from dangbo.core import list_export, tabular, vn
from dangbo.members.models import Member

SHOWN = 200


def _members_matching(text: str):
    """Members named by id, CCCD, card number or (accents optional) name."""
    if text.isdigit():
        return Member.objects.filter(pk=int(text)) | Member.objects.filter(citizen_id=text) \
            | Member.objects.filter(card_number=text)
    return Member.objects.filter(search_name__contains=vn.fold(text))


@login_required
def access_log(request):
    scope = request.scope
    if not sees(scope, "audit.AccessLogEntry"):
        raise Http404("Không tìm thấy hoặc ngoài phạm vi được phân quyền.")
    member_text = vn.nfc(request.GET.get("dang_vien", "")).strip()
    user_text = vn.nfc(request.GET.get("nguoi_dung", "")).strip()
    kind = request.GET.get("loai", "")
    entries = scope.restrict(AccessLogEntry.objects.select_related("member"))
    if member_text:
        entries = entries.filter(member__in=_members_matching(member_text).values("pk"))
    if user_text:
        entries = entries.filter(username__icontains=user_text)
    if kind in AccessKind.values:
        entries = entries.filter(kind=kind)
    if list_export.wanted(request):
        return _access_log_xlsx(request, entries.order_by("-at", "-pk"))
    return render(request, "audit/access_log.html", {
        "entries": entries[:SHOWN], "shown": SHOWN, "member_text": member_text, "user_text": user_text,
        "kind": kind, "kinds": AccessKind.choices,
    })


def _access_log_xlsx(request, entries):
    t = tabular

    def who(e) -> str:
        member = e.member.full_name if e.member_id and e.member else (f"Đảng viên #{e.member_id}" if e.member_id else "")
        return " ".join(part for part in (member, e.what) if part)

    return list_export.respond(
        request, title="Nhật ký truy cập dữ liệu cá nhân",
        columns=[t.Col("Thời điểm", width=17), t.Col("Người truy cập", width=18), t.Col("Loại", width=18),
                 t.Col("Đảng viên / nội dung", width=40), t.Col("Bộ lọc, chi tiết", width=40),
                 t.Col("Số dòng", kind=t.INTEGER, unit="dòng"), t.Col("Địa chỉ máy", width=16)],
        rows=list_export.rows_of(entries, lambda e: (
            e.at, e.username or "—", e.get_kind_display(), who(e),
            "; ".join(f"{key}: {value}" for key, value in (e.filters or {}).items()), e.row_count, e.address or "")))
