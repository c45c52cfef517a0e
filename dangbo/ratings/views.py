"""Pages of the annual rating: dashboard, drill-down, entry, periods, import and exports.

Every page reads through request.scope: an organization outside the scope is a 404. Ratings
are about people, so the member role (own record, own cell page) sees none of them.
"""
from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_http_methods, require_POST

from dangbo.audit import access_log
from dangbo.audit.models import AccessKind
from dangbo.core import charts, list_export, tabular, uploads, versioning, vn
from dangbo.core.routers import reads_reports
from dangbo.core.party_docx import DOCX_CONTENT_TYPE
from dangbo.core.party_pdf import PDF_CONTENT_TYPE
from dangbo.inspection import selectors as discipline_register
from dangbo.jobs import services as jobs
from dangbo.meetings import followup as meeting_followup
from dangbo.members.models import ACTIVE_STATUSES, Member
from dangbo.orgs.counts import member_counts_for
from dangbo.orgs.models import Organization, OrgClosure
from dangbo.ratings import importing, reports, rollup, rules, services
from dangbo.ratings.forms import LEVEL_CHOICES, ImportForm, MemberRatingForm, OrgRatingForm, TargetForm
from dangbo.ratings.models import MemberRating, OrgRating, RatingPeriod, RatingTarget
from dangbo.orgs.filters import follow, org_filter

MEMBER_LIST_LIMIT = 1000
LEVEL_COLORS = {rules.HTXSNV: "#b3171c", rules.HTTNV: "#e0812b", rules.HTNV: "#f2c14e", rules.KHTNV: "#6b7b8c"}


def visible_org(request, pk) -> Organization:
    """The organization if the user may see ratings in it, else 404 (ratings are about people)."""
    org = request.scope.get_organization(pk)
    if not request.scope.can_see_member_list(org):
        raise Http404("Không tìm thấy hoặc ngoài phạm vi được phân quyền.")
    return org


def writable_org(request, pk) -> Organization:
    org = visible_org(request, pk)
    request.scope.check_write(org)
    return org


def _year(year: int) -> int:
    if not 2000 <= year <= 2100:
        raise Http404
    return year


def _attach(form, error: ValidationError) -> None:
    form.add_problems(error)


def _lock_when_closed(form, org, year) -> str:
    """When the period does not take ratings, every input of the form is disabled (and the
    Save button with them, in the template); returns why, for the warning box."""
    writable, reason = services.period_state(org, year)
    if not writable:
        for field in form.fields.values():
            field.disabled = True
    return reason


def _messages_of(error: ValidationError) -> list[str]:
    return [m for problems in error.message_dict.values() for m in problems]


# -- index and dashboard ------------------------------------------------------------------------


@login_required
def index(request):
    if request.GET.get("org") and request.GET.get("year"):
        org = visible_org(request, request.GET["org"])
        try:
            year = _year(int(request.GET["year"]))
        except ValueError:
            raise Http404
        return redirect("ratings:dashboard", org.pk, year)
    roots = [org for org in request.scope.root_organizations() if request.scope.can_see_member_list(org)]
    this_year = timezone.localdate().year
    rated = rollup.rated_years()
    years = sorted(set(rated) | {this_year, this_year - 1}, reverse=True)
    periods = request.scope.restrict(RatingPeriod.objects.select_related("organization"))[:50]
    return render(request, "ratings/index.html", {"roots": roots, "years": years, "periods": periods,
                                                  "default_year": rated[0] if rated else this_year})


