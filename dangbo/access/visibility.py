"""What each role sees of each object type: the one table the Scope reads.

Every model bound to an organization or a member has a row here (a test walks the app
registry and fails otherwise); `Scope.restrict(queryset)` looks the queryset's model up and
refuses a model without a row. Answers, per role:

- visible: the rows inside the role's subtrees, every field.
- masked: the same rows, personal fields masked (`access.masking`) unless the viewer may
  edit the row's organization.
- own: only the viewer's own rows — their member record and the rows about it, or, for
  rows bound to an organization only, their own cell's rows.
- none: nothing; the rows do not exist for this role (404).

A role's subtrees: admin — everything; staff, leader, cell secretary, inspection — the
organizations assigned to them with their subtrees; member — their own cell. Inspection staff
(ủy ban kiểm tra) read like a leader, never more personal data than a leader, and are the
only role besides admin that sees denunciations, case files and postponements.

Decree 13/2023/NĐ-CP on personal data protection: each role gets the least it needs.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from dangbo.access.models import Role


class Answer(StrEnum):
    VISIBLE = "visible"
    MASKED = "masked"
    OWN = "own"
    NONE = "none"


ROLES = (Role.ADMIN, Role.STAFF, Role.LEADER, Role.CELL_SECRETARY, Role.MEMBER, Role.INSPECTION)

V, M, O, N = Answer.VISIBLE, Answer.MASKED, Answer.OWN, Answer.NONE


@dataclass(frozen=True)
class ObjectType:
    """One row of the table.

    org: path from the model to the organization the row belongs to ("" = the row is an
        organization; a many-to-many path ends in "__pk").
    own_member: path to the member whose own row this is (for the answer `own`).
    own_cell: path to the organization compared with the viewer's cell (for `own` when the
        row is about no member).
    rule: dotted path of a function (scope, prefix) -> Q for types whose rows travel beyond
        their subtree (documents reach the whole subtree below the issuer); the table still
        decides which roles get any row at all.
    masked_fields: personal fields hidden when the answer is `masked`.
    """

    label: str
    org: str
    answers: tuple[Answer, Answer, Answer, Answer, Answer, Answer]  # in the order of ROLES
    note: str
    own_member: str | None = None
    own_cell: str | None = None
    rule: str | None = None
    rule_prefix: str = ""
    masked_fields: tuple[str, ...] = field(default=())

    def answer(self, role: str) -> Answer:
        return self.answers[ROLES.index(role)]


# Personal fields of a member: masked for viewers who may not edit the member.
IDENTITY_FIELDS = ("citizen_id", "phone")
CHANGE_LOG_FIELDS = ("citizen_id", "phone", "birth_date", "note", "notes")

DOCUMENT_RULE = "dangbo.documents.visibility.document_filter"

#            label                       org path                    admin staff leader secretary member inspection
TABLE = [
    ObjectType("orgs.Organization", "", (V, V, V, V, O, V), "Name, kind, parent; a member sees their own cell only.",
               own_cell=""),
    ObjectType("orgs.OrgClosure", "descendant", (V, V, V, V, O, V), "Tree links (internal).",
               own_cell="descendant"),
    ObjectType("orgs.Term", "organization", (V, V, V, V, O, V), "Committee terms.", own_cell="organization"),
    ObjectType("orgs.Position", "organization", (V, V, V, V, O, V),
               "Committee positions; a member sees their cell's secretary and deputies.", own_cell="organization"),
    ObjectType("orgs.OrgChange", "results__pk", (V, V, V, V, N, V), "Splits, merges, renames."),
    ObjectType("members.Member", "organization", (V, V, M, V, O, M),
               "The member record; leaders and inspection staff see citizen ID and phone masked.", own_member="",
               masked_fields=IDENTITY_FIELDS),
    ObjectType("members.MemberEvent", "member__organization", (V, V, V, V, O, V), "Party history events.",
               own_member="member"),
    ObjectType("members.MemberAbsence", "member__organization", (V, V, V, V, O, V),
               "Exemptions and long leaves.", own_member="member"),
    ObjectType("access.RoleAssignment", "organization", (V, N, N, N, N, N), "User roles."),
    ObjectType("audit.AuditEntry", "organization", (V, M, M, N, N, M),
               "Change log; citizen ID, phone, birth date, notes masked unless the viewer may edit that member.",
               masked_fields=CHANGE_LOG_FIELDS),
    ObjectType("audit.AccessLogEntry", "organization", (V, N, N, N, N, N), "Access log of personal data."),
    ObjectType("ratings.RatingPeriod", "organization", (V, V, V, V, N, V), "Rating periods."),
    ObjectType("ratings.MemberRating", "organization", (V, V, V, V, O, V), "Member ratings (with notes).",
               own_member="member"),
    ObjectType("ratings.OrgRating", "organization", (V, V, V, V, N, V), "Organization ratings."),
    ObjectType("ratings.RatingTarget", "organization", (V, V, V, V, N, V), "Rating targets of resolutions."),
    ObjectType("documents.Issuer", "organization", (V, V, V, V, O, V),
               "Issuing bodies; a member sees their own cell's.", own_cell="organization"),
    ObjectType("documents.Document", "issuer__organization", (V, V, V, V, O, V),
               "Documents: the issuer's whole subtree and the offices above it; a member only issued, "
               "unrestricted documents of their cell's chain (documents.visibility).", rule=DOCUMENT_RULE),
    ObjectType("documents.Target", "document__issuer__organization", (V, V, V, V, O, V),
               "Targets of documents (document rule).",
               rule=DOCUMENT_RULE, rule_prefix="document__"),
    ObjectType("documents.ProgressReport", "target__document__issuer__organization", (V, V, V, V, O, V),
               "Progress reports on document targets (document rule).", rule=DOCUMENT_RULE,
               rule_prefix="target__document__"),
    # Congress rows: a member sees those of their own cell's congress (the meeting they attend,
    # its drafts and elections) and the drafts other congresses send to their cell.
    ObjectType("congress.Congress", "organization", (V, V, V, V, O, V), "Congresses; a member sees their own cell's.",
               own_cell="organization"),
    ObjectType("congress.DraftDocument", "congress__organization", (V, V, V, V, O, V), "Draft documents.",
               own_cell="congress__organization"),
    ObjectType("congress.DraftVersion", "document__congress__organization", (V, V, V, V, O, V), "Draft versions.",
               own_cell="document__congress__organization"),
    ObjectType("congress.Paragraph", "version__document__congress__organization", (V, V, V, V, O, V),
               "Draft paragraphs.", own_cell="version__document__congress__organization"),
    ObjectType("congress.CommentRound", "organization", (V, V, V, V, O, V), "Comment rounds (all of a round).",
               own_cell="organization"),
    ObjectType("congress.RoundRecipient", "organization", (V, V, V, V, O, V),
               "Units a draft is sent to; a member sees drafts sent to their cell.", own_cell="organization"),
    ObjectType("congress.Conference", "host", (V, V, V, V, O, V), "Comment conferences; a member sees the meeting "
               "notices their cell hosts.", own_cell="host"),
    ObjectType("congress.BridgePoint", "conference__host", (V, V, V, V, O, V), "Conference bridge points.",
               own_cell="conference__host"),
    ObjectType("congress.Comment", "recipient__organization", (V, V, V, V, O, V),
               "Comments; a member sees their own cell's only.", own_cell="recipient__organization"),
    ObjectType("congress.SynthesisItem", "round__organization", (V, V, V, V, O, V), "Synthesis of comments.",
               own_cell="round__organization"),
    ObjectType("congress.Election", "organization", (V, V, V, V, O, V),
               "Elections at a congress.", own_cell="organization"),
    ObjectType("congress.Candidate", "election__organization", (V, V, V, V, O, V), "Candidates.",
               own_cell="election__organization"),
    ObjectType("congress.ElectionRound", "election__organization", (V, V, V, V, O, V), "Election rounds.",
               own_cell="election__organization"),
    ObjectType("congress.RoundCandidate", "round__election__organization", (V, V, V, V, O, V),
               "Round results per candidate.",
               own_cell="round__election__organization"),
    ObjectType("congress.BallotPaper", "round__election__organization", (V, V, V, V, O, V), "Ballots (anonymous).",
               own_cell="round__election__organization"),
    ObjectType("ingest.Source", "organization", (V, V, M, V, N, N),
               "Uploaded reports for extraction; leaders see citizen IDs and phones in the text masked; "
               "inspection staff need none of this data-entry work.",
               masked_fields=("text",)),
    ObjectType("ingest.Fact", "source__organization", (V, V, M, V, N, N),
               "Extracted facts under review (same masking).",
               masked_fields=("text",)),
    # Admission (admission.visibility): committee work on people not yet in the Party; the
    # member role sees none of it.
    ObjectType("admission.Candidate", "organization", (V, V, V, V, N, V),
               "Admission candidates (people not yet members) and where each stands."),
    ObjectType("admission.AdmissionStep", "candidate__organization", (V, V, V, V, N, V),
               "Steps of a candidate's file (decisions, votes, scans)."),
    ObjectType("admission.Relative", "candidate__organization", (V, V, V, V, N, V),
               "A candidate's relatives and their verification."),
    ObjectType("admission.Sponsor", "candidate__organization", (V, V, V, V, N, V), "A candidate's sponsors."),
    ObjectType("admission.AdmissionTarget", "organization", (V, V, V, V, N, V), "Admission targets per year."),
    ObjectType("admission.Hamlet", "organization", (V, V, V, V, N, V),
               "Hamlets and residential groups, with or without a cell."),
    # Inspection (inspection.visibility): denunciations, case files and postponements are for
    # inspection staff (and admins) only; plans and outcomes are read by the subtree's readers.
    ObjectType("inspection.Plan", "organization", (V, V, V, V, N, V), "Inspection and supervision plans."),
    ObjectType("inspection.PlanItem", "plan__organization", (V, V, V, V, N, V), "Items of a plan."),
    ObjectType("inspection.Denunciation", "organization", (V, N, N, N, N, V),
               "Denunciations (with the reporter): inspection staff only."),
    ObjectType("inspection.Case", "organization", (V, N, N, N, N, V),
               "Case files (findings, conclusion): inspection staff only."),
    ObjectType("inspection.Recommendation", "organization", (V, V, V, V, N, V),
               "Recommendations to the responsible unit (the conclusion's number and date, never the case file)."),
    ObjectType("inspection.DisciplineDecision", "organization", (V, V, V, V, N, V), "Discipline decisions."),
    ObjectType("inspection.Postponement", "member__organization", (V, N, N, N, N, V),
               "Discipline postponed (pregnancy, nursing, illness): inspection staff only."),
    ObjectType("inspection.Consolidation", "organization", (V, V, V, V, N, V),
               "Weak organizations under consolidation."),
    ObjectType("inspection.Milestone", "consolidation__organization", (V, V, V, V, N, V),
               "Milestones of a consolidation."),
    # Meetings (meetings.visibility): a member sees their own cell's meeting notices and
    # materials, and only their own attendance line; never the minutes.
    ObjectType("meetings.Meeting", "organization", (V, V, V, V, O, V),
               "Meetings; a member sees their own cell's notice and agenda.", own_cell="organization"),
    ObjectType("meetings.Material", "meeting__organization", (V, V, V, V, O, V),
               "Meeting materials; a member sees their own cell's.", own_cell="meeting__organization"),
    ObjectType("meetings.Attendance", "meeting__organization", (V, V, V, V, O, V),
               "Attendance; a member sees their own line only.", own_member="member"),
    ObjectType("meetings.Minutes", "meeting__organization", (V, V, V, V, N, V), "Minutes."),
    ObjectType("meetings.MinutesAddendum", "minutes__meeting__organization", (V, V, V, V, N, V),
               "Addenda to signed minutes."),
    ObjectType("meetings.Conference", "organization", (V, V, V, V, N, V),
               "Online conferences of a committee (delegates are summoned, no cell notice)."),
    ObjectType("meetings.BridgePoint", "conference__organization", (V, V, V, V, N, V),
               "Bridge points of a conference (all points of a visible conference)."),
    ObjectType("meetings.CorrectionRequest", "member__organization", (V, V, N, V, O, N),
               "A member's requests to correct their record (may carry a new phone number): the member, "
               "and those who may edit the record.", own_member="member"),
    # Maintained roll-ups: counts per organization, no personal data.
    ObjectType("members.MemberSummary", "organization", (V, V, V, V, N, V), "Member strength per subtree (counts)."),
    ObjectType("ratings.RatingSummary", "organization", (V, V, V, V, N, V),
               "Rating results per subtree and year (counts)."),
]

BY_LABEL = {row.label: row for row in TABLE}


class UnknownObjectType(LookupError):
    """A model without a row in the table: the scope refuses it (fail closed)."""


def object_type(label: str) -> ObjectType:
    try:
        return BY_LABEL[label]
    except KeyError:
        raise UnknownObjectType(
            f"{label} has no row in dangbo.access.visibility.TABLE; add one before reading it through the scope."
        ) from None


def sees(scope, label: str) -> bool:
    """Whether any role of the user gets rows of this type at all (else its pages are 404)."""
    return any(answer != Answer.NONE for answer in scope.answers(label).values())


def markdown_table() -> str:
    """The table as docs/ARCHITECTURE.md shows it (a test keeps the two identical)."""
    header = "| object type | admin | staff | leader | cell_secretary | member | inspection | what |"
    lines = [header, "|---|---|---|---|---|---|---|---|"]
    for row in TABLE:
        cells = " | ".join(str(answer) for answer in row.answers)
        lines.append(f"| `{row.label}` | {cells} | {row.note} |")
    return "\n".join(lines)
