"""The visibility table (access.visibility) is complete, and the scope returns what it says.

EXPECTED below is the same table written again by hand: changing what a role sees means
changing both, on purpose. Every model bound to an organization or a member must have a
row, so a new one cannot leak through "own cell" as before (the registry is walked).
"""
from __future__ import annotations

import pytest
from django.apps import apps
from django.db import models
from django.utils.module_loading import import_string

from dangbo.access.masking import Masker
from dangbo.access.models import ApiToken, Role
from dangbo.access.scope import Scope
from dangbo.access.tests.world import build_world
from dangbo.access.visibility import BY_LABEL, ROLES, TABLE, Answer, UnknownObjectType
from dangbo.core.testing import make_user
from dangbo.members.models import Member
from dangbo.orgs.models import Organization

# admin, staff, leader, cell_secretary, member, inspection — v: visible, m: masked, o: own, n: none (404)
EXPECTED = {
    "orgs.Organization": "v v v v o v",
    "orgs.OrgClosure": "v v v v o v",
    "orgs.Term": "v v v v o v",
    "orgs.Position": "v v v v o v",
    "orgs.OrgChange": "v v v v n v",
    "members.Member": "v v m v o m",
    "members.MemberEvent": "v v v v o v",
    "members.MemberAbsence": "v v v v o v",
    "access.RoleAssignment": "v n n n n n",
    "audit.AuditEntry": "v m m n n m",
    "audit.AccessLogEntry": "v n n n n n",
    "ratings.RatingPeriod": "v v v v n v",
    "ratings.MemberRating": "v v v v o v",
    "ratings.OrgRating": "v v v v n v",
    "ratings.RatingTarget": "v v v v n v",
    "documents.Issuer": "v v v v o v",
    "documents.Document": "v v v v o v",
    "documents.Target": "v v v v o v",
    "documents.ProgressReport": "v v v v o v",
    "congress.Congress": "v v v v o v",
    "congress.DraftDocument": "v v v v o v",
    "congress.DraftVersion": "v v v v o v",
    "congress.Paragraph": "v v v v o v",
    "congress.CommentRound": "v v v v o v",
    "congress.RoundRecipient": "v v v v o v",
    "congress.Conference": "v v v v o v",
    "congress.BridgePoint": "v v v v o v",
    "congress.Comment": "v v v v o v",
    "congress.SynthesisItem": "v v v v o v",
    "congress.Election": "v v v v o v",
    "congress.Candidate": "v v v v o v",
    "congress.ElectionRound": "v v v v o v",
    "congress.RoundCandidate": "v v v v o v",
    "congress.BallotPaper": "v v v v o v",
    "ingest.Source": "v v m v n n",
    "ingest.Fact": "v v m v n n",
    "admission.Candidate": "v v v v n v",
    "admission.AdmissionStep": "v v v v n v",
    "admission.Relative": "v v v v n v",
    "admission.Sponsor": "v v v v n v",
    "admission.AdmissionTarget": "v v v v n v",
    "admission.Hamlet": "v v v v n v",
    "inspection.Plan": "v v v v n v",
    "inspection.PlanItem": "v v v v n v",
    "inspection.Denunciation": "v n n n n v",
    "inspection.Case": "v n n n n v",
    "inspection.Recommendation": "v v v v n v",
    "inspection.DisciplineDecision": "v v v v n v",
    "inspection.Postponement": "v n n n n v",
    "inspection.Consolidation": "v v v v n v",
    "inspection.Milestone": "v v v v n v",
    "meetings.Meeting": "v v v v o v",
    "meetings.Material": "v v v v o v",
    "meetings.Attendance": "v v v v o v",
    "meetings.Minutes": "v v v v n v",
    "meetings.MinutesAddendum": "v v v v n v",
    "meetings.Conference": "v v v v n v",
    "meetings.BridgePoint": "v v v v n v",
    "meetings.CorrectionRequest": "v v n v o n",
    "members.MemberSummary": "v v v v n v",
    "ratings.RatingSummary": "v v v v n v",
}
CODES = {"v": Answer.VISIBLE, "m": Answer.MASKED, "o": Answer.OWN, "n": Answer.NONE}
USERS = {Role.ADMIN: "admin", Role.STAFF: "staff_a", Role.LEADER: "leader_province",
         Role.CELL_SECRETARY: "secretary_a1", Role.MEMBER: "member_user", Role.INSPECTION: "inspector_a"}
