"""Demo documents: the ones the seed articles cite (the shared seeds folder beside the project), with links, targets and
progress reports, so the registry, the scorecards and the tracking list show real numbers.

Called by `dangbo demo` as populate(ctx) (ARCHITECTURE.md "Demo data hooks"). Provincial
documents are issued by ctx.province (the seeds come from Cần Thơ, Hà Nội and a Mekong province;
the demo re-issues their documents as the province's own); the "Đảng ủy Khối" ones of 2011 by the
province's former bloc of agencies, dissolved when the bloc of party agencies took over in 2025.
Every document of a committee carries the khóa of the term in force on its date (none before
the first congress). Deterministic for a seed: only ctx.random is used.
"""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from dangbo.documents import services
from dangbo.documents.models import (
    Document, ImplementationLevel, IssuerKind, LinkKind, ProgressReport,
)
from dangbo.core.demo.timeline import khoa_on
from dangbo.orgs import services as org_services
from dangbo.orgs.models import Organization, OrgKind

D = Decimal

# number, type, date, khóa, title, issuer key
CENTRAL = [
    ("03-CT/TW", "chi_thi", date(2011, 5, 14), 11, "Về tiếp tục đẩy mạnh việc học tập và làm theo tấm gương đạo đức "
     "Hồ Chí Minh", "bct"),
    ("12-NQ/TW", "nghi_quyet", date(2012, 1, 16), 11, "Một số vấn đề cấp bách về xây dựng Đảng hiện nay "
     "(Nghị quyết Trung ương 4 khóa XI)", "bch"),
    ("244-QĐ/TW", "quyet_dinh", date(2014, 6, 9), 11, "Ban hành Quy chế bầu cử trong Đảng", "bch"),
    ("39-NQ/TW", "nghi_quyet", date(2015, 4, 17), 11, "Về tinh giản biên chế và cơ cấu lại đội ngũ cán bộ, công "
     "chức, viên chức", "bct"),
    ("05-CT/TW", "chi_thi", date(2016, 5, 15), 12, "Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách "
     "Hồ Chí Minh", "bct"),
    ("04-NQ/TW", "nghi_quyet", date(2016, 10, 30), 12, "Về tăng cường xây dựng, chỉnh đốn Đảng; ngăn chặn, đẩy lùi sự "
     "suy thoái về tư tưởng chính trị, đạo đức, lối sống, những biểu hiện \"tự diễn biến\", \"tự chuyển hóa\" trong "
     "nội bộ (Nghị quyết Trung ương 4 khóa XII)", "bch"),
    ("36-HD/VPTW", "huong_dan", date(2018, 4, 3), 12, "Về thể thức và kỹ thuật trình bày văn bản của Đảng", "vptw"),
    ("08-QĐi/TW", "quy_dinh", date(2018, 10, 25), 12, "Về trách nhiệm nêu gương của cán bộ, đảng viên, trước hết là "
     "Ủy viên Bộ Chính trị, Ủy viên Ban Bí thư, Ủy viên Ban Chấp hành Trung ương", "bch"),
    ("35-CT/TW", "chi_thi", date(2019, 5, 30), 12, "Về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc "
     "lần thứ XIII của Đảng", "bct"),
    ("124-QĐ/TW", "quy_dinh", date(2023, 10, 4), 13, "Về kiểm điểm, đánh giá, xếp loại chất lượng hằng năm đối với "
     "tập thể, cá nhân trong hệ thống chính trị", "bct"),
    ("190-QĐ/TW", "quyet_dinh", date(2024, 10, 10), 13, "Ban hành Quy chế bầu cử trong Đảng", "bch"),
    ("50-CT/TW", "chi_thi", date(2025, 7, 23), 13, "Về nâng cao chất lượng sinh hoạt chi bộ trong tình hình mới", "bbt"),
    ("366-QĐ/TW", "quy_dinh", date(2025, 8, 30), 13, "Về kiểm điểm, đánh giá, xếp loại chất lượng đối với tập thể, "
     "cá nhân trong hệ thống chính trị", "bct"),
]
CENTRAL_LINKS = [
    ("05-CT/TW", "03-CT/TW", LinkKind.REPLACES),
    ("190-QĐ/TW", "244-QĐ/TW", LinkKind.REPLACES),
    ("366-QĐ/TW", "124-QĐ/TW", LinkKind.REPLACES),
    ("05-CT/TW", "04-NQ/TW", LinkKind.IMPLEMENTS),
]

