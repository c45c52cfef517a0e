"""Writes of ratings, periods and targets: one transaction each, audited.

A rating of year Y in organization X can be written only while a period of year Y covers X
(opened at X or above) and no covering period is closed. Caps and eligibility are checked
on every save; the quota is checked for the whole quota unit (a grassroots organization
spans several cells), shown as a warning while entering and enforced when closing.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from dangbo.audit import log as audit
from dangbo.audit.models import AuditAction
from dangbo.core import versioning, vn
from dangbo.members import rules as member_rules
from dangbo.members.models import ACTIVE_STATUSES, AbsenceKind, EventKind, Member, MemberAbsence, MemberEvent
from dangbo.orgs.models import GRASSROOTS_KINDS, Organization, OrgClosure
from dangbo.ratings import rules, summary
from dangbo.ratings.models import MemberRating, OrgRating, PeriodStatus, RatingPeriod, RatingTarget

END_EVENT_KINDS = (EventKind.DECEASED, EventKind.REMOVED, EventKind.EXPELLED, EventKind.TRANSFER_OUT)


# -- settings ((U) items of DOMAIN.md) -----------------------------------------------------------


def excellent_ratio():
    return settings.DANGBO_RULES.get("excellent_ratio", 0.20)


def khtnv_triggers():
    """None: the rule set's own list; a deployment may set DANGBO_RULES["khtnv_triggers"]."""
    value = settings.DANGBO_RULES.get("khtnv_triggers")
    return None if value is None else frozenset(value)


def eligibility_params() -> dict:
    return {
        "leave_months_not_rated": settings.DANGBO_RULES.get("rating_leave_months_not_rated", 3),
        "transfer_consult_months": settings.DANGBO_RULES.get("rating_transfer_consult_months", 6),
    }


def default_rating_date(year: int) -> date:
    today = timezone.localdate()
    return today if today.year == year else date(year, 12, 31)


# -- discipline register (inspection app) ---------------------------------------------------------


def disciplined_members(year: int, member_ids) -> set[int]:
    """Members disciplined in `year`: by a decision in force in the register, or flagged by hand
    on a rating entered before the register existed (history kept)."""
    from dangbo.inspection.selectors import disciplined_member_ids

    member_ids = list(member_ids)
    by_hand = set(MemberRating.objects.filter(year=year, member_id__in=member_ids, disciplined_by_hand=True)
                  .values_list("member_id", flat=True))
    return disciplined_member_ids(year, member_ids) | by_hand


def organization_disciplined(year: int, org: Organization) -> bool:
    from dangbo.inspection.selectors import disciplined_org_ids

    return bool(disciplined_org_ids(year, [org.pk])) or OrgRating.objects.filter(
        year=year, organization=org, disciplined_by_hand=True).exists()


def refresh_discipline_flags(year: int, *, member_ids=(), org_ids=()) -> int:
    """Bring the `disciplined` flag of the year's ratings in step with the register after a
    decision, an approval or an appeal; returns the number of ratings changed. The level is not
    touched: a rating now above its cap is listed by the validation and blocks closing."""
    from dangbo.inspection.selectors import disciplined_org_ids

    changed = 0
    if member_ids:
        flagged = disciplined_members(year, member_ids)
        for rating in MemberRating.objects.filter(year=year, member_id__in=list(member_ids)):
            value = rating.member_id in flagged
            if rating.disciplined != value:
                rating.disciplined = value
                rating.save(update_fields=["disciplined", "updated_at"])
                changed += 1
    if org_ids:
        flagged = disciplined_org_ids(year, org_ids)
        for rating in OrgRating.objects.filter(year=year, organization_id__in=list(org_ids)):
            value = rating.organization_id in flagged or rating.disciplined_by_hand
            if rating.disciplined != value:
                rating.disciplined = value
                rating.save(update_fields=["disciplined", "updated_at"])
                changed += 1
    return changed


# -- periods ----------------------------------------------------------------------------------


def covering_periods(org: Organization | int, year: int):
    org_id = org if isinstance(org, int) else org.pk
    ancestor_ids = OrgClosure.objects.filter(descendant_id=org_id).values("ancestor_id")
    return RatingPeriod.objects.filter(year=year, organization_id__in=ancestor_ids).select_related("organization")