BOUND_TO = {"orgs.Organization", "members.Member"}


def bound_models() -> set[str]:
    """Every model with a foreign key or many-to-many to an organization or a member."""
    return {
        model._meta.label
        for model in apps.get_models()
        if any(f.is_relation and f.related_model is not None and f.related_model._meta.label in BOUND_TO
               and (f.concrete or f.many_to_many) for f in model._meta.get_fields())
    }


def unlisted_bound_models() -> set[str]:
    return bound_models() - set(BY_LABEL)


def test_every_model_bound_to_an_organization_or_a_member_has_a_row():
    missing = unlisted_bound_models()
    assert not missing, f"add a row to dangbo.access.visibility.TABLE for: {sorted(missing)}"


def test_a_new_bound_model_without_a_row_fails_the_check():
    class LeakyNotice(models.Model):
        organization = models.ForeignKey("orgs.Organization", on_delete=models.CASCADE)

        class Meta:
            app_label = "access"

    try:
        assert "access.LeakyNotice" in unlisted_bound_models()
        with pytest.raises(UnknownObjectType):
            Scope().restrict(LeakyNotice.objects.all())
    finally:
        del apps.all_models["access"]["leakynotice"]
        apps.clear_cache()
    assert "access.LeakyNotice" not in unlisted_bound_models()


def test_the_table_says_what_the_expected_table_says():
    actual = {row.label: " ".join(str(answer)[0] for answer in row.answers) for row in TABLE}
    assert actual == EXPECTED
    assert len(TABLE) == len(BY_LABEL), "one row per object type"


def test_every_row_names_a_model_and_paths_that_exist():
    for row in TABLE:
        model = apps.get_model(row.label)
        for path in (row.org, row.own_member, row.own_cell):
            if path:  # the ORM refuses a path that does not exist (FieldError)
                str(model.objects.filter(**{f"{Scope._path('', path)}__isnull": True}).query)
        if Answer.OWN in row.answers:
            assert row.rule or row.own_member is not None or row.own_cell is not None, row.label
        if row.rule:
            import_string(row.rule)
        for field in row.masked_fields:
            assert Answer.MASKED in row.answers, row.label


def test_a_type_without_a_row_is_refused(tree):
    with pytest.raises(UnknownObjectType):
        Scope.for_user(tree.admin).restrict(ApiToken.objects.all())


# -- what the scope returns, type by type, role by role ----------------------------------------


def _subtree(org: Organization) -> set[int]:
    """The organization and everything under it, walked in Python (independent of the scope)."""
    children: dict[int | None, list[int]] = {}
    for pk, parent in Organization.objects.values_list("pk", "parent_id"):
        children.setdefault(parent, []).append(pk)
    found, stack = set(), [org.pk]
    while stack:
        pk = stack.pop()
        found.add(pk)
        stack.extend(children.get(pk, []))
    return found


def _values(model, path: str) -> list[tuple[int, int | None]]:
    return list(model.objects.values_list("pk", Scope._path("", path)))


def expected_rows(tree, row, role: str) -> set[int]:
    model = apps.get_model(row.label)
    answer = row.answer(role)
    if answer == Answer.NONE:
        return set()
    if role == Role.ADMIN:
        return set(model.objects.values_list("pk", flat=True))
    member = tree.a1_members[0]
    if answer == Answer.OWN:
        if row.own_member is not None:
            return {pk for pk, owner in _values(model, row.own_member) if owner == member.pk}
        path = row.own_cell if row.own_cell is not None else row.org
        return {pk for pk, org in _values(model, path) if org == member.organization_id}
    root = {Role.STAFF: tree.commune_a, Role.LEADER: tree.province, Role.CELL_SECRETARY: tree.cell_a1,
            Role.INSPECTION: tree.commune_a}[role]
    orgs = _subtree(root)
    return {pk for pk, org in _values(model, row.org) if org in orgs}


