"""The access log screen: admins search who read whose personal data."""
from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from dangbo.access.visibility import sees
from dangbo.audit.models import AccessKind, AccessLogEntry
from dangbo.core import vn
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
    return render(request, "audit/access_log.html", {
        "entries": entries[:SHOWN], "shown": SHOWN, "member_text": member_text, "user_text": user_text,
        "kind": kind, "kinds": AccessKind.choices,
    })
