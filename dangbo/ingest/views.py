"""The review queue: list of sources, upload, and the review screen with its htmx actions.

Every lookup goes through request.scope: a source (and its facts) outside the user's
scope does not exist (404); reviewing needs write rights on the source's organization (403).
"""
from __future__ import annotations

import tempfile
from pathlib import Path, PurePath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import reswap, retarget

from dangbo.access.masking import Masker
from dangbo.access.scope import Scope
from dangbo.core import list_export, tabular
from dangbo.documents.visibility import visible_documents, visible_targets
from dangbo.ingest import matching, services
from dangbo.ingest.forms import CORRECTION_FORMS, UploadForm
from dangbo.ingest.models import Fact, FactKind, FactStatus, Source
from dangbo.orgs.filters import org_filter


def visible_sources(request):
    return request.scope.restrict(Source.objects.all())


def get_source(request, pk) -> Source:
    return Scope.get(visible_sources(request).select_related("organization", "uploaded_by"), pk=pk)


def get_fact(request, pk) -> Fact:
    facts = request.scope.restrict(Fact.objects.all(), org_field="source__organization")
    return Scope.get(facts.select_related("source", "source__organization"), pk=pk)


def _with_counts(queryset):
    return queryset.annotate(
        pending=Count("facts", filter=Q(facts__status=FactStatus.PENDING)),
        accepted=Count("facts", filter=Q(facts__status=FactStatus.ACCEPTED)),
        rejected=Count("facts", filter=Q(facts__status=FactStatus.REJECTED)),
    )


@login_required
def index(request):
    by_org = org_filter(request, param="to_chuc")
    sources = _with_counts(by_org.apply(visible_sources(request)).select_related("organization", "uploaded_by"))
    only_pending = request.GET.get("cho_duyet") == "1"
    if only_pending:
        sources = sources.filter(pending__gt=0)
    if list_export.wanted(request):
        t = tabular
        return list_export.respond(
            request, title="Nguồn văn bản, bài viết đã nạp để trích xuất", org=by_org.organization,
            columns=[t.Col("Tiêu đề", width=50), t.Col("Tổ chức", width=32), t.Col("Ngày bài viết", kind=t.DATE, width=12),
                     t.Col("Chờ duyệt", kind=t.INTEGER, unit="dữ kiện"), t.Col("Đã chấp nhận", kind=t.INTEGER, unit="dữ kiện"),
                     t.Col("Đã loại", kind=t.INTEGER, unit="dữ kiện"), t.Col("Người nạp", width=16)],
            rows=list_export.rows_of(sources.order_by("-pk"), lambda s: (
                s.title, s.organization.name if s.organization else "", s.article_date, s.pending, s.accepted,
                s.rejected, s.uploaded_by.username if s.uploaded_by else "")))
    return render(request, "ingest/index.html", {
        "sources": sources[:200],
        "only_pending": only_pending, "org_filter": by_org,
        "can_upload": request.scope.can_write_anything,
    })


def _read_upload(uploaded) -> str:
    """Text of an uploaded file through the extractor's reader (.txt, .docx, .pdf, .html)."""
    from dangbo.core.uploads import FileRefused
    from dangbo.extract.sources import load_text

    suffix = PurePath(uploaded.name).suffix.lower()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"upload{suffix}"
        with path.open("wb") as out:
            for chunk in uploaded.chunks():
                out.write(chunk)
        try:
            return load_text(path)
        except FileRefused as error:
            raise ValidationError({"file": str(error)}) from error
        except Exception as error:  # a damaged file is refused with a message, not a 500
            raise ValidationError({"file": f"Không đọc được tệp: {error.__class__.__name__}."}) from error