def period_state(org: Organization | int, year: int, periods: list[RatingPeriod] | None = None) -> tuple[bool, str]:
    """(writable, reason in Vietnamese) for ratings of `year` in `org` (`periods`: the covering
    periods when the caller has them already)."""
    periods = list(covering_periods(org, year)) if periods is None else periods
    if not periods:
        return False, f"Chưa mở đợt xếp loại năm {year} cho tổ chức này."
    closed = [p for p in periods if p.status == PeriodStatus.CLOSED]
    if closed:
        return False, f"Đợt xếp loại năm {year} của {closed[0].organization.name} đã khóa."
    return True, ""


def check_writable(org: Organization | int, year: int) -> None:
    writable, reason = period_state(org, year)
    if not writable:
        raise ValidationError({"year": reason})


def lock_writable(org: Organization | int, year: int) -> None:
    """check_writable for a write: the covering period rows stay share-locked until the
    transaction ends, so close_period (which locks its row for update) waits for ratings
    being written and no rating is written after a period is closed. On SQLite every write
    transaction starts IMMEDIATE (settings), which serializes writers anyway."""
    if connection.vendor == "postgresql":
        org_id = org if isinstance(org, int) else org.pk
        ancestor_ids = OrgClosure.objects.filter(descendant_id=org_id).values("ancestor_id")
        sql, params = (RatingPeriod.objects.filter(year=year, organization_id__in=ancestor_ids)
                       .order_by("pk").values("pk").query.sql_with_params())
        with connection.cursor() as cursor:
            cursor.execute(f"{sql} FOR SHARE", params)
    check_writable(org, year)


def closed_org_ids(org_ids, year: int) -> set[int]:
    """Of `org_ids`, those where ratings of `year` cannot be written (set-based, for imports)."""
    org_ids = list(set(org_ids))
    closures = OrgClosure.objects.filter(descendant_id__in=org_ids).values_list("descendant_id", "ancestor_id")
    periods = dict(RatingPeriod.objects.filter(year=year).values_list("organization_id", "status"))
    covered, closed = set(), set()
    for descendant, ancestor in closures:
        status = periods.get(ancestor)
        if status is not None:
            covered.add(descendant)
            if status == PeriodStatus.CLOSED:
                closed.add(descendant)
    return closed | (set(org_ids) - covered)


@transaction.atomic
def open_period(user, org: Organization, year: int, note: str = "") -> RatingPeriod:
    try:
        rule_set = rules.rules_for_year(year)
    except LookupError as error:
        raise ValidationError({"year": str(error)})
    if RatingPeriod.objects.filter(organization=org, year=year).exists():
        raise ValidationError({"year": f"Đã có đợt xếp loại năm {year} của {org.name}."})
    period = RatingPeriod.objects.create(organization=org, year=year, rule_set=rule_set.code, note=vn.nfc(note))
    audit.record(user, AuditAction.CREATE, period, note=f"Mở đợt xếp loại năm {year}")
    return period


@transaction.atomic
def close_period(user, period: RatingPeriod) -> RatingPeriod:
    """Lock the year's ratings of the subtree; refused while the validation finds breaches."""
    period = RatingPeriod.objects.select_for_update().get(pk=period.pk)
    if period.status == PeriodStatus.CLOSED:
        raise ValidationError({"status": "Đợt xếp loại đã khóa."})
    result = validate_subtree(period.organization, period.year)
    if not result.ok:
        shown = [b.message for b in result.breaches[:20]]
        more = len(result.breaches) - len(shown)
        raise ValidationError({"status": [f"Chưa thể khóa: còn {len(result.breaches)} vi phạm."] + shown
                               + ([f"… và {more} vi phạm khác."] if more > 0 else [])})
    before = audit.snapshot(period)
    period.status, period.closed_at, period.closed_by = PeriodStatus.CLOSED, timezone.now(), _user(user)
    period.save()
    audit.record(user, AuditAction.UPDATE, period, before=before, note=f"Khóa đợt xếp loại năm {period.year}")
    return period