@pytest.mark.parametrize("role", ROLES)
def test_the_scope_returns_what_the_table_says_for_every_type(tree, role):
    build_world(tree)
    tree.inspector_a = make_user("kiemtra_xa_a", Role.INSPECTION, tree.commune_a)
    scope = Scope.for_user(getattr(tree, USERS[role]))
    wrong = []
    for row in TABLE:
        model = apps.get_model(row.label)
        assert model.objects.exists(), f"the test world has no {row.label}"
        got = set(scope.restrict(model.objects.all()).values_list("pk", flat=True))
        expected = expected_rows(tree, row, role)
        if got != expected:
            wrong.append(f"{row.label} for {role}: got {sorted(got)}, expected {sorted(expected)}")
        if row.answer(role) == Answer.NONE and got:
            wrong.append(f"{row.label} leaks to {role}")
    assert not wrong, "\n".join(wrong)


def test_masked_means_masked_unless_the_viewer_may_edit(tree):
    other = tree.a1_members[1]
    leader = Masker(Scope.for_user(tree.leader_province), "members.Member")
    staff = Masker(Scope.for_user(tree.staff_a), "audit.AuditEntry")
    member = Masker(Scope.for_user(tree.member_user), "members.Member")
    assert not leader.shows(other.organization_id, other.pk)
    assert leader.value("citizen_id", "012034567855", other.organization_id) == "0120******55"
    assert leader.value("phone", "0912345678", other.organization_id) == "0912****78"
    assert staff.shows(tree.cell_a1.pk) and not staff.shows(tree.cell_b1.pk)
    assert member.shows(tree.cell_a1.pk, tree.a1_members[0].pk)


def test_a_leader_who_is_also_staff_of_a_commune_sees_that_commune_in_clear(tree):
    from dangbo.access.models import RoleAssignment

    RoleAssignment.objects.create(user=tree.leader_province, role=Role.STAFF, organization=tree.commune_b)
    masker = Masker(Scope.for_user(tree.leader_province), "members.Member")
    assert masker.shows(tree.cell_b1.pk) and not masker.shows(tree.cell_a1.pk)


def test_a_masked_record_cannot_be_saved(tree):
    masker = Masker(Scope.for_user(tree.leader_province), "members.Member")
    [member] = masker.mask_members([Member.objects.get(pk=tree.a1_members[1].pk)])
    assert "*" in member.citizen_id
    with pytest.raises(RuntimeError):
        member.save()


def test_the_architecture_document_shows_the_table_of_the_code():
    from pathlib import Path

    from dangbo.access.visibility import markdown_table

    text = (Path(__file__).resolve().parents[3] / "docs" / "ARCHITECTURE.md").read_text()
    documented = text.split("<!-- visibility-table:start -->\n")[1].split("\n<!-- visibility-table:end -->")[0]
    assert documented == markdown_table(), (
        "docs/ARCHITECTURE.md («Who sees what») differs from dangbo/access/visibility.py; "
        "paste the output of `dangbo visibility_table` between the markers")
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("visibility_table", stdout=out)
    assert out.getvalue().strip() == documented


def test_a_member_who_also_leads_elsewhere_sees_no_recommendations_of_their_own_cell(tree):
    """Recommendations answer `none` to the member role, also for a member who reads another subtree."""
    from dangbo.access.models import RoleAssignment
    from dangbo.inspection.visibility import recommendations

    build_world(tree)
    RoleAssignment.objects.create(user=tree.member_user, role=Role.LEADER, organization=tree.commune_b)
    seen = set(recommendations(Scope.for_user(tree.member_user)).values_list("organization_id", flat=True))
    assert seen == {tree.cell_b1.pk}
