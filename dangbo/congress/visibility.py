"""Who sees which congress rows: the one helper every view and API endpoint uses.

- A congress (its drafts, rounds, syntheses, elections) is visible to readers of its
  organization's subtree; those who may write there are the drafting team.
- A comment round is also visible to each recipient unit the user's scope covers; such a
  user sees the draft sent and only the comments of its own units.
Anything else does not exist for the user (404).
"""
from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from dangbo.access.scope import Scope
from dangbo.congress.models import CommentRound, Congress, Election, RoundRecipient
from dangbo.orgs.models import OrgClosure


def congresses(scope: Scope) -> QuerySet[Congress]:
    return scope.restrict(Congress.objects.select_related("organization"))


def get_congress(scope: Scope, pk) -> Congress:
    return Scope.get(congresses(scope), pk=pk)


def get_election(scope: Scope, pk) -> Election:
    return Scope.get(scope.restrict(Election.objects.select_related("congress__organization")), pk=pk)


def recipients_of_user(scope: Scope) -> QuerySet[RoundRecipient]:
    """Round recipients (units) the user's scope covers: the rounds sent to 'my' units."""
    return scope.restrict(RoundRecipient.objects.select_related("organization", "round"))


@dataclass
class RoundAccess:
    round: CommentRound
    sees_all: bool          # reader of the congress organization: all units, all comments
    drafting: bool          # may write there: synthesis, entering comments on behalf of units
    own_recipients: list    # recipients the user answers for (or reads, as a unit)

    def visible_recipients(self) -> QuerySet[RoundRecipient]:
        recipients = self.round.recipients.select_related("organization")
        return recipients if self.sees_all else recipients.filter(pk__in=[r.pk for r in self.own_recipients])

    def visible_comments(self):
        comments = self.round.comments.select_related("recipient__organization", "conference", "bridge_point")
        return comments if self.sees_all else comments.filter(recipient__in=self.own_recipients)

    def check_drafting(self) -> None:
        if not self.drafting:
            raise PermissionDenied("Chỉ tổ biên tập được thực hiện thao tác này.")


def round_access(scope: Scope, pk) -> RoundAccess:
    round_ = Scope.get(CommentRound.objects.select_related("version__document__congress__organization"), pk=pk)
    sees_all = scope.restrict(CommentRound.objects.filter(pk=round_.pk)).exists()
    own = list(scope.restrict(round_.recipients.select_related("organization")))
    if not sees_all and not own:
        Scope.get(CommentRound.objects.none(), pk=pk)  # raises Http404
    return RoundAccess(round_, sees_all, sees_all and scope.can_write(round_.organization_id), own)


def can_comment_for(scope: Scope, recipient: RoundRecipient) -> bool:
    """Staff of the unit (or above it), or a member of that very cell."""
    return scope.can_write(recipient.organization_id) or scope.own_member_org_id == recipient.organization_id


def speaks_for_unit(scope: Scope, recipient: RoundRecipient) -> bool:
    """The user belongs to the recipient unit (own roots inside it, or its member): not entering on its behalf."""
    if scope.own_member_org_id == recipient.organization_id:
        return True
    if scope.is_admin or not scope.write_roots:
        return False
    return OrgClosure.objects.filter(ancestor_id=recipient.organization_id, descendant_id__in=scope.write_roots).exists()


def commenting_member(scope: Scope, recipient: RoundRecipient):
    """The member speaking for the own cell (not as its staff), recorded as the comment's author."""
    if scope.own_member_org_id == recipient.organization_id and not scope.can_write(recipient.organization_id):
        return scope.get_member(scope.own_member_id)
    return None