@transaction.atomic
def reopen_period(user, period: RatingPeriod, reason: str) -> RatingPeriod:
    reason = vn.nfc(reason)
    if not reason:
        raise ValidationError({"reason": "Phải ghi lý do mở lại đợt xếp loại."})
    period = RatingPeriod.objects.select_for_update().get(pk=period.pk)
    if period.status != PeriodStatus.CLOSED:
        raise ValidationError({"status": "Đợt xếp loại đang mở."})
    before = audit.snapshot(period)
    period.status, period.closed_at, period.closed_by = PeriodStatus.OPEN, None, None
    period.save()
    audit.record(user, AuditAction.UPDATE, period, before=before,
                 note=f"Mở lại đợt xếp loại năm {period.year}. Lý do: {reason}")
    return period


# -- validation of a subtree (before closing) -------------------------------------------------


def grassroots_of(org: Organization) -> Organization | None:
    """The grassroots organization (TCCSĐ) that `org` is or belongs to."""
    return (Organization.objects.filter(descendant_links__descendant=org, kind__in=GRASSROOTS_KINDS)
            .order_by("-depth").first())


def validate_subtree(org: Organization, year: int) -> rules.Validation:
    """Every breach in the year's ratings of the subtree, each named (set-based queries)."""
    rule_set = rules.rules_for_year(year)
    ratio, triggers = excellent_ratio(), khtnv_triggers()
    result = rules.Validation()
    subtree = OrgClosure.objects.filter(ancestor=org).values("descendant_id")

    # Member quota per grassroots organization touching the subtree (also the one above a cell).
    grassroots_ids = set(Organization.objects.filter(pk__in=subtree, kind__in=GRASSROOTS_KINDS).values_list("pk", flat=True))
    above = grassroots_of(org)
    if above:
        grassroots_ids.add(above.pk)
    from dangbo.ratings.rollup import live_member_counts

    # Counted from the ratings themselves: closing a period locks the year on these numbers.
    groups = live_member_counts(sorted(grassroots_ids), year)
    names = dict(Organization.objects.filter(pk__in=groups).values_list("pk", "name"))
    result.breaches += rules.quota_breaches(groups, ratio, names)

    # Organization quota per deciding superior.
    org_groups: dict[int, Counter] = {}
    for rated_by, level, n in (OrgRating.objects.filter(year=year, organization_id__in=subtree)
                               .values_list("rated_by_id", "level").annotate(n=Count("id")).order_by()):
        org_groups.setdefault(rated_by, Counter())[level] = n
    by_names = dict(Organization.objects.filter(pk__in=org_groups).values_list("pk", "name"))
    by_names = {k: f"các tổ chức do {v} xếp loại" for k, v in by_names.items()}
    result.breaches += rules.quota_breaches(org_groups, ratio, by_names)

    # Caps: only rows with a flag can break one.
    flagged = (MemberRating.objects.filter(year=year, organization_id__in=subtree, disciplined=True)
               .select_related("member"))
    for rating in flagged:
        breach = rules.cap_breach(rating.level, rating.flags(), rule_set, remedied=rating.remedied,
                                  khtnv_triggers=triggers, subject_name=rating.member.full_name, subject_id=rating.pk)
        if breach:
            result.breaches.append(breach)
    flagged_orgs = (OrgRating.objects.filter(year=year, organization_id__in=subtree)
                    .filter(Q(disciplined=True) | Q(violations=True) | Q(subordinate_disciplined=True))
                    .select_related("organization"))
    for rating in flagged_orgs:
        breach = rules.cap_breach(rating.level, rating.flags(), rule_set, remedied=rating.remedied,
                                  khtnv_triggers=triggers, subject_name=rating.organization.name, subject_id=rating.pk)
        if breach:
            result.breaches.append(breach)

    # Rated before joining the Party.
    early = (MemberRating.objects.filter(year=year, organization_id__in=subtree)
             .filter(member__admission_date__gt=F("rated_on")).select_related("member"))
    for rating in early:
        result.breaches.append(rules.Breach("not_eligible", f"{rating.member.full_name}: xếp loại trước ngày vào Đảng.",
                                            (rating.pk,)))
    return result


# -- member ratings ------------------------------------------------------------------------------


@dataclass
class YearFacts:
    """Eligibility facts of many members for one rating year."""

    facts: dict[int, rules.MemberFacts]
    exemptions: dict[int, list[tuple[date, date | None]]]

    def on(self, member_id: int, rated_on: date) -> rules.MemberFacts:
        """The member's facts on the rating date: exempted if an exemption covers that day."""
        spans = self.exemptions.get(member_id, ())
        if any(member_rules.covers(start, end, rated_on) for start, end in spans):
            return replace(self.facts[member_id], exempted=True)
        return self.facts[member_id]