def _charts(result: rollup.Rollup, trend: dict) -> dict:
    names = [u.organization.short_name or u.organization.name for u in result.children]
    out = {}
    if result.children:
        def series(subject):
            return [charts.Series(rules.LEVEL_LABELS[level], [getattr(u, subject)[level] for u in result.children],
                                  LEVEL_COLORS[level]) for level in rules.LEVELS]
        out["members_bars"] = charts.stacked_bars(names, series("members"), as_percent=True,
                                                  title=f"Xếp loại đảng viên năm {result.year} theo đơn vị")
        if any(u.grassroots.total for u in result.children):
            out["grassroots_bars"] = charts.stacked_bars(names, series("grassroots"), as_percent=True,
                                                         title=f"Xếp loại tổ chức cơ sở đảng năm {result.year}")
    if len(trend["years"]) > 1:
        member_target = next((c.target.min_percent for c in result.total.targets
                              if c.target.subject == "members" and c.target.min_level == rules.HTTNV), None)
        out["trend"] = charts.lines(
            [str(y) for y in trend["years"]],
            [charts.Series("Đảng viên HTTNV trở lên", [c.at_least_percent(rules.HTTNV) for c in trend["members"]]),
             charts.Series("TCCSĐ HTTNV trở lên", [c.at_least_percent(rules.HTTNV) for c in trend["grassroots"]])],
            target=float(member_target) if member_target is not None else None, value_suffix="%",
            title="Tỷ lệ hoàn thành tốt nhiệm vụ trở lên qua các năm")
    return out


def _signed(change: float | None, decimals: int = 0) -> str:
    """+3 / −2 / 0 (Vietnamese decimals), "—" when one year has no figure."""
    if change is None:
        return "—"
    text = vn.format_number(abs(change), decimals)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return ("+" if change > 0 else "−" if change < 0 else "") + text


def _year_comparison(result: rollup.Rollup) -> list[dict]:
    """Each child unit and the whole: members rated and the share at HTTNV or above, last year
    against this year (a table row per unit, not one sentence)."""
    rows = []
    for unit, is_total in [*((u, False) for u in result.children), (result.total, True)]:
        before, now = unit.previous_members, unit.members
        share_before, share_now = before.good_percent, now.good_percent
        share_change = share_now - share_before if share_before is not None and share_now is not None else None
        rows.append({"unit": unit, "is_total": is_total, "before": before.total, "now": now.total,
                     "change": _signed(now.total - before.total), "share_before": share_before,
                     "share_now": share_now, "share_change": _signed(share_change, 2),
                     "direction": "" if not share_change else "up" if share_change > 0 else "down"})
    return rows


@login_required
@reads_reports
def dashboard(request, pk, year):
    org, year = visible_org(request, pk), _year(year)
    result = rollup.build(org, year)
    trend = rollup.trend(org)
    rated_years = trend["all_years"]
    periods = list(services.covering_periods(org, year))
    own_period = next((p for p in periods if p.organization_id == org.pk), None)
    writable, reason = services.period_state(org, year, periods)
    can_write = request.scope.can_write(org)
    # The full validation reads every rating of the subtree: run on request, never on each visit
    # (closing validates again anyway).
    checked = bool(request.GET.get("kiem_tra")) and own_period is not None and own_period.is_open
    breaches = services.validate_subtree(org, year).breaches if checked else []
    active = member_counts_for([org.pk])[org.pk]["active"]  # the maintained member strength
    return render(request, "ratings/dashboard.html", {
        "org": org, "year": year, "result": result, "trend": trend, "charts": _charts(result, trend),
        "comparison": _year_comparison(result) if result.children else [],
        "levels": [(level, rules.LEVEL_LABELS[level], rules.LEVEL_SHORT[level]) for level in rules.LEVELS],
        "periods": periods, "own_period": own_period, "writable": writable, "period_reason": reason,
        "can_write": can_write, "breaches": breaches, "checked": checked, "unrated": max(0, active - result.total.members.total)
        if year == timezone.localdate().year else None,
        "rule_set": _rule_set(year), "years": sorted(set(rated_years) | {year}, reverse=True),
        "has_members": org.members.filter(status__in=ACTIVE_STATUSES).exists(),
        "target_form": TargetForm() if can_write else None,
        "own_targets": RatingTarget.objects.filter(organization=org, year=year),
    })


def _rule_set(year):
    try:
        return rules.rules_for_year(year)
    except LookupError:
        return None


def _level_filter(request):
    level, minimum = request.GET.get("level", ""), request.GET.get("min", "")
    if level and level not in rules.LEVEL_LABELS or minimum and minimum not in rules.LEVEL_LABELS:
        raise Http404
    if level:
        return [level], rules.LEVEL_LABELS[level]
    if minimum:
        return list(rules.levels_at_least(minimum)), f"{rules.LEVEL_LABELS[minimum]} trở lên"
    return list(rules.LEVELS), "Tất cả mức"