# The socio-economic resolution for 2013 and its review: "đạt và vượt 17/21 chỉ tiêu".
# (wording, comparator, target, unit, measure, result 2013)
ECONOMY_2013 = [
    ("Tốc độ tăng trưởng GDP", "gte", 12, "%", "ty_le", 11.26),
    ("Thu ngân sách nhà nước so với kế hoạch", "gte", 100, "%", "ty_le", 110.24),
    ("GDP bình quân đầu người", "gte", 2800, "USD", "so_luong", 2912),
    ("Tổng vốn đầu tư toàn xã hội", "gte", 40000, "tỷ đồng", "so_luong", 41250),
    ("Kim ngạch xuất khẩu", "gte", 1500, "triệu USD", "so_luong", 1528),
    ("Chỉ số giá tiêu dùng tăng không quá", "lte", 7, "%", "ty_le", 6.3),
    ("Tỷ lệ hộ nghèo giảm còn dưới", "lt", 4, "%", "ty_le", 3.6),
    ("Tỷ lệ thất nghiệp khu vực thành thị không quá", "lte", 4.5, "%", "ty_le", 4.2),
    ("Số lao động được giải quyết việc làm", "gte", 50000, "lao động", "so_luong", 51320),
    ("Tỷ lệ lao động qua đào tạo", "gte", 55, "%", "ty_le", 56.1),
    ("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng giảm còn dưới", "lt", 12, "%", "ty_le", 11.4),
    ("Số giường bệnh trên 1 vạn dân", "gte", 27, "giường", "ti_so", 27.5),
    ("Số bác sĩ trên 1 vạn dân", "gte", 8, "bác sĩ", "ti_so", 7.6),
    ("Tỷ lệ dân số tham gia bảo hiểm y tế", "gte", 70, "%", "ty_le", 71.8),
    ("Tỷ lệ hộ dân đô thị sử dụng nước sạch", "gte", 95, "%", "ty_le", 96.2),
    ("Tỷ lệ hộ dân nông thôn sử dụng nước hợp vệ sinh", "gte", 90, "%", "ty_le", 88.7),
    ("Tỷ lệ chất thải rắn đô thị được thu gom", "gte", 90, "%", "ty_le", 91.5),
    ("Tỷ lệ trường đạt chuẩn quốc gia", "gte", 35, "%", "ty_le", 36.4),
    ("Tỷ lệ hộ gia đình đạt chuẩn văn hóa", "gte", 90, "%", "ty_le", 92.3),
    ("Số xã đạt chuẩn nông thôn mới", "gte", 8, "xã", "so_luong", 6),
    ("Tỷ lệ tổ chức cơ sở đảng đạt trong sạch, vững mạnh", "gte", 80, "%", "ty_le", 84.2),
]


# The former bloc of provincial agencies: founded, its congresses, dissolved into the bloc of
# party agencies (founded 1/2/2025, generator.py).
FORMER_BLOC_FOUNDED = date(1996, 9, 1)
FORMER_BLOC_DISSOLVED = date(2025, 1, 31)
FORMER_BLOC_TERMS = [("2010-2015", 4, date(2010, 6, 18)), ("2015-2020", 5, date(2015, 6, 12)),
                     ("2020-2025", 6, date(2020, 6, 10))]


def _former_bloc(admin, province: Organization, short: str) -> Organization:
    """"Đảng bộ Khối các cơ quan tỉnh …" (1996-2025), with its terms, under the province."""
    name = f"Đảng bộ Khối các cơ quan {short}"
    existing = province.children.filter(name=name).first()
    if existing is not None:
        return existing
    bloc = org_services.create_organization(admin, parent=province, kind=OrgKind.UPPER_GRASSROOTS, name=name,
                                            code=f"{province.code or province.pk}.KCQ", established=FORMER_BLOC_FOUNDED)
    starts = [start for _, _, start in FORMER_BLOC_TERMS]
    for index, (term, ordinal, start) in enumerate(FORMER_BLOC_TERMS):
        end = starts[index + 1] - timedelta(days=1) if index + 1 < len(starts) else FORMER_BLOC_DISSOLVED
        org_services.add_term(admin, bloc, name=term, congress_ordinal=ordinal, start=start, end=end)
    org_services.dissolve_organization(admin, bloc, on=FORMER_BLOC_DISSOLVED)
    return bloc