def member_facts(members: list[Member], year: int) -> YearFacts:
    """Eligibility facts of many members: three queries, whatever their number."""
    ids = [m.pk for m in members]
    ends = dict(MemberEvent.objects.filter(member_id__in=ids, kind__in=END_EVENT_KINDS, reversed_by__isnull=True)
                .values_list("member_id", "date").order_by("date"))
    transfers = dict(MemberEvent.objects.filter(member_id__in=ids, kind=EventKind.TRANSFER, date__year=year)
                     .values_list("member_id", "date").order_by("date"))
    leaves: dict[int, list] = defaultdict(list)
    exemptions: dict[int, list] = defaultdict(list)
    absences = (MemberAbsence.objects.filter(member_id__in=ids, start__lte=date(year + 1, 12, 31))
                .exclude(end__lt=date(year, 1, 1)).values_list("member_id", "kind", "start", "end"))
    for member_id, kind, start, end in absences:
        (exemptions if kind == AbsenceKind.EXEMPTED else leaves)[member_id].append((start, end))
    facts = {m.pk: rules.MemberFacts(m.admission_date,
                                     end_date=None if m.status in ACTIVE_STATUSES else ends.get(m.pk),
                                     leave_months=member_rules.absent_months_in_year(leaves[m.pk], year),
                                     transferred_in_on=transfers.get(m.pk))
             for m in members}
    return YearFacts(facts, dict(exemptions))


@dataclass
class RatingInput:
    member: Member
    level: str  # "" = not rated this year (on leave, exempted...)
    remedied: bool = False
    notes: str = ""
    rated_on: date | None = None
    version: int | None = None  # of the rating as the screen showed it (0: none); None: not checked


def default_rated_by(org: Organization) -> Organization:
    """Members are rated by their grassroots organization (the competent level), or their cell."""
    return grassroots_of(org) or org


def _member_entries(inputs: list[RatingInput], year: int, cell_name: str) -> set[int]:
    """Check the inputs; returns the ids of the members disciplined in the year (the cap)."""
    rule_set = rules.rules_for_year(year)
    facts = member_facts([i.member for i in inputs], year)
    disciplined = disciplined_members(year, [i.member.pk for i in inputs])
    errors: dict[str, list[str]] = {}
    for item in inputs:
        if not item.level:
            continue
        rated_on = item.rated_on or default_rating_date(year)
        if rated_on.year not in (year, year + 1):
            errors.setdefault("rated_on", []).append(f"{item.member.full_name}: ngày xếp loại phải trong năm {year} "
                                                     f"hoặc đầu năm {year + 1}.")
        eligible = rules.eligibility(facts.on(item.member.pk, rated_on), rated_on, **eligibility_params())
        if not eligible.rated:
            errors.setdefault("level", []).append(f"{item.member.full_name}: {eligible.reason}")
        flags = {"disciplined"} if item.member.pk in disciplined else set()
        breach = rules.cap_breach(item.level, flags, rule_set, remedied=item.remedied, khtnv_triggers=khtnv_triggers(),
                                  subject_name=item.member.full_name)
        if breach:
            errors.setdefault("level", []).append(breach.message)
    if errors:
        raise ValidationError(errors)
    return disciplined


def rating_problems(inputs: list[RatingInput], year: int, cell_name: str) -> list[str]:
    """The rules' problems with the inputs, without saving (shown beside an unreadable date)."""
    try:
        _member_entries(inputs, year, cell_name)
    except ValidationError as error:
        return [m for messages in error.message_dict.values() for m in messages]
    return []


@transaction.atomic
def save_cell_ratings(user, cell: Organization, year: int, inputs: list[RatingInput]) -> dict:
    """Save the ratings of one cell entered on one screen; empty level removes a rating.

    Returns {"saved": n, "removed": n, "warnings": [quota breaches of the grassroots unit]}.
    An input with a `version` that is no longer the rating's (someone saved it meanwhile)
    refuses the whole screen with the names concerned instead of overwriting.
    """
    lock_writable(cell, year)
    disciplined = _member_entries(inputs, year, cell.name)
    touched = MemberRating.objects.filter(year=year, member__in=[i.member for i in inputs])
    # Rows locked first, so the roll-up difference below is read under the lock.
    existing = {r.member_id: r for r in touched.select_for_update(of=("self",)).order_by("pk")}
    _check_versions(inputs, existing)
    with summary.track_members(touched):   # the maintained roll-ups follow in the same transaction
        outcome = _write_cell_ratings(user, cell, year, inputs, existing, disciplined)
    return {**outcome, "warnings": quota_warnings(cell, year)}