@login_required
def member_list(request, pk, year):
    """The members behind a number of the dashboard."""
    org, year = visible_org(request, pk), _year(year)
    by_org = org_filter(request, param="to_chuc", default=lambda: org)
    if moved := follow(request, by_org, org, "ratings:member_list", year):
        return moved
    levels, label = _level_filter(request)
    subtree = OrgClosure.objects.filter(ancestor=org).values("descendant_id")
    ratings = request.scope.restrict(MemberRating.objects.filter(year=year, organization_id__in=subtree,
                                                                 level__in=levels))
    # The whole subtree is visible (visible_org): the total is the maintained roll-up's number.
    if list_export.wanted(request):
        return _member_list_xlsx(request, org, year, label, ratings)
    counts = rollup.member_counts([org.pk], year).get(org.pk, {})
    total = sum(counts.get(level, 0) for level in levels)
    rows = ratings.select_related("member", "organization").order_by("organization__path", "member__sort_key")[:MEMBER_LIST_LIMIT]
    return render(request, "ratings/member_list.html", {"org": org, "year": year, "rows": rows, "total": total,
                                                        "org_filter": by_org,
                                                        "label": label, "limit": MEMBER_LIST_LIMIT,
                                                        "can_write": request.scope.can_write(org)})


@login_required
def unit_list(request, pk, year):
    """The grassroots organizations behind a number of the dashboard."""
    org, year = visible_org(request, pk), _year(year)
    by_org = org_filter(request, param="to_chuc", default=lambda: org)
    if moved := follow(request, by_org, org, "ratings:unit_list", year):
        return moved
    levels, label = _level_filter(request)
    subtree = OrgClosure.objects.filter(ancestor=org).values("descendant_id")
    ratings = request.scope.restrict(OrgRating.objects.filter(year=year, organization_id__in=subtree, level__in=levels,
                                                              organization__kind__in=rollup.GRASSROOTS))
    if list_export.wanted(request):
        return _unit_list_xlsx(request, org, year, label, ratings)
    rows = ratings.select_related("organization", "rated_by").order_by("organization__path")[:MEMBER_LIST_LIMIT]
    counts = rollup.grassroots_counts([org.pk], year).get(org.pk, {})
    total = sum(counts.get(level, 0) for level in levels)
    return render(request, "ratings/unit_list.html", {"org": org, "year": year, "rows": rows, "total": total,
                                                      "org_filter": by_org,
                                                      "label": label, "can_write": request.scope.can_write(org)})


def _member_list_xlsx(request, org, year, label, ratings):
    """Every member behind the number (no page limit), streamed."""
    t = tabular
    rows = (ratings.order_by("organization__path", "member__sort_key", "pk")
            .values_list("member__full_name", "member__birth_date", "organization__name", "level", "disciplined",
                         "rated_on", "notes"))
    return list_export.respond(
        request, title="Danh sách đảng viên được xếp loại", org=org, period=f"Năm {year} — {label}",
        columns=[t.Col("Họ và tên", width=26), t.Col("Ngày sinh", kind=t.DATE, width=12), t.Col("Chi bộ", width=34),
                 t.Col("Mức xếp loại", width=30), t.Col("Bị kỷ luật", width=10),
                 t.Col("Ngày xếp loại", kind=t.DATE, width=12), t.Col("Ghi chú", width=30)],
        rows=list_export.rows_of(rows, lambda r: (r[0], r[1], r[2], rules.LEVEL_LABELS.get(r[3], r[3]),
                                                  "Có" if r[4] else "", r[5], r[6])),
        filename=f"dang-vien-xep-loai-{year}-{org.code}.xlsx")


