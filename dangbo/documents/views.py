"""Document registry pages. Every read goes through visibility.py (built on request.scope):
outside the scope a document, target or file does not exist (404); read-only roles get 403
on changes."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_http_methods, require_POST

from dangbo.access.scope import Scope
from dangbo.core import list_export, tabular, validation, versioning, vn
from dangbo.core.party_docx import DOCX_CONTENT_TYPE
from dangbo.core.party_pdf import PDF_CONTENT_TYPE
from dangbo.core.tabular import XLSX_CONTENT_TYPE
from dangbo.documents import exports, numbering, scorecards, services, tracking
from dangbo.documents.forms import AttachmentForm, DocumentForm, LinkForm, ProgressForm, TargetForm
from dangbo.documents.models import (
    DOCUMENT_TYPE_CHOICES, LINK_INVERSE_LABELS, Attachment, DocumentLink, DocumentStatus, Issuer,
)
from dangbo.documents.search import DocumentFilter
from dangbo.documents.visibility import (
    can_edit, check_edit, get_document, get_target, visible_documents, writable_issuers,
)
from dangbo.orgs.filters import org_filter

PAGE_SIZE = 50


def _today():
    return timezone.localdate()


def _form_errors(form, error: ValidationError) -> None:
    form.add_problems(error)


def _download(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@login_required
def index(request):
    scope = request.scope
    filters = DocumentFilter.from_params(request.GET)
    by_org = org_filter(request, param="to_chuc", label="Cơ quan ban hành thuộc tổ chức")
    documents = by_org.apply(filters.apply(visible_documents(scope).select_related("issuer")), "issuer__organization")
    if not filters.q:
        documents = documents.order_by("-issued_on", "-id")
    if list_export.wanted(request):
        return _documents_xlsx(request, documents)
    page_param = request.GET.get("trang", "")
    page = validation.int_param(page_param, 1, validation.OFFSET_MAX // PAGE_SIZE) or 1
    rows = list(documents[(page - 1) * PAGE_SIZE: page * PAGE_SIZE + 1])
    visible_issuers = Issuer.objects.filter(pk__in=visible_documents(scope).values("issuer_id"))
    return render(request, "documents/index.html", {
        "documents": rows[:PAGE_SIZE], "has_next": len(rows) > PAGE_SIZE, "page": page, "filters": filters,
        "type_choices": DOCUMENT_TYPE_CHOICES, "status_choices": DocumentStatus.choices,
        "issuers": visible_issuers, "can_create": writable_issuers(scope).exists(),
        "query_string": request.GET.urlencode(), "org_filter": by_org,
    })


def _documents_xlsx(request, documents):
    t = tabular
    return list_export.respond(
        request, title="Sổ văn bản",
        columns=[t.Col("Số, ký hiệu", width=18), t.Col("Loại", width=14), t.Col("Ngày ban hành", kind=t.DATE, width=12),
                 t.Col("Trích yếu", width=60), t.Col("Cơ quan ban hành", width=30), t.Col("Trạng thái", width=14),
                 t.Col("Hạn chế", width=9)],
        rows=list_export.rows_of(documents, lambda d: (d.display_number, d.type_name, d.issued_on, d.title,
                                                       d.issuer.name, d.get_status_display(),
                                                       "Có" if d.restricted else "")),
        filename=f"so-van-ban-{_today():%Y%m%d}.xlsx")


@login_required
def detail(request, pk):
    scope = request.scope
    document = get_document(scope, pk)
    visible = visible_documents(scope)
    links_out = DocumentLink.objects.filter(source=document, target__in=visible).select_related("target")
    links_in = DocumentLink.objects.filter(target=document, source__in=visible).select_related("source", "source__issuer")
    today = _today()
    card = scorecards.document_scorecard(document, today)
    rows = tracking.tracking(document, today, scope.organizations()) if document.implementation_level else []
    return render(request, "documents/detail.html", {
        "document": document,
        "links_out": links_out,
        "links_in": [(LINK_INVERSE_LABELS[link.kind], link) for link in links_in],
        "card": card,
        "parent_cards": scorecards.implemented_scorecards(document, today, visible),
        "tracking_counts": tracking.tracking_counts(rows) if rows else None,
        "attachments": document.attachments.all(),
        "can_edit": can_edit(scope, document),
        "co_issuers": document.co_issuers.all(),
    })


@login_required
@require_http_methods(["GET", "POST"])
def create(request):
    scope = request.scope
    issuers = writable_issuers(scope)
    if not issuers.exists():
        raise Http404("Không có cơ quan ban hành nào trong phạm vi được phân quyền.")
    form = DocumentForm(request.POST or None, request.FILES or None, issuers=issuers)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            document = services.create_document(request.user, **data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, f"Đã vào sổ {document}.")
            return redirect(document)
    return render(request, "documents/form.html", {"form": form, "title": "Vào sổ văn bản", "multipart": True})


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    scope = request.scope
    document = get_document(scope, pk)
    check_edit(scope, document)
    initial = {name: getattr(document, name) for name in
               ("doc_type", "number", "issued_on", "title", "khoa", "status", "restricted", "implementation_level",
                "implementation_deadline", "body")}
    form = DocumentForm(request.POST or None, request.FILES or None, initial=initial, editing=True)
    versioning.add_version_field(form, document.version)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version", None)
        try:
            services.update_document(request.user, document, version=version, **data)
        except ValidationError as error:
            _form_errors(form, error)
        except versioning.EditConflict as conflict:
            versioning.show_conflict(form, conflict)
        else:
            messages.success(request, "Đã lưu.")
            return redirect(document)
    return render(request, "documents/form.html", {"form": form, "title": f"Sửa: {document}", "multipart": True})


@login_required
@require_http_methods(["GET", "POST"])
def add_link(request, pk):
    scope = request.scope
    document = get_document(scope, pk)
    check_edit(scope, document)
    form = LinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        target = _find_by_number(scope, form.cleaned_data["target_number"], form)
        if target is not None:
            try:
                services.add_link(request.user, source=document, target=target, kind=form.cleaned_data["kind"],
                                  note=form.cleaned_data["note"])
            except ValidationError as error:
                _form_errors(form, error)
            else:
                messages.success(request, f"Đã liên kết với {target}.")
                return redirect(document)
    return render(request, "documents/form.html", {"form": form, "title": f"Liên kết: {document}"})


def _find_by_number(scope, text: str, form):
    try:
        number = numbering.canonical(text)
    except numbering.DocumentNumberError as error:
        form.add_error("target_number", str(error))
        return None
    found = list(visible_documents(scope).filter(number=number).order_by("-issued_on")[:2])
    if not found:
        form.add_error("target_number", f"Không tìm thấy văn bản số {number} trong sổ (hoặc ngoài phạm vi).")
        return None
    return found[0]


@login_required
@require_POST
def remove_link(request, pk, link_pk):
    scope = request.scope
    document = get_document(scope, pk)
    check_edit(scope, document)
    link = Scope.get(DocumentLink.objects.filter(source=document), pk=link_pk)
    services.remove_link(request.user, link)
    messages.success(request, "Đã bỏ liên kết.")
    return redirect(document)


@login_required
@require_http_methods(["GET", "POST"])
def attach(request, pk):
    scope = request.scope
    document = get_document(scope, pk)
    check_edit(scope, document)
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.attach_file(request.user, document, form.cleaned_data["file"])
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, "Đã đính kèm tệp; nội dung tệp đã được đưa vào tìm kiếm.")
            return redirect(document)
    return render(request, "documents/form.html", {"form": form, "title": f"Đính kèm tệp: {document}",
                                                   "multipart": True})


@login_required
def attachment(request, pk, attachment_pk):
    document = get_document(request.scope, pk)
    item = Scope.get(Attachment.objects.filter(document=document), pk=attachment_pk)
    return FileResponse(item.file.open("rb"), as_attachment=True, filename=item.original_name)


@login_required
@require_http_methods(["GET", "POST"])
def add_target(request, pk):
    scope = request.scope
    document = get_document(scope, pk)
    check_edit(scope, document)
    organizations = scope.organizations().filter(dissolved__isnull=True)
    form = TargetForm(request.POST or None, organizations=organizations)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_target(request.user, document, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, "Đã thêm chỉ tiêu.")
            return redirect(document)
    return render(request, "documents/form.html", {"form": form, "title": f"Thêm chỉ tiêu: {document}"})


@login_required
@require_http_methods(["GET", "POST"])
def target(request, pk):
    scope = request.scope
    item = get_target(scope, pk)
    editable = can_edit(scope, item.document)
    today = _today()
    line = scorecards.evaluate_target(item, today)
    applies_to = scope.organizations().filter(pk__in=item.applies_to.values("pk"))
    form = ProgressForm(request.POST or None, organizations=applies_to) if editable else None
    if request.method == "POST":
        check_edit(scope, item.document)
        if form.is_valid():
            try:
                services.add_progress(request.user, item, **form.cleaned_data)
            except ValidationError as error:
                _form_errors(form, error)
            else:
                messages.success(request, "Đã ghi kết quả.")
                return redirect(item)
    return render(request, "documents/target.html", {
        "target": item, "document": item.document, "line": line, "form": form, "can_edit": editable,
        "breakdown": scorecards.organization_breakdown(item, today, list(applies_to)),
    })


SCORECARD_FORMATS = {
    "xlsx": XLSX_CONTENT_TYPE,
    "docx": DOCX_CONTENT_TYPE,
    "pdf": PDF_CONTENT_TYPE,
}


def _export(request, card, document, fmt: str, stem: str, issuer=None):
    if fmt not in SCORECARD_FORMATS:
        raise Http404()
    today = _today()
    if fmt == "xlsx":
        content = exports.scorecard_xlsx(card, document, today, issuer)
    elif fmt == "docx":
        content = exports.scorecard_docx(card, document, today, issuer)
    else:
        content = exports.scorecard_pdf(card, document, today, request=request, issuer=issuer)
    return _download(content, f"{stem}.{fmt}", SCORECARD_FORMATS[fmt])


@login_required
def scorecard_export(request, pk, fmt):
    document = get_document(request.scope, pk)
    card = scorecards.document_scorecard(document, _today())
    stem = "chi-tieu-" + (document.number.replace("/", "-") if document.number else str(document.pk))
    return _export(request, card, document, fmt, stem)


def _term_documents(request):
    """Every visible document of one issuer and khóa (?co_quan=&khoa=)."""
    scope = request.scope
    issuer_id, khoa = request.GET.get("co_quan", ""), request.GET.get("khoa", "")
    documents = visible_documents(scope)
    issuer_id, khoa = validation.int_param(issuer_id, 1), validation.int_param(khoa, 1, validation.ORDINAL_MAX)
    if not (issuer_id and khoa):
        return None, None, documents.none()
    issuer = Scope.get(Issuer.objects.filter(pk__in=documents.values("issuer_id")), pk=int(issuer_id))
    return issuer, int(khoa), documents.filter(issuer=issuer, khoa=int(khoa))


@login_required
def term_scorecard(request):
    issuer, khoa, documents = _term_documents(request)
    card = None
    if issuer is not None:
        card = scorecards.documents_scorecard(f"Chỉ tiêu các văn bản của {issuer.name}", documents, _today())
    choices = (visible_documents(request.scope).exclude(khoa__isnull=True).filter(targets__isnull=False)
               .values_list("issuer_id", "issuer__name", "khoa").distinct().order_by("issuer__name", "khoa"))
    return render(request, "documents/term_scorecard.html", {
        "card": card, "issuer": issuer, "khoa": khoa, "choices": choices, "query_string": request.GET.urlencode(),
    })


@login_required
def term_scorecard_export(request, fmt):
    issuer, khoa, documents = _term_documents(request)
    if issuer is None:
        raise Http404()
    card = scorecards.documents_scorecard(f"Chỉ tiêu các văn bản của {issuer.name}", documents, _today())
    return _export(request, card, None, fmt, f"chi-tieu-khoa-{khoa}", issuer=issuer)


@login_required
def implementation(request, pk):
    scope = request.scope
    document = get_document(scope, pk)
    rows = tracking.tracking(document, _today(), scope.organizations())
    return render(request, "documents/implementation.html", {
        "document": document, "rows": rows, "counts": tracking.tracking_counts(rows),
    })


@login_required
def implementation_index(request):
    scope = request.scope
    today = _today()
    orgs = scope.organizations()
    items = []
    for document in tracking.awaiting(visible_documents(scope))[:200]:
        counts = tracking.tracking_counts(tracking.tracking(document, today, orgs))
        if counts["total"]:
            items.append((document, counts))
    if list_export.wanted(request):
        t = tabular
        return list_export.respond(
            request, title="Theo dõi ban hành văn bản thực hiện", period=f"Đến ngày {vn.format_date(today)}",
            columns=[t.Col("Số, ký hiệu", width=18), t.Col("Trích yếu", width=50), t.Col("Cơ quan ban hành", width=30),
                     t.Col("Hạn ban hành văn bản thực hiện", kind=t.DATE, width=14),
                     t.Col("Đơn vị phải thực hiện", kind=t.INTEGER, unit="đơn vị"),
                     t.Col("Đã ban hành", kind=t.INTEGER, unit="đơn vị"), t.Col("Chưa ban hành", kind=t.INTEGER, unit="đơn vị"),
                     t.Col("Quá hạn", kind=t.INTEGER, unit="đơn vị")],
            rows=((str(d), d.title, d.issuer.name, d.implementation_deadline, c["total"], c["issued"], c["pending"],
                   c["overdue"]) for d, c in items))
    return render(request, "documents/implementation_index.html", {"items": items, "today": today})
