"""The organization picker: one field and widget for every form that picks an organization,
and for the organization filter of every list.

The widget is a search box and a list of radio buttons named after the field:
- with JavaScript, htmx asks `orgs:pick` for matches while the user types (the same scope,
  kinds and subtree as the field) and the user ticks one; `orgpicker.js` then folds the list;
- without JavaScript, the user types a few letters and submits: one match is taken, several
  come back as radio buttons to tick (server-side lookup, no select of 666 names).
Whatever the browser sent, the field checks the choice against its own queryset (the user's
scope, cut to the allowed kinds): an id typed into the address is refused like any other.
"""
from __future__ import annotations

from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.urls import reverse

from dangbo.core import vn
from dangbo.orgs import picker
from dangbo.orgs.models import CELL_KINDS, Organization

# Where a party member is placed (sinh hoạt): a chi bộ, never a đảng bộ or the province itself.
MEMBER_KINDS = tuple(CELL_KINDS)


class SearchText(str):
    """What the user typed in the search box, with the id they ticked (if any)."""

    chosen: str = ""


class OrganizationPicker(forms.Widget):
    template_name = "orgs/widgets/picker.html"

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.params: dict[str, str] = {}
        self.queryset: QuerySet[Organization] = Organization.objects.none()

    def value_from_datadict(self, data, files, name):
        chosen = data.get(name) or ""
        text = vn.nfc(data.get(f"{name}_q", ""))
        if not text:
            return chosen or None
        typed = SearchText(text)
        typed.chosen = chosen
        return typed

    def value_omitted_from_data(self, data, files, name):
        return name not in data and f"{name}_q" not in data

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        current, matches, text = None, [], ""
        if isinstance(value, SearchText):
            text = str(value)
            matches = picker.choices(picker.search(self.queryset, text))
            value = value.chosen
        if isinstance(value, Organization):
            value = value.pk
        if value not in (None, ""):
            org = self.queryset.filter(pk=value).first() if str(value).isdigit() else None
            if org is not None:
                current = picker.choices([org])[0]
                matches = [m for m in matches if m.pk != org.pk]
        url = reverse("orgs:pick") + "?" + urlencode({"name": name, **self.params})
        context["picker"] = {"current": current, "matches": matches, "text": text, "url": url,
                             "searched": bool(text), "limit": picker.LIMIT}
        return context


class OrganizationField(forms.ModelChoiceField):
    """A ModelChoiceField over organizations with the picker widget.

    kinds: the kinds the field allows (e.g. MEMBER_KINDS), None for every kind.
    writable: the endpoint offers the organizations the user may change (else those they see).
    within: an organization whose subtree bounds the offer (set_within() after construction).
    The queryset a form sets (`field.queryset = scope.writable_organizations()`) is cut to the
    kinds and to active organizations; it stays the one rule of what is accepted.
    """

    widget = OrganizationPicker
    default_error_messages = {
        "invalid_choice": "Tổ chức đã chọn không có trong danh sách được phép.",
        "no_match": "Không tìm thấy tổ chức nào khớp “%(text)s” trong phạm vi được phép.",
        "many_matches": "Có %(count)s tổ chức khớp “%(text)s”: hãy chọn một tổ chức trong danh sách.",
    }

    def __init__(self, *, queryset=None, kinds=None, writable=False, include_dissolved=False, **kwargs):
        self.kinds = tuple(kinds) if kinds else ()
        self.include_dissolved = include_dissolved
        kwargs.setdefault("empty_label", None)
        super().__init__(queryset=Organization.objects.none() if queryset is None else queryset, **kwargs)
        params = {}
        if self.kinds:
            params["kinds"] = ",".join(self.kinds)
        if writable:
            params["write"] = "1"
        if include_dissolved:
            params["dissolved"] = "1"
        self.widget.params = params

    def _set_queryset(self, queryset):
        if queryset is not None:
            if self.kinds:
                queryset = queryset.filter(kind__in=self.kinds)
            if not self.include_dissolved:
                queryset = queryset.filter(dissolved__isnull=True)
        super()._set_queryset(queryset)
        self.widget.queryset = self.queryset

    queryset = property(forms.ModelChoiceField._get_queryset, _set_queryset)

    def __deepcopy__(self, memo):
        result = super().__deepcopy__(memo)
        result.widget.params = dict(self.widget.params)
        result.widget.queryset = result.queryset
        return result

    def set_within(self, organization: Organization | None, *, below_only: bool = False) -> None:
        """Offer only the subtree of `organization` (without itself when below_only)."""
        if organization is None:
            return
        self.widget.params["within"] = str(organization.pk)
        if below_only:
            self.widget.params["below"] = "1"

    def to_python(self, value):
        if isinstance(value, SearchText):
            return self._resolve(value)
        return super().to_python(value)

    def _resolve(self, typed: SearchText) -> Organization:
        """No JavaScript (or a choice among the matches): the ticked match, else the only one."""
        matches = picker.matching(self.queryset, typed)
        if typed.chosen and typed.chosen.isdigit():
            chosen = matches.filter(pk=typed.chosen).first()
            if chosen is not None:
                return chosen
        found = list(matches.order_by("sort_key", "path")[:2])
        if len(found) == 1:
            return found[0]
        if not found:
            raise ValidationError(self.error_messages["no_match"], code="no_match", params={"text": typed})
        count = matches.count()
        raise ValidationError(self.error_messages["many_matches"], code="many_matches",
                              params={"text": typed, "count": vn.format_number(count)})

    def label_from_instance(self, obj):
        return obj.name