def _unit_list_xlsx(request, org, year, label, ratings):
    t = tabular
    rows = (ratings.order_by("organization__path", "pk")
            .values_list("organization__name", "level", "violations", "rated_by__name", "rated_on", "notes"))
    return list_export.respond(
        request, title="Danh sách tổ chức cơ sở đảng được xếp loại", org=org, period=f"Năm {year} — {label}",
        columns=[t.Col("Tổ chức cơ sở đảng", width=36), t.Col("Mức xếp loại", width=30), t.Col("Có vi phạm", width=10),
                 t.Col("Cấp quyết định", width=30), t.Col("Ngày", kind=t.DATE, width=12), t.Col("Ghi chú", width=30)],
        rows=list_export.rows_of(rows, lambda r: (r[0], rules.LEVEL_LABELS.get(r[1], r[1]), "Có" if r[2] else "",
                                                  r[3], r[4], r[5])),
        filename=f"to-chuc-xep-loai-{year}-{org.code}.xlsx")


# -- entry -----------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def cell_entry(request, pk, year):
    """One screen for a whole cell: one row per member."""
    org, year = writable_org(request, pk), _year(year)
    existing = {r.member_id: r for r in MemberRating.objects.filter(year=year, organization=org)}
    members = list(Member.objects.filter(organization=org, status__in=ACTIVE_STATUSES)
                   | Member.objects.filter(pk__in=list(existing)))
    members.sort(key=lambda m: (m.sort_key, m.pk))
    writable, reason = services.period_state(org, year)
    errors: list[str] = []
    if request.method == "POST":
        rated_on = _date(request.POST.get("rated_on"), errors)
        inputs = [services.RatingInput(
            member=m, level=request.POST.get(f"level-{m.pk}", ""),
            remedied=bool(request.POST.get(f"remedied-{m.pk}")),
            notes=request.POST.get(f"notes-{m.pk}", ""), rated_on=rated_on,
            version=versioning.parse_version(request.POST.get(f"version-{m.pk}")))
            for m in members]
        if any(i.level not in rules.LEVEL_LABELS and i.level for i in inputs):
            errors.append("Mức xếp loại không hợp lệ.")
        if errors:  # the rating rules still speak, so every problem shows at once
            errors += services.rating_problems([i for i in inputs if i.level in rules.LEVEL_LABELS], year, org.name)
        else:
            try:
                outcome = services.save_cell_ratings(request.user, org, year, inputs)
            except ValidationError as error:
                errors = _messages_of(error)
            else:
                messages.success(request, f"Đã lưu {outcome['saved']} kết quả xếp loại"
                                          + (f", bỏ {outcome['removed']}" if outcome["removed"] else "") + ".")
                for warning in outcome["warnings"]:
                    messages.warning(request, warning.message)
                return redirect("ratings:cell_entry", org.pk, year)
        posted = {i.member.pk: i for i in inputs}
        # A refused save shows the current versions: saving again is a deliberate overwrite.
        existing = {r.member_id: r for r in MemberRating.objects.filter(year=year, organization=org)}
    else:
        posted = {}
    rows = []
    facts, rated_on = services.member_facts(members, year), services.default_rating_date(year)
    # Meeting attendance is an input the cell weighs, shown beside the name, not a hidden rule.
    attendance = meeting_followup.attendance_by_member([m.pk for m in members], year)
    disciplined = services.disciplined_members(year, [m.pk for m in members])
    decisions = discipline_register.decisions_by_member(year, [m.pk for m in members])
    for member in members:
        current = posted.get(member.pk) or existing.get(member.pk)
        # Shown beside the name: why a member is not rated (exempted, long leave...) or whom to consult.
        eligible = rules.eligibility(facts.on(member.pk, rated_on), rated_on, **services.eligibility_params())
        rows.append({"member": member, "level": getattr(current, "level", ""),
                     "eligibility": eligible.reason or eligible.note, "meetings": attendance.get(member.pk),
                     "disciplined": member.pk in disciplined, "decisions": decisions.get(member.pk, []),
                     "remedied": getattr(current, "remedied", False), "notes": getattr(current, "notes", ""),
                     "version": getattr(existing.get(member.pk), "version", 0)})
    children = Organization.objects.filter(parent=org, dissolved__isnull=True) if not members else []
    return render(request, "ratings/cell_entry.html", {
        "org": org, "year": year, "rows": rows, "levels": LEVEL_CHOICES, "errors": errors, "writable": writable,
        "period_reason": reason, "children": children, "rated_on": vn.format_date(services.default_rating_date(year)),
        "warnings": services.quota_warnings(org, year) if request.method == "GET" else [],
        "cell_meetings": meeting_followup.cell_follow_up(org, year, min(timezone.localdate(), date(year, 12, 31))),
    })


