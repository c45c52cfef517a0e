"""Business operations on organizations: each is one transaction with its audit entry."""
from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from dangbo.audit import log as audit
from dangbo.audit.models import AuditAction
from dangbo.core import versioning, vn
from dangbo.orgs import tree
from dangbo.orgs.models import ChangeKind, Organization, OrgChange, Position, Term


@transaction.atomic
def create_organization(user, *, parent: Organization | None, decision_number: str = "", **fields) -> Organization:
    fields = {k: vn.nfc(v) if isinstance(v, str) else v for k, v in fields.items()}
    org = tree.create_organization(parent=parent, **fields)
    change = OrgChange.objects.create(kind=ChangeKind.ESTABLISH, date=org.established or date.today(),
                                      decision_number=decision_number, new_name=org.name)
    change.results.add(org)
    audit.record(user, AuditAction.CREATE, org)
    return org


@transaction.atomic
def update_organization(user, org: Organization, *, decision_number: str = "", change_date: date | None = None,
                        version: int | None = None, **fields) -> Organization:
    """Edit fields; a new name is kept as a rename in the restructuring history.

    `version` is the one the editor read (versioning.EditConflict instead of overwriting)."""
    fields = {key: vn.nfc(value) if isinstance(value, str) else value for key, value in fields.items()}
    org, previous = versioning.update(user, org, fields, version=version)
    if "kind" in previous:  # what the roll-ups count (e.g. grassroots organizations) may change
        from dangbo.rollups import engine

        engine.recompute_chain(org.pk)
    if "name" in previous:
        change = OrgChange.objects.create(kind=ChangeKind.RENAME, date=change_date or date.today(),
                                          decision_number=decision_number, old_name=previous["name"],
                                          new_name=org.name)
        change.sources.add(org)
        change.results.add(org)
    return org


@transaction.atomic
def move_organization(user, org: Organization, new_parent: Organization, *, on: date, decision_number: str = "") -> None:
    before = audit.snapshot(org)
    tree.move_subtree(org, new_parent)
    change = OrgChange.objects.create(kind=ChangeKind.MOVE, date=on, decision_number=decision_number,
                                      note=f"Chuyển về trực thuộc {new_parent.name}")
    change.sources.add(org)
    change.results.add(new_parent)
    audit.record(user, AuditAction.UPDATE, org, before=before)


@transaction.atomic
def dissolve_organization(user, org: Organization, *, on: date, decision_number: str = "") -> None:
    from dangbo.members.models import ACTIVE_STATUSES

    problems = []
    if org.members.filter(status__in=ACTIVE_STATUSES).exists():
        problems.append("Phải chuyển hết đảng viên trước khi giải thể.")
    if org.children.filter(dissolved__isnull=True).exists():
        problems.append("Phải chuyển hoặc giải thể hết tổ chức trực thuộc trước khi giải thể.")
    if problems:
        raise ValidationError(problems)
    before = audit.snapshot(org)
    org.dissolved = on
    org.save(update_fields=["dissolved"])
    change = OrgChange.objects.create(kind=ChangeKind.DISSOLVE, date=on, decision_number=decision_number,
                                      old_name=org.name)
    change.sources.add(org)
    audit.record(user, AuditAction.UPDATE, org, before=before)


@transaction.atomic
def merge_organizations(user, sources: list[Organization], into: Organization, *, on: date,
                        decision_number: str = "") -> OrgChange:
    """Hợp nhất/sáp nhập: members and sub-organizations of each source move into `into`,
    each source is dissolved, and the lineage (sources -> result) is kept."""
    from dangbo.members.services import transfer_members_in_bulk

    change = OrgChange.objects.create(kind=ChangeKind.MERGE, date=on, decision_number=decision_number,
                                      new_name=into.name)
    for source in sources:
        if source.pk == into.pk:
            continue
        for child in list(source.children.filter(dissolved__isnull=True)):
            tree.move_subtree(child, into)
        transfer_members_in_bulk(user, source, into, on=on, decision_number=decision_number)
        before = audit.snapshot(source)
        source.dissolved = on
        source.save(update_fields=["dissolved"])
        audit.record(user, AuditAction.UPDATE, source, before=before, note=f"Hợp nhất vào {into.name}")
        change.sources.add(source)
    change.results.add(into)
    return change


@transaction.atomic
def add_term(user, org: Organization, **fields) -> Term:
    term = Term.objects.create(organization=org, **fields)
    audit.record(user, AuditAction.CREATE, term)
    return term


@transaction.atomic
def add_position(user, org: Organization, **fields) -> Position:
    """A member takes a committee position; the member must belong to the organization's subtree."""
    member = fields["member"]
    if not org.subtree().filter(pk=member.organization_id).exists():
        raise ValueError("Đảng viên không sinh hoạt trong đảng bộ này.")
    position = Position.objects.create(organization=org, **fields)
    audit.record(user, AuditAction.CREATE, position)
    return position


@transaction.atomic
def end_position(user, position: Position, on: date) -> None:
    before = audit.snapshot(position)
    position.end = on
    position.save(update_fields=["end"])
    audit.record(user, AuditAction.UPDATE, position, before=before)
