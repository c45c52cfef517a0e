"""The one masking helper: pages, API and exports hide personal fields the same way.

The visibility table (access.visibility) says which roles see an object type `masked` and
which fields that hides. A masked field is shown in clear when another role of the viewer
answers `visible` over the row's organization, when the viewer may edit that organization,
or when the row is the viewer's own record.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from dangbo.access.visibility import Answer, object_type
from dangbo.orgs.models import OrgClosure

HIDDEN_DATE = "**/**/****"
HIDDEN_TEXT = "(đã ẩn)"


def mask_number(value) -> str:
    """'012034567855' -> '0120******55': enough to tell two records apart, not to use one."""
    text = "" if value is None else str(value)
    if len(text) <= 6:
        return "*" * len(text)
    return text[:4] + "*" * (len(text) - 6) + text[-2:]


# A citizen ID (12 digits) or a Vietnamese phone number inside free text (uploaded reports).
NUMBERS_IN_TEXT = re.compile(r"(?<!\d)(?:\d{12}|(?:\+84|0)\d{9,10})(?!\d)")


def mask_numbers_in_text(text: str) -> str:
    """Citizen IDs and phone numbers in running text masked in place; the length stays the
    same, so offsets into the text (extracted facts) still point at the same words."""
    return NUMBERS_IN_TEXT.sub(lambda match: mask_number(match.group()), text)


def mask_value(field: str, value):
    """The masked form of one personal field's value (empty stays empty)."""
    if value in (None, ""):
        return value
    if field in ("citizen_id", "phone", "card_number"):
        return mask_number(value)
    if field == "text":
        return mask_numbers_in_text(value)
    if "date" in field:
        return HIDDEN_DATE
    return HIDDEN_TEXT


def _refuse_save(*args, **kwargs):
    raise RuntimeError("A masked copy of a record cannot be saved.")


class Masker:
    """For one viewer and one object type: which rows show their personal fields in clear.

    Built with at most one query (the organizations in clear), then answers per row in memory.
    """

    def __init__(self, scope, label: str):
        self.fields = object_type(label).masked_fields
        self.own_member_id = scope.own_member_id
        answers = scope.answers(label)
        self.masks = bool(self.fields) and Answer.MASKED in answers.values() and not scope.is_admin
        self._clear_org_ids: frozenset[int] = frozenset()
        if self.masks:
            clear_roots = set(scope.write_roots)
            for role, roots in scope.role_roots.items():
                if answers.get(role) == Answer.VISIBLE:
                    clear_roots |= roots
            if clear_roots:
                self._clear_org_ids = frozenset(OrgClosure.objects.filter(ancestor_id__in=clear_roots)
                                                .values_list("descendant_id", flat=True))

    def shows(self, org_id: int | None, member_id: int | None = None) -> bool:
        """True when the row's personal fields are shown in clear."""
        if not self.masks:
            return True
        if member_id is not None and member_id == self.own_member_id:
            return True
        return org_id in self._clear_org_ids

    def value(self, field: str, value, org_id: int | None, member_id: int | None = None):
        if field in self.fields and not self.shows(org_id, member_id):
            return mask_value(field, value)
        return value

    def mask_dict(self, data: dict, org_id: int | None, member_id: int | None = None) -> dict:
        if self.shows(org_id, member_id):
            return data
        return {key: mask_value(key, value) if key in self.fields else value for key, value in data.items()}

    def mask_object(self, obj, org_id: int | None, member_id: int | None = None):
        """Mask the object's personal attributes in place, for display only (it can no longer be saved)."""
        if self.shows(org_id, member_id):
            return obj
        for field in self.fields:
            if hasattr(obj, field):
                setattr(obj, field, mask_value(field, getattr(obj, field)))
        obj.save = _refuse_save
        return obj

    def mask_members(self, members: Iterable):
        return [self.mask_object(m, m.organization_id, m.pk) for m in members]