def _write_cell_ratings(user, cell: Organization, year: int, inputs: list[RatingInput], existing: dict,
                        disciplined: set[int]) -> dict:
    rated_by = default_rated_by(cell)
    to_create, to_update, to_delete = [], [], []
    for item in inputs:
        current = existing.get(item.member.pk)
        if not item.level:
            if current:
                to_delete.append(current.pk)
            continue
        values = {"level": item.level, "disciplined": item.member.pk in disciplined, "remedied": item.remedied,
                  "notes": vn.nfc(item.notes), "rated_on": item.rated_on or default_rating_date(year)}
        if current is None:
            to_create.append(MemberRating(member=item.member, year=year, organization=cell, rated_by=rated_by,
                                          created_by=_user(user), **values))
        elif any(getattr(current, k) != v for k, v in values.items()) or current.organization_id != cell.pk:
            for key, value in values.items():
                setattr(current, key, value)
            current.organization = cell
            current.version = F("version") + 1
            to_update.append(current)
    try:
        with transaction.atomic():  # a savepoint: a rating created meanwhile is a message, not a 500
            MemberRating.objects.bulk_create(to_create, batch_size=2000)
    except IntegrityError:
        raise ValidationError({"level": "Người khác vừa lưu xếp loại cho đảng viên trong chi bộ này; "
                                        "tải lại trang để xem rồi lưu lại."}) from None
    MemberRating.objects.bulk_update(to_update, ["level", "disciplined", "remedied", "notes", "rated_on",
                                                 "organization", "updated_at", "version"], batch_size=2000)
    MemberRating.objects.filter(pk__in=to_delete).delete()
    changed = len(to_create) + len(to_update) + len(to_delete)
    if changed:
        audit.record_bulk(user, MemberRating, count=changed, organization_id=cell.pk,
                          note=f"Xếp loại năm {year} — {cell.name}: {len(to_create)} mới, {len(to_update)} sửa, "
                               f"{len(to_delete)} xóa",
                          details={"year": year, "created": len(to_create), "updated": len(to_update),
                                   "deleted": len(to_delete)})
    return {"saved": len(to_create) + len(to_update), "removed": len(to_delete)}


def _check_versions(inputs: list[RatingInput], existing: dict[int, MemberRating]) -> None:
    """Rows whose rating changed since the screen was read, and would now change again."""
    stale = []
    for item in inputs:
        current = existing.get(item.member.pk)
        if item.version is None or (current.version if current else 0) == item.version:
            continue
        theirs = current.get_level_display() if current else "(chưa xếp loại)"
        yours = rules.LEVEL_LABELS.get(item.level, "(chưa xếp loại)") if item.level else "(chưa xếp loại)"
        if (current.level if current else "") != item.level or (current and (
                current.remedied, current.notes) != (item.remedied, vn.nfc(item.notes))):
            stale.append(f"{item.member.full_name}: người khác đã lưu «{theirs}», bạn nhập «{yours}»")
    if stale:
        raise ValidationError({"level": ["Kết quả xếp loại đã được người khác sửa trong lúc bạn nhập; chưa lưu. "
                                         "Kiểm tra lại rồi bấm Lưu nếu vẫn muốn ghi giá trị của bạn."] + stale})


def quota_warnings(org: Organization, year: int) -> list[rules.Breach]:
    unit = default_rated_by(org)
    from dangbo.ratings.rollup import member_counts

    counts = member_counts([unit.pk], year)
    breach = rules.quota_breach(counts.get(unit.pk, {}), excellent_ratio(), unit.name, unit.pk)
    return [breach] if breach else []