def _date(text, errors):
    try:
        return vn.parse_date(text) if text else None
    except ValueError as error:
        errors.append(str(error))
        return None


@login_required
@require_http_methods(["GET", "POST"])
def member_rating(request, member_pk, year):
    """One member's rating."""
    member, year = request.scope.get_member(member_pk), _year(year)
    visible_org(request, member.organization_id)
    request.scope.check_write(member.organization_id)
    current = MemberRating.objects.filter(member=member, year=year).first()
    initial = {"level": current.level, "rated_on": current.rated_on,
               "remedied": current.remedied, "notes": current.notes} if current else \
        {"rated_on": services.default_rating_date(year)}
    form = MemberRatingForm(request.POST or None, initial=initial)
    versioning.add_version_field(form, current.version if current else 0)
    locked = _lock_when_closed(form, member.organization, year)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_member_rating(request.user, member, year, **form.cleaned_data)
        except ValidationError as error:
            _attach(form, error)
        except versioning.EditConflict as conflict:
            versioning.show_conflict(form, conflict)
        else:
            messages.success(request, f"Đã lưu xếp loại năm {year} của {member.full_name}.")
            return redirect("ratings:dashboard", member.organization_id, year)
    history = MemberRating.objects.filter(member=member).select_related("organization").order_by("-year")
    return render(request, "ratings/rating_form.html", {"form": form, "subject": member.full_name, "year": year,
                                                        "history": history, "back": member.get_absolute_url(),
                                                        "locked": locked,
                                                        "disciplined": bool(services.disciplined_members(year, [member.pk]))})


@login_required
@require_http_methods(["GET", "POST"])
def org_rating(request, pk, year):
    """An organization's rating, entered by its direct superior."""
    org, year = visible_org(request, pk), _year(year)
    superior = org.parent or org
    if not request.scope.can_see_member_list(superior):
        raise Http404
    request.scope.check_write(superior)
    current = OrgRating.objects.filter(organization=org, year=year).first()
    fields = ("level", "rated_on", "violations", "subordinate_disciplined", "remedied", "notes")
    initial = {f: getattr(current, f) for f in fields} if current else {"rated_on": services.default_rating_date(year)}
    form = OrgRatingForm(request.POST or None, initial=initial)
    versioning.add_version_field(form, current.version if current else 0)
    locked = _lock_when_closed(form, org, year)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_org_rating(request.user, org, year, **form.cleaned_data)
        except ValidationError as error:
            _attach(form, error)
        except versioning.EditConflict as conflict:
            versioning.show_conflict(form, conflict)
        else:
            messages.success(request, f"Đã lưu xếp loại năm {year} của {org.name}.")
            return redirect("ratings:dashboard", superior.pk, year)
    history = OrgRating.objects.filter(organization=org).select_related("organization").order_by("-year")
    return render(request, "ratings/rating_form.html", {"form": form, "subject": org.name, "year": year,
                                                        "history": history,
                                                        "disciplined": services.organization_disciplined(year, org),
                                                        "locked": locked,
                                                        "back": reverse("ratings:dashboard", args=[superior.pk, year])})


# -- periods and targets ---------------------------------------------------------------------


@login_required
@require_POST
def period_action(request, pk, year, action):
    org, year = writable_org(request, pk), _year(year)
    try:
        if action == "open":
            services.open_period(request.user, org, year, request.POST.get("note", ""))
            messages.success(request, f"Đã mở đợt xếp loại năm {year}.")
        else:
            period = RatingPeriod.objects.filter(organization=org, year=year).first()
            if period is None:
                raise Http404
            if action == "close":
                services.close_period(request.user, period)
                messages.success(request, f"Đã khóa đợt xếp loại năm {year}.")
            elif action == "reopen":
                services.reopen_period(request.user, period, request.POST.get("reason", ""))
                messages.success(request, f"Đã mở lại đợt xếp loại năm {year}.")
            else:
                raise Http404
    except ValidationError as error:
        for message in _messages_of(error):
            messages.error(request, message)
    return redirect("ratings:dashboard", org.pk, year)