def populate(ctx) -> None:
    province = ctx.province
    admin = ctx.admin
    today = ctx.today
    rng = ctx.random
    if Document.objects.filter(issuer__organization=province).exists():
        ctx.stdout.write("  documents: đã có văn bản, bỏ qua")
        return
    short = province.name.replace("Đảng bộ ", "")  # "tỉnh Lai Châu", "thành phố Cần Thơ"
    city = short.startswith("thành phố")
    committee_name = ("Thành ủy " if city else "Tỉnh ủy ") + short.removeprefix("thành phố ").removeprefix("tỉnh ")

    # -- issuers ---------------------------------------------------------------------------
    central = {
        "bch": services.get_or_create_issuer(name="Ban Chấp hành Trung ương", code="TW", kind=IssuerKind.CENTRAL),
        "bct": services.get_or_create_issuer(name="Bộ Chính trị", code="TW", kind=IssuerKind.CENTRAL),
        "bbt": services.get_or_create_issuer(name="Ban Bí thư", code="TW", kind=IssuerKind.CENTRAL),
        "vptw": services.get_or_create_issuer(name="Văn phòng Trung ương Đảng", code="VPTW", kind=IssuerKind.ADVISORY),
    }
    committee = services.get_or_create_issuer(name=f"Ban Chấp hành Đảng bộ {short}", code="TU", organization=province)
    standing = services.get_or_create_issuer(name=f"Ban Thường vụ {committee_name}", code="TU",
                                             organization=province)
    organizing = services.get_or_create_issuer(name=f"Ban Tổ chức {committee_name}", code="BTCTU", organization=province,
                                               kind=IssuerKind.ADVISORY)
    bloc = _former_bloc(admin, province, short)
    bloc_issuer = services.get_or_create_issuer(name="Đảng ủy Khối các cơ quan tỉnh", code="ĐUK", organization=bloc)

    docs: dict[str, Document] = {}

    def add(number, doc_type, issued_on, title, issuer, *, khoa_=None, **extra):
        """khoa_ for central bodies; a committee's document takes the khóa in force on its date."""
        if issuer.organization_id is not None:
            khoa_ = khoa_on(issuer.organization_id, issued_on)
        docs[number] = services.create_document(admin, issuer=issuer, doc_type=doc_type, number=number,
                                                issued_on=issued_on, title=title, khoa=khoa_, **extra)
        return docs[number]

    def link(source, target, kind=LinkKind.IMPLEMENTS):
        services.add_link(admin, source=docs[source], target=docs[target], kind=kind)

    for number, doc_type, issued_on, k, title, key in CENTRAL:
        add(number, doc_type, issued_on, title, central[key], khoa_=k)
    for source, target, kind in CENTRAL_LINKS:
        link(source, target, kind)

    # -- Đảng ủy Khối, 2011 (seed 001) ----------------------------------------------------
    nq02 = add("02-NQ/ĐUK", "nghi_quyet", date(2011, 7, 4), "Về xây dựng tổ chức cơ sở đảng trong sạch, vững mạnh "
               "giai đoạn 2011-2015", bloc_issuer)
    add("03-NQ/ĐUK", "nghi_quyet", date(2011, 7, 4), "Về tăng cường sự lãnh đạo của cấp ủy đảng đối với Đoàn "
        "TNCS Hồ Chí Minh cơ sở giai đoạn 2011-2015", bloc_issuer)
    end_2015 = date(2015, 12, 31)
    t_clean = services.add_target(admin, nq02, wording="Có từ 90% TCCSĐ trở lên đạt trong sạch, vững mạnh",
                                  target_value=90, comparator="gte", cadence="hang_nam", start_year=2011,
                                  end_year=2015)
    t_done = services.add_target(admin, nq02, wording="100% đảng viên hoàn thành nhiệm vụ", target_value=100,
                                 comparator="eq", deadline=end_2015)
    t_good = services.add_target(admin, nq02, wording="Có 97% trở lên đảng viên hoàn thành tốt nhiệm vụ",
                                 target_value=97, comparator="gte", deadline=end_2015)
    t_culture = services.add_target(admin, nq02, wording="100% cơ quan, đơn vị đạt tiêu chuẩn cơ quan có đời sống "
                                    "văn hóa tốt", target_value=100, comparator="eq", deadline=end_2015)
    reports = []
    for year, value in zip(range(2011, 2016), (91.2, 92.0, 90.5, 93.1, 94.0)):
        reports.append(_report(t_clean, year, value, "Báo cáo tổng kết công tác xây dựng Đảng năm " + str(year)))
    reports += [
        _report(t_done, 2015, 99.6, "Báo cáo tổng kết 5 năm thực hiện Nghị quyết 02-NQ/ĐUK"),
        _report(t_good, 2014, 96.5, "Báo cáo sơ kết"),
        _report(t_good, 2015, 97.8, "Báo cáo tổng kết 5 năm thực hiện Nghị quyết 02-NQ/ĐUK"),
        _report(t_culture, 2015, 100, "Báo cáo tổng kết 5 năm thực hiện Nghị quyết 02-NQ/ĐUK"),
    ]

    # -- Tỉnh ủy (seeds 002, 004) --------------------------------------------------------
    add("01-CTr/TU", "chuong_trinh", date(2016, 4, 6), "Nâng cao năng lực lãnh đạo, sức chiến đấu của tổ "
                "chức Đảng và chất lượng đội ngũ cán bộ, đảng viên trong toàn Đảng bộ; tiếp tục thực hiện Nghị quyết "
                "Trung ương 4 (khóa XI) tạo chuyển biến mạnh về công tác xây dựng, chỉnh đốn Đảng; xây dựng hệ thống "
                "chính trị các cấp thực sự trong sạch, vững mạnh giai đoạn 2016-2020", committee)
    link("01-CTr/TU", "12-NQ/TW")
    add("03-NQ/TU", "nghi_quyet", date(2016, 9, 12), "Về nâng cao chất lượng hoạt động đảng bộ xã, phường, thị trấn",
        committee)
    add("135-KH/TU", "ke_hoach", date(2019, 1, 8), "Thực hiện Quy định số 08-QĐi/TW về trách nhiệm nêu gương của "
        "cán bộ, đảng viên", standing)
    link("135-KH/TU", "08-QĐi/TW")
    add("155-KH/TU", "ke_hoach", date(2019, 7, 8), "Thực hiện Chỉ thị số 35-CT/TW của Bộ Chính trị về đại hội đảng bộ "
        "các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIII của Đảng", standing)
    link("155-KH/TU", "35-CT/TW")
    add("22-HD/BTCTU", "huong_dan", date(2019, 2, 1), "Về chương trình, nội dung sinh hoạt chi bộ", organizing)
    add("29-HD/BTCTU", "huong_dan", date(2020, 2, 3), "Về sinh hoạt định kỳ đối với đảng ủy cơ sở xã, phường, "
        "thị trấn", organizing)
    link("22-HD/BTCTU", "03-NQ/TU", LinkKind.GUIDES)
    link("29-HD/BTCTU", "03-NQ/TU", LinkKind.GUIDES)
    add("08-BC/TU", "bao_cao", date(2021, 5, 20), "Kết quả khảo sát thực hiện Nghị quyết số 03-NQ/TU của "
                 "Tỉnh ủy" + _khoa_words(docs["03-NQ/TU"]) + " về nâng cao chất lượng hoạt động đảng bộ xã, phường, thị "
                 "trấn", standing)
    link("08-BC/TU", "03-NQ/TU", LinkKind.REVIEWS)
    conclusion = add("02-KL/TU", "ket_luan", date(2021, 6, 15), "Về tiếp tục thực hiện Nghị quyết số 03-NQ/TU về "
                     "nâng cao chất lượng hoạt động đảng bộ xã, phường, thị trấn", committee)
    link("02-KL/TU", "03-NQ/TU")
    admission_plan = add("05-KH/TU", "ke_hoach", date(2021, 6, 15), "Kết nạp đảng viên nhiệm kỳ 2020-2025",
                         committee)
    end_2025 = date(2025, 12, 31)
    t95 = services.add_target(admin, conclusion, wording="Hằng năm có 95% tổ chức cơ sở đảng được xếp loại hoàn "
                              "thành tốt nhiệm vụ trở lên", target_value=95, cadence="hang_nam", start_year=2021,
                              end_year=2025)
    t70 = services.add_target(admin, conclusion, wording="70% ban công tác mặt trận, chi đoàn, chi hội, tổ nhân dân "
                              "tự quản hoạt động từ khá trở lên", target_value=70, deadline=end_2025)
    t4 = services.add_target(admin, conclusion, wording="Đến năm 2025, tỷ lệ đảng viên đạt trên 4% dân số",
                             target_value=4, comparator="gt", deadline=end_2025)
    t7000 = services.add_target(admin, admission_plan, wording="Kết nạp trên 7.000 đảng viên trong nhiệm kỳ",
                                target_value=7000, comparator="gt", measure="so_luong", unit="đảng viên",
                                deadline=end_2025)
    for year, v95, v70, v4, admitted in zip(range(2021, 2026), (95.6, 96.1, 94.7, 95.3, 96.0),
                                            (71.2, 72.5, 74.0, 75.1, 76.3), (3.76, 3.82, 3.90, 3.97, 4.05),
                                            (1450, 2910, 4320, 5790, 7215)):
        source = "Báo cáo tổng kết công tác xây dựng Đảng năm " + str(year)
        reports += [_report(t95, year, v95, source), _report(t70, year, v70, source),
                    _report(t4, year, v4, source), _report(t7000, year, admitted, source + " (lũy kế)")]

    # -- the 2013 socio-economic resolution and its review ("đạt và vượt 17/21") -------------
    economy = add("10-NQ/TU", "nghi_quyet", date(2012, 12, 14), "Về nhiệm vụ phát triển kinh tế - xã hội, quốc phòng, "
                  "an ninh năm 2013", committee)
    review = add("62-BC/TU", "bao_cao", date(2013, 12, 12), "Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội "
                 "năm 2013", standing)
    link("62-BC/TU", "10-NQ/TU", LinkKind.REVIEWS)
    for wording, comparator, target_value, unit, measure, result in ECONOMY_2013:
        target = services.add_target(admin, economy, wording=wording, target_value=target_value,
                                     comparator=comparator, unit=unit, measure=measure, deadline=date(2013, 12, 31))
        reports.append(_report(target, 2013, result, "Báo cáo số 62-BC/TU", source_document=review))

    ProgressReport.objects.bulk_create([r for r in reports if r.period_end <= today])

    # -- implementation tracking: the province plan for Chỉ thị 50 and the communes' plans ---
    issued_on = max(today - timedelta(days=75), date(2025, 8, 5))  # after Chỉ thị 50 (23/7/2025)
    plan = services.create_document(
        admin, issuer=standing, doc_type="ke_hoach", issued_on=issued_on, auto_number=True,
        khoa=khoa_on(province.pk, issued_on),
        title="Thực hiện Chỉ thị số 50-CT/TW của Bộ Chính trị về nâng cao chất lượng sinh hoạt chi bộ trong tình "
              "hình mới",
        implementation_level=ImplementationLevel.CHILDREN, implementation_deadline=issued_on + timedelta(days=30))
    docs["plan50"] = plan
    services.add_link(admin, source=plan, target=docs["50-CT/TW"], kind=LinkKind.IMPLEMENTS)
    children = list(province.children.filter(dissolved__isnull=True).order_by("path"))
    issued_count = 0
    for index, child in enumerate(children):
        roll = rng.random()
        if roll > 0.7:
            continue  # not issued yet
        delay = rng.randint(3, 25) if roll < 0.55 else rng.randint(32, 50)
        child_date = plan.issued_on + timedelta(days=delay)
        if child_date > today:
            continue
        issuer = services.get_or_create_issuer(name=f"Ban Thường vụ {child.name.replace('Đảng bộ ', 'Đảng ủy ')}",
                                               code="ĐU", organization=child)
        child_plan = services.create_document(admin, issuer=issuer, doc_type="ke_hoach", auto_number=True,
                                              issued_on=child_date, khoa=khoa_on(child.pk, child_date),
                                              title="Thực hiện Chỉ thị số 50-CT/TW và Kế hoạch "
                                              f"số {plan.number} của Ban Thường vụ {committee_name}")
        services.add_link(admin, source=child_plan, target=plan, kind=LinkKind.IMPLEMENTS)
        issued_count += 1
    ctx.stdout.write(f"  documents: {Document.objects.count()} văn bản, "
                     f"{issued_count}/{len(children)} đảng bộ trực thuộc đã ban hành kế hoạch thực hiện {plan.number}")


def _report(target, year: int, value, note: str, *, source_document=None) -> ProgressReport:
    return ProgressReport(target=target, period_label=f"Năm {year}", period_start=date(year, 1, 1),
                          period_end=date(year, 12, 31), value=D(str(value)), source_note=note,
                          source_document=source_document)


def _khoa_words(document: Document) -> str:
    """" khóa XIII" after a committee's name, or nothing when its term is not known."""
    return f" {document.khoa_display}" if document.khoa else ""