@transaction.atomic
def save_member_rating(user, member: Member, year: int, *, level: str, rated_on: date | None = None,
                       remedied: bool = False, notes: str = "",
                       rated_by: Organization | None = None, version: int | None = None) -> MemberRating | None:
    """One member's rating, in the cell the member belongs to now. `version`: of the rating the
    editor read (0: there was none); a change made meanwhile raises versioning.EditConflict.
    Whether the member was disciplined in the year comes from the discipline register."""
    cell = member.organization
    lock_writable(cell, year)
    item = RatingInput(member, level, remedied, notes, rated_on)
    disciplined = member.pk in _member_entries([item], year, cell.name)
    touched = MemberRating.objects.filter(member=member, year=year)
    current = touched.select_for_update(of=("self",)).order_by("pk").first()
    with summary.track_members(touched):
        values = {"organization": cell, "rated_by": rated_by or default_rated_by(cell), "level": level,
                  "disciplined": disciplined, "remedied": remedied, "notes": vn.nfc(notes),
                  "rated_on": rated_on or default_rating_date(year)}
        return _save_rating(user, MemberRating, current, dict(member=member, year=year), values, version)


def _save_rating(user, model, current, key: dict, values: dict, version: int | None):
    """Create, update (versioning.update: only changed fields, no overwrite) or, with an empty
    level, delete one rating."""
    if current is not None and version is not None and not values["level"] and current.version != version:
        raise versioning.EditConflict([versioning.Conflict("level", "Mức xếp loại", current.get_level_display(),
                                                           "(không xếp loại)")], current.version)
    if not values["level"]:
        if current:
            audit.record(user, AuditAction.DELETE, current)
            current.delete()
        return None
    if current is not None:
        rating, _ = versioning.update(user, current, values, version=version)
        return rating
    rating = model(**key, **values, created_by=_user(user))
    try:
        with transaction.atomic():  # a savepoint: a rating created meanwhile is a message, not a 500
            rating.save()
    except IntegrityError:
        raise ValidationError({"level": "Người khác vừa lưu xếp loại này; tải lại trang để xem rồi lưu lại."}) from None
    audit.record(user, AuditAction.CREATE, rating)
    return rating


# -- organization ratings -------------------------------------------------------------------------


@transaction.atomic
def save_org_rating(user, org: Organization, year: int, *, level: str, rated_on: date | None = None,
                    violations: bool = False, subordinate_disciplined: bool = False,
                    remedied: bool = False, notes: str = "", version: int | None = None) -> OrgRating | None:
    """An organization's rating, decided by its direct superior (43-HD/BTCTW); `version` as
    for save_member_rating. Whether the organization itself was disciplined in the year comes
    from the discipline register."""
    lock_writable(org, year)
    rule_set = rules.rules_for_year(year)
    disciplined = organization_disciplined(year, org)
    flags = {name for name, on in (("violations", violations), ("disciplined", disciplined),
                                   ("subordinate_disciplined", subordinate_disciplined)) if on}
    if level:
        breach = rules.cap_breach(level, flags, rule_set, remedied=remedied, khtnv_triggers=khtnv_triggers(),
                                  subject_name=org.name)
        if breach:
            raise ValidationError({"level": breach.message})
    touched = OrgRating.objects.filter(organization=org, year=year)
    current = touched.select_for_update(of=("self",)).order_by("pk").first()
    with summary.track_orgs(touched):
        values = {"rated_by": org.parent or org, "level": level, "rated_on": rated_on or default_rating_date(year),
                  "notes": vn.nfc(notes), "violations": violations, "disciplined": disciplined,
                  "subordinate_disciplined": subordinate_disciplined, "remedied": remedied}
        return _save_rating(user, OrgRating, current, dict(organization=org, year=year), values, version)


# -- targets ----------------------------------------------------------------------------------------


@transaction.atomic
def add_target(user, org: Organization, year: int, *, subject: str, min_level: str, min_percent, source: str = "") -> RatingTarget:
    if not (0 <= float(min_percent) <= 100):
        raise ValidationError({"min_percent": "Tỷ lệ phải từ 0 đến 100%."})
    target = RatingTarget.objects.create(organization=org, year=year, subject=subject, min_level=min_level,
                                         min_percent=min_percent, source=vn.nfc(source))
    audit.record(user, AuditAction.CREATE, target)
    return target


@transaction.atomic
def delete_target(user, target: RatingTarget) -> None:
    audit.record(user, AuditAction.DELETE, target)
    target.delete()


def _user(user):
    return user if getattr(user, "is_authenticated", False) else None