@login_required
@require_POST
def target_add(request, pk, year):
    org, year = writable_org(request, pk), _year(year)
    form = TargetForm(request.POST)
    if form.is_valid():
        services.add_target(request.user, org, year, **form.cleaned_data)
        messages.success(request, "Đã thêm chỉ tiêu.")
    else:
        messages.error(request, "Chỉ tiêu không hợp lệ: " + "; ".join(e for errs in form.errors.values() for e in errs))
    return redirect("ratings:dashboard", org.pk, year)


@login_required
@require_POST
def target_delete(request, target_pk):
    target = request.scope.get(request.scope.restrict(RatingTarget.objects.all()), pk=target_pk)
    writable_org(request, target.organization_id)
    services.delete_target(request.user, target)
    messages.success(request, "Đã xóa chỉ tiêu.")
    return redirect("ratings:dashboard", target.organization_id, target.year)


# -- import --------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def import_ratings(request, pk, year):
    org, year = writable_org(request, pk), _year(year)
    form = ImportForm(request.POST or None, request.FILES or None)
    table = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if jobs.runs_as_job(upload):
            # A big file: checked and written by `dangbo worker`; the job page shows the progress.
            return redirect(jobs.start_rating_import(request.user, org, year, upload))
        table, importer = importing.load(org, year, upload, upload.name)
        access_log.bulk(request, AccessKind.IMPORT, f"Nhập xếp loại {year}: {upload.name}", row_count=table.row_count,
                        filters={"organization": org.pk, "year": year, "errors": len(table.errors)},
                        organization_id=org.pk)
        if table.ok:
            count = importing.write(request.user, importer, table)
            messages.success(request, f"Đã nhập {vn.format_number(count)} kết quả xếp loại từ {upload.name}.")
            return redirect("ratings:dashboard", org.pk, year)
    return render(request, "ratings/import.html", {"org": org, "year": year, "form": form, "table": table,
                                                   "errors": table.errors[:200] if table else [],
                                                   "max_megabytes": uploads.MAX_UPLOAD_BYTES >> 20})


@login_required
def import_template(request):
    """The rating template; with ?to_chuc=<cell>&nam=<year>, already filled with the cell's
    members (and their ratings of that year, if any), ready for the levels to be chosen."""
    if not request.GET.get("to_chuc"):
        return tabular.xlsx_download(tabular.template_xlsx(importing.SPEC), "mau-nhap-xep-loai.xlsx")
    year_text = request.GET.get("nam", "")
    year = _year(int(year_text)) if year_text.isascii() and year_text.isdigit() and len(year_text) == 4 else \
        timezone.localdate().year
    org = visible_org(request, request.GET["to_chuc"])
    rows = importing.template_rows(org, year)
    return tabular.xlsx_download(tabular.template_xlsx(importing.SPEC, rows=rows),
                                 f"xep-loai-{year}-{org.code}.xlsx")


# -- exports ---------------------------------------------------------------------------------


def _report_options(request) -> reports.ReportOptions:
    on = None
    if request.GET.get("ngay"):
        try:
            on = vn.parse_date(request.GET["ngay"])
        except ValueError:
            on = None
    return reports.ReportOptions(number=vn.nfc(request.GET.get("so", "")), place=vn.nfc(request.GET.get("noi", "")),
                                 on=on or timezone.localdate())


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@login_required
@reads_reports
def export(request, pk, year, fmt):
    org, year = visible_org(request, pk), _year(year)
    result = rollup.build(org, year)
    name = f"xep-loai-{year}-{org.code}"
    if fmt == "xlsx":
        return tabular.xlsx_download(reports.xlsx_bytes(result, timezone.localdate()), f"{name}.xlsx")
    if fmt == "docx":
        return _download(reports.docx_bytes(result, _report_options(request)), DOCX_CONTENT_TYPE, f"{name}.docx")
    if fmt == "pdf":
        return _download(reports.pdf_bytes(result, _report_options(request), request), PDF_CONTENT_TYPE, f"{name}.pdf")
    raise Http404
