"""One candidate's record: personal data, steps with their forms, verification, sponsors."""
from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from dangbo.admission import deadlines, rules, services
from dangbo.admission import visibility as v
from dangbo.admission.forms import CandidateForm, RelativeForm, StepForm, StopForm, VerifyForm
from dangbo.admission.models import Candidate
from dangbo.admission.views.common import attach, messages_of
from dangbo.members.models import Member, MemberStatus
from dangbo.orgs.models import OrgClosure


# -- candidate --------------------------------------------------------------------------------


@login_required
def candidate_add(request, pk):
    org = v.writable_org(request.scope, pk)
    form = CandidateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            candidate = services.create_candidate(request.user, org, form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Đã thêm {candidate.full_name}.")
            return redirect(candidate)
    return render(request, "admission/candidate_form.html", {"org": org, "form": form})


def _sponsor_choices(candidate: Candidate):
    grassroots = services.grassroots_of(candidate.organization_id) or candidate.organization_id
    return (Member.objects.filter(organization_id__in=OrgClosure.objects.filter(ancestor_id=grassroots)
                                  .values("descendant_id"), status=MemberStatus.OFFICIAL).order_by("sort_key", "id"))


def _step_form(candidate: Candidate, data=None, files=None) -> StepForm | None:
    if not candidate.is_active:
        return None
    return StepForm(data, files, step=candidate.stage, members=_sponsor_choices(candidate),
                    escalated=candidate.escalated)


def _candidate_context(request, candidate: Candidate, step_form: StepForm | None) -> dict:
    can_write = request.scope.can_write(candidate.organization_id)
    today = timezone.localdate()
    return {
        "c": candidate, "can_write": can_write, "due": deadlines.for_candidates([candidate], today).get(candidate.pk),
        "steps": candidate.steps.order_by("date", "id"),
        "relatives": candidate.relatives.all(), "sponsors": candidate.sponsors.select_related("member"),
        "step_form": step_form if can_write else None, "relative_form": RelativeForm(),
        "verify_form": VerifyForm(relatives=candidate.relatives.filter(verified_on__isnull=True)),
        "stop_form": StopForm(), "edit_form": CandidateForm(instance=candidate) if can_write else None,
        "eligibility": _eligibility(candidate, today),
    }


@login_required
def candidate_detail(request, pk):
    candidate = v.get_candidate(request.scope, pk)
    return render(request, "admission/candidate.html", _candidate_context(request, candidate, _step_form(candidate)))


def _eligibility(candidate: Candidate, today: date) -> list[str]:
    if candidate.stage not in (rules.SPONSORS, rules.CELL_RESOLUTION):
        return []
    return [m for problems in services.eligibility_errors(candidate, today).values() for m in problems
            if candidate.stage == rules.CELL_RESOLUTION or "giới thiệu" not in m]


def _step_input(form: StepForm) -> services.StepInput:
    data = form.cleaned_data
    sponsors = None
    if form.step == rules.SPONSORS:
        sponsors = []
        for index in (1, 2):
            member = data.get(f"sponsor_{index}")
            if member:
                sponsors.append(services.SponsorInput(rules.MEMBER_SPONSOR, member,
                                                      together_since=data.get(f"sponsor_{index}_since")))
        if data.get("youth_union"):
            sponsors.append(services.SponsorInput(rules.YOUTH_UNION_SPONSOR,
                                                  name=data.get("youth_union_name") or "Ban Chấp hành Đoàn cơ sở"))
    return services.StepInput(
        on=data["on"], decision_number=data.get("decision_number", ""), scan=data.get("scan"),
        approve=data.get("approve"), total=data.get("total"), note=data.get("note", ""),
        late_approval=data.get("late_approval", ""), certificate_number=data.get("certificate_number", ""),
        certificate_date=data.get("certificate_date"), sponsors=sponsors, helper=data.get("helper"),
        card_number=data.get("card_number", ""), recognized=data.get("recognized", True) in (True, None))


@login_required
@require_POST
def record_step(request, pk):
    candidate = v.get_candidate(request.scope, pk, write=True)
    form = _step_form(candidate, request.POST, request.FILES)
    if form is None:
        raise Http404
    if form.is_valid():
        try:
            row = services.record_step(request.user, candidate, candidate.stage, _step_input(form))
        except ValidationError as error:
            attach(form, error)
        else:
            if row.passed:
                messages.success(request, f"Đã ghi nhận: {rules.STEP_LABELS[row.step]}.")
            else:
                messages.error(request, f"{rules.STEP_LABELS[row.step]}: biểu quyết không đạt "
                                        f"({row.approve}/{row.total}, cần {rules.votes_needed(row.total)}).")
            return redirect(candidate)
    candidate.refresh_from_db()
    return render(request, "admission/candidate.html", _candidate_context(request, candidate, form), status=422)


@login_required
@require_POST
def candidate_edit(request, pk):
    candidate = v.get_candidate(request.scope, pk, write=True)
    form = CandidateForm(request.POST, instance=Candidate.objects.get(pk=candidate.pk))
    if form.is_valid():
        try:
            services.update_candidate(request.user, candidate, form.cleaned_data)
            messages.success(request, "Đã cập nhật.")
        except ValidationError as error:
            for message in messages_of(error):
                messages.error(request, message)
    else:
        messages.error(request, "Thông tin chưa hợp lệ: " + "; ".join(
            f"{form.fields[f].label if f in form.fields else ''} {' '.join(e)}" for f, e in form.errors.items()))
    return redirect(candidate)


@login_required
@require_POST
def relative_add(request, pk):
    candidate = v.get_candidate(request.scope, pk, write=True)
    form = RelativeForm(request.POST)
    if form.is_valid():
        try:
            services.add_relative(request.user, candidate, **form.cleaned_data)
            messages.success(request, "Đã thêm người được thẩm tra.")
        except ValidationError as error:
            for message in messages_of(error):
                messages.error(request, message)
    else:
        messages.error(request, "Nhập quan hệ, họ tên và ngày (dd/mm/yyyy).")
    return redirect(candidate)


@login_required
@require_POST
def relative_verify(request, pk):
    candidate = v.get_candidate(request.scope, pk, write=True)
    form = VerifyForm(request.POST, relatives=candidate.relatives.all())
    if form.is_valid():
        try:
            services.verify_relative(request.user, form.cleaned_data["relative"],
                                     verified_on=form.cleaned_data["verified_on"], result=form.cleaned_data["result"])
            messages.success(request, "Đã ghi kết quả thẩm tra.")
        except ValidationError as error:
            for message in messages_of(error):
                messages.error(request, message)
    else:
        messages.error(request, "Chọn người và nhập ngày (dd/mm/yyyy).")
    return redirect(candidate)


@login_required
@require_POST
def candidate_stop(request, pk):
    candidate = v.get_candidate(request.scope, pk, write=True)
    form = StopForm(request.POST)
    if form.is_valid():
        try:
            services.stop_candidate(request.user, candidate, **form.cleaned_data)
            messages.success(request, "Đã dừng xem xét.")
        except ValidationError as error:
            for message in messages_of(error):
                messages.error(request, message)
    else:
        messages.error(request, "Nhập ngày và lý do.")
    return redirect(candidate)


@login_required
@require_POST
def candidate_extend(request, pk):
    candidate = v.get_candidate(request.scope, pk, write=True)
    try:
        services.extend_decision_deadline(request.user, candidate,
                                          document_number=request.POST.get("document_number", ""))
        messages.success(request, "Đã ghi nhận gia hạn thời gian ra quyết định kết nạp.")
    except ValidationError as error:
        for message in messages_of(error):
            messages.error(request, message)
    return redirect(candidate)