@login_required
@require_http_methods(["GET", "POST"])
def upload(request):
    if not request.scope.can_write_anything:
        raise PermissionDenied("Bạn chỉ có quyền xem.")
    organizations = request.scope.writable_organizations().filter(dissolved__isnull=True)
    form = UploadForm(request.POST or None, request.FILES or None, organizations=organizations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            uploaded = data.get("file")
            text = _read_upload(uploaded) if uploaded else data["text"]
            source, created = services.ingest_text(
                request.user, data["organization"], text, title=data["title"],
                file_name=uploaded.name if uploaded else "", article_date=data["article_date"])
        except ValidationError as error:
            form.add_problems(error)
        else:
            if created:
                messages.success(request, f"Đã trích xuất {source.facts.count()} dữ kiện chờ duyệt.")
            else:
                messages.info(request, "Văn bản này đã được nạp trước đây; mở lại hàng chờ duyệt của nó.")
            return redirect(source)
    return render(request, "ingest/upload.html", {"form": form})


def _review_context(request, source: Source, **extra) -> dict:
    facts = list(source.facts.select_related("document", "target", "progress_report", "member", "reviewer")
                 .prefetch_related("positions"))
    masker = Masker(request.scope, "ingest.Source")
    masker.mask_object(source, source.organization_id)
    for fact in facts:
        masker.mask_object(fact, source.organization_id)
    counts = {status: sum(f.status == status for f in facts) for status in FactStatus.values}
    return {
        "source": source,
        "facts": facts,
        "facts_by_kind": [(label, [f for f in facts if f.kind == kind]) for kind, label in FactKind.choices],
        "segments": matching.segments(source.text, facts),
        "counts": counts,
        "can_review": request.scope.can_write(source.organization_id),
        **extra,
    }


@login_required
def source_detail(request, pk):
    source = get_source(request, pk)
    return render(request, "ingest/source.html", _review_context(request, source))


def _review_response(request, source: Source, *, error: str = "", fact: Fact | None = None):
    """htmx: the review area re-rendered (text marks, list and counts change together);
    otherwise back to the page."""
    if request.htmx:
        response = render(request, "ingest/_review.html",
                          _review_context(request, source, error=error, error_fact=fact.pk if fact else None))
        # The correction form targets its own card; the answer is the whole review area.
        return reswap(retarget(response, "#review"), "outerHTML")
    if error:
        messages.error(request, error)
    return redirect(f"{source.get_absolute_url()}#fact-{fact.pk}" if fact else source.get_absolute_url())


def _reviewable_fact(request, pk) -> Fact:
    fact = get_fact(request, pk)
    request.scope.check_write(fact.source.organization_id)
    return fact


@login_required
@require_POST
def fact_accept(request, pk):
    fact = _reviewable_fact(request, pk)
    try:
        services.accept_fact(request.user, fact, scope=request.scope)
    except ValidationError as error:
        return _review_response(request, fact.source, error=services.error_text(error), fact=fact)
    return _review_response(request, fact.source, fact=fact)


@login_required
@require_POST
def fact_reject(request, pk):
    fact = _reviewable_fact(request, pk)
    try:
        services.reject_fact(request.user, fact)
    except ValidationError as error:
        return _review_response(request, fact.source, error=services.error_text(error), fact=fact)
    return _review_response(request, fact.source, fact=fact)


@login_required
@require_POST
def fact_reopen(request, pk):
    fact = _reviewable_fact(request, pk)
    try:
        services.reopen_fact(request.user, fact)
    except ValidationError as error:
        return _review_response(request, fact.source, error=services.error_text(error), fact=fact)
    return _review_response(request, fact.source, fact=fact)


def _correction_form(request, fact: Fact, data=None):
    """The kind's correction form, with the choices the reviewer may pick from their scope."""
    form_class = CORRECTION_FORMS[fact.kind]
    extra = {}
    source = fact.source
    if fact.kind in (FactKind.TARGET, FactKind.LINK):
        cited = source.facts.filter(document__isnull=False).values("document_id")
        extra["documents"] = visible_documents(request.scope).filter(pk__in=cited).select_related("issuer")
    elif fact.kind == FactKind.STATISTIC:
        cited = source.facts.filter(document__isnull=False).values("document_id")
        extra["targets"] = visible_targets(request.scope).filter(document_id__in=cited).select_related("document")
    elif fact.kind == FactKind.PERSON:
        extra["organizations"] = request.scope.writable_organizations().filter(
            ancestor_links__ancestor=source.organization, dissolved__isnull=True)[:300]
    return form_class(data, fact=fact, **extra)


@login_required
@require_http_methods(["GET", "POST"])
def fact_correct(request, pk):
    """GET: the small form in place of the fact's card; POST: save the corrections and accept."""
    fact = _reviewable_fact(request, pk)
    if fact.status == FactStatus.ACCEPTED:
        return _review_response(request, fact.source, error="Dữ kiện đã được chấp nhận.", fact=fact)
    form = _correction_form(request, fact, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        picks = {}
        for name, method in (("document", "picked_document"), ("target", "picked_target"),
                             ("organization", "picked_organization")):
            if hasattr(form, method):
                picks[name] = getattr(form, method)()
        try:
            services.accept_fact(request.user, fact, corrections=form.corrections(), scope=request.scope, **picks)
        except ValidationError as error:
            form.add_problems(error)
        else:
            return _review_response(request, fact.source, fact=fact)
    template = "ingest/_correct.html" if request.htmx else "ingest/correct.html"
    return render(request, template, {"form": form, "fact": fact, "source": fact.source})


@login_required
@require_POST
def accept_all(request, pk):
    source = get_source(request, pk)
    request.scope.check_write(source.organization_id)
    result = services.accept_all(request.user, source, scope=request.scope)
    error = ""
    if result.failed:
        error = f"{len(result.failed)} dữ kiện cần sửa trước khi chấp nhận: " + " ".join(
            f"[{fact.text[:40]}] {services.error_text(problem)}" for fact, problem in result.failed[:5])
    if not request.htmx:
        messages.success(request, f"Đã chấp nhận {result.accepted} dữ kiện.")
    return _review_response(request, source, error=error)
