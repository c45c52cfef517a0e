"""`dangbo bench load`: a bounded load test of the production server on PostgreSQL.

It prepares a PostgreSQL database with the demo province (`dangbo demo`, reused while it is
there), starts gunicorn on a free loopback port, and runs virtual users for a fixed time:
committee staff, leaders, cell secretaries and members browse their pages (rating dashboard,
member list and records, organizations, documents, congress), and staff write at the same
time (member ratings through the API, member record corrections through the API, ballots
through the vote-counting page). It prints requests/s, p50, p95, p99 and errors, then checks
that every write the server acknowledged (2xx/3xx) is in the database: the last value each
writer saved for each member field and each rating, and one ballot per acknowledged ballot.

Bounded by construction: at most 200 virtual users, at most 60 seconds, loopback only, and
the server it started is stopped at the end, whatever happens.
"""
from __future__ import annotations

import http.client
import json
import math
import os
import random
import socket
import subprocess
import sys
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlparse

from django.conf import settings

MAX_USERS = 200
MAX_SECONDS = 60
DEFAULT_PG_URL = "postgres://postgres@127.0.0.1:5432/dangbo_load"
DEMO_MEMBERS = 8000
DEMO_SEED = 2026
THINK_SECONDS = (0.5, 1.5)  # pause between two requests of one virtual user
# A request still unanswered after this long counts as an error. As long as the run itself: under
# 200 users on a small shared machine answers can take tens of seconds without being lost.
REQUEST_TIMEOUT = 60
LOGINS = ("tochuc", "lanhdao", "tochuc_xa", "bithu", "dangvien")
# Share of virtual users per login (the rest are committee staff of the province, who also write).
ROLE_SHARES = (("lanhdao", 0.25), ("tochuc_xa", 0.15), ("bithu", 0.15), ("dangvien", 0.10))
WRITE_SHARE = 0.35  # of a province staff member's requests
EDITED_FIELDS = ("home_town", "occupation", "professional_qualification")
RATED_PER_WRITER = 4
BALLOT_CANDIDATES = ["Nguyễn Văn Tải", "Trần Thị Thử", "Lê Văn Kiểm", "Phạm Thị Phiếu", "Hoàng Văn Bầu",
                     "Vũ Thị Chọn"]


def check_bounds(users: int, seconds: int) -> None:
    if not 1 <= users <= MAX_USERS:
        raise ValueError(f"--users must be between 1 and {MAX_USERS}")
    if not 1 <= seconds <= MAX_SECONDS:
        raise ValueError(f"--duration must be between 1 and {MAX_SECONDS} seconds")


# -- the measured run --------------------------------------------------------------------------


@dataclass
class Sample:
    name: str
    status: int  # 0: no answer (connection error or timeout)
    seconds: float
    expected: int


@dataclass
class Plan:
    """What the virtual users request, prepared from the database before the run."""

    year: int
    urls: dict[str, list[str]]  # login -> pages in its scope
    cookies: dict[str, str]  # login -> Cookie header
    csrf: dict[str, str]
    token: str  # API token of the province staff
    edit_slots: list[tuple[int, str]]  # (member id, field): one writer each
    rated_members: list[int]
    ballot_url: str
    candidates: list[int]


@dataclass
class Writer:
    """A province staff virtual user's writes: the slots it owns and what it saved."""

    edit_slot: tuple[int, str] | None
    rated: list[int]
    saved_fields: dict[tuple[int, str], str] = field(default_factory=dict)
    saved_levels: dict[int, str] = field(default_factory=dict)
    ballots: int = 0
    # Writes that got no answer (timeout) after the last acknowledged one: the server may
    # have stored them, so the stored value may be one of these instead.
    unanswered: dict[tuple, set] = field(default_factory=lambda: defaultdict(set))


class VirtualUser(threading.Thread):
    def __init__(self, number: int, login: str, plan: Plan, port: int, deadline: float, writer: Writer | None,
                 samples: list, lock: threading.Lock):
        super().__init__(daemon=True)
        self.number, self.login, self.plan, self.port = number, login, plan, port
        self.deadline, self.writer, self.samples, self.lock = deadline, writer, samples, lock
        self.random = random.Random(number)
        self.sequence = 0

    def run(self) -> None:
        time.sleep(self.random.uniform(0, 2))  # ramp up over two seconds
        mine = []
        while time.monotonic() < self.deadline:
            if self.writer and self.random.random() < WRITE_SHARE:
                mine.append(self.write())
            else:
                mine.append(self.browse())
            pause = self.random.uniform(*THINK_SECONDS)
            time.sleep(max(0.0, min(pause, self.deadline - time.monotonic())))
        with self.lock:
            self.samples.extend(mine)

    def browse(self) -> Sample:
        url = self.random.choice(self.plan.urls[self.login])
        return self.request("GET " + _kind_of(url), "GET", url, expected=200,
                            headers={"Cookie": self.plan.cookies[self.login]})

    def write(self) -> Sample:
        choice = self.random.random()
        self.sequence += 1
        if choice < 0.4 and self.writer.edit_slot:
            member_id, name = self.writer.edit_slot
            value = f"Tải {self.number}-{self.sequence}"
            sample = self.request("PATCH member", "PATCH", f"/api/v1/members/{member_id}", expected=200,
                                  body=json.dumps({name: value}), headers=self.api_headers())
            self.note(("field", member_id, name), value, sample.status, self.writer.saved_fields, (member_id, name))
            return sample
        if choice < 0.75 and self.writer.rated:
            member_id = self.random.choice(self.writer.rated)
            level = self.random.choice(("httnv", "htnv"))
            sample = self.request("PUT rating", "PUT", f"/api/v1/ratings/member/{member_id}/{self.plan.year}",
                                  expected=200, body=json.dumps({"level": level}), headers=self.api_headers())
            self.note(("level", member_id), level, sample.status, self.writer.saved_levels, member_id)
            return sample
        body = urlencode({"action": "ballot", "struck": self.random.choice(self.plan.candidates),
                          "csrfmiddlewaretoken": self.plan.csrf["tochuc"]})
        sample = self.request("POST ballot", "POST", self.plan.ballot_url, expected=302, body=body,
                              headers={"Cookie": self.plan.cookies["tochuc"],
                                       "Content-Type": "application/x-www-form-urlencoded"})
        if sample.status == 302:
            self.writer.ballots += 1
        return sample

    def note(self, slot: tuple, value: str, status: int, saved: dict, key) -> None:
        if status == 200:
            saved[key] = value
            self.writer.unanswered.pop(slot, None)
        elif status == 0:
            self.writer.unanswered[slot].add(value)

    def api_headers(self) -> dict:
        return {"Authorization": f"Bearer {self.plan.token}", "Content-Type": "application/json"}

    def request(self, name: str, method: str, url: str, *, expected: int, body: str | None = None,
                headers: dict | None = None) -> Sample:
        """One request on a fresh loopback connection (no keep-alive: a connection the server
        closes while idle would otherwise count as an error of the server)."""
        start = time.monotonic()
        status = 0
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT)
        try:
            connection.request(method, url, body=body.encode() if body else None,
                               headers={**(headers or {}), "Connection": "close"})
            response = connection.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException) as error:
            name = f"{name} ({type(error).__name__})"
        finally:
            connection.close()
        return Sample(name, status, time.monotonic() - start, expected)


def _kind_of(url: str) -> str:
    """The page kind of a URL, for the per-page figures ("/xep-loai/12/2025/" -> "/xep-loai/#/#/")."""
    path = url.split("?")[0]
    return "/".join("#" if part.isdigit() else part for part in path.split("/")) + ("?…" if "?" in url else "")


# -- preparing the database and the server ------------------------------------------------------


def server_env(database_url: str, source: str | None) -> dict:
    env = dict(os.environ)
    env.update({"DATABASE_URL": database_url, "DANGBO_DEBUG": "0", "DANGBO_ALLOWED_HOSTS": "127.0.0.1"})
    if source:
        env["PYTHONPATH"] = source
        env["DANGBO_VAR_DIR"] = str(Path(source) / "var")
    return env


def prepare_database(env: dict, members: int, stdout) -> None:
    python = [sys.executable, "-m", "dangbo"]
    subprocess.run([*python, "migrate", "--noinput", "-v0"], env=env, check=True)
    stdout.write(f"Demo province ({members} members; reused when present)…")
    subprocess.run([*python, "demo", "--members", str(members), "--seed", str(DEMO_SEED), "--if-empty"],
                   env=env, check=True, stdout=subprocess.DEVNULL)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(env: dict, port: int, workers: int, threads: int, log_path: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "gunicorn", "dangbo.wsgi:application", "--bind", f"127.0.0.1:{port}",
               "--workers", str(workers), "--threads", str(threads), "--worker-class", "gthread",
               "--timeout", "120", "--graceful-timeout", "5"]
    log = open(log_path, "w")
    cwd = env.get("PYTHONPATH") or str(settings.BASE_DIR.parent)
    server = subprocess.Popen(command, env=env, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
    for _ in range(300):
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn stopped at start; see {log_path}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/dang-nhap/")
            if connection.getresponse().status == 200:
                connection.close()
                return server
        except OSError:
            time.sleep(0.2)
    stop_server(server)
    raise RuntimeError("gunicorn did not answer within a minute")


def stop_server(server: subprocess.Popen) -> None:
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def log_in(port: int, username: str, password: str) -> tuple[str, str]:
    """(Cookie header, CSRF token) of a session opened through the real login form."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
    connection.request("GET", "/dang-nhap/")
    response = connection.getresponse()
    response.read()
    csrf = _cookie(response, "csrftoken")
    body = urlencode({"username": username, "password": password, "csrfmiddlewaretoken": csrf})
    connection.request("POST", "/dang-nhap/", body=body, headers={
        "Cookie": f"csrftoken={csrf}", "Content-Type": "application/x-www-form-urlencoded"})
    response = connection.getresponse()
    response.read()
    session = _cookie(response, "sessionid")
    connection.close()
    if response.status != 302 or not session:
        raise RuntimeError(f"login of {username} failed ({response.status})")
    return f"csrftoken={csrf}; sessionid={session}", csrf


def _cookie(response, name: str) -> str:
    for header, value in response.getheaders():
        if header.lower() == "set-cookie" and value.startswith(name + "="):
            return value.split(";")[0].split("=", 1)[1]
    return ""


def build_plan(port: int, users_by_login: dict, stdout) -> tuple[Plan, int]:
    """Pages per login, write targets and an open ballot round, read from the database.

    Only columns that every version of the schema has are read, so the same command measures
    an older checkout served with --source."""
    from dangbo.access.models import ApiToken
    from dangbo.access.scope import Scope
    from dangbo.congress import services as congress_services
    from dangbo.congress.models import Congress, ElectionKind
    from dangbo.core.demo.builder import PASSWORD
    from dangbo.documents.models import Document
    from dangbo.members.models import ACTIVE_STATUSES, Member
    from dangbo.orgs.models import OrgClosure
    from dangbo.ratings.models import MemberRating, PeriodStatus, RatingPeriod

    staff = users_by_login["tochuc"]
    scope = Scope.for_user(staff)
    root_id = scope.organizations().order_by("depth").values_list("pk", flat=True).first()
    period = (RatingPeriod.objects.filter(organization_id=root_id, status=PeriodStatus.OPEN)
              .order_by("-year").values_list("year", flat=True).first())
    if period is None:
        raise RuntimeError("the demo province has no open rating period")
    year = period
    subtree = OrgClosure.objects.filter(ancestor_id=root_id).values("descendant_id")

    urls: dict[str, list[str]] = {}
    for login in LOGINS:
        user_scope = Scope.for_user(users_by_login[login])
        orgs = list(user_scope.organizations().order_by("depth", "pk").values_list("pk", flat=True)[:40])
        members = list(user_scope.members().order_by("pk").values_list("pk", flat=True)[:200])
        pages = ["/", "/to-chuc/", "/van-ban/", "/dai-hoi/", "/xep-loai/"]
        pages += [f"/to-chuc/{pk}/" for pk in orgs[:10]]
        pages += [f"/dang-vien/{pk}/" for pk in members[:20]]
        if login != "dangvien":
            pages += ["/dang-vien/", "/dang-vien/?q=nguyen", "/dang-vien/?status=all&gender=nu"]
            # The heaviest page: the rating dashboard of the user's top organization, several times.
            pages += [f"/xep-loai/{orgs[0]}/{year}/"] * 6 + [f"/xep-loai/{pk}/{year}/" for pk in orgs[1:6]]
        documents = list(Document.objects.filter(issuer__organization_id__in=orgs).order_by("-pk")
                         .values_list("pk", flat=True)[:5])
        pages += [f"/van-ban/{pk}/" for pk in documents]
        urls[login] = pages

    cookies, csrf = {}, {}
    for login in LOGINS:
        cookies[login], csrf[login] = log_in(port, login, PASSWORD)
    _, token = ApiToken.issue(staff, name="bench load")

    rated = list(MemberRating.objects.filter(year=year, organization_id__in=subtree, level__in=("httnv", "htnv"),
                                             disciplined=False, member__status__in=ACTIVE_STATUSES)
                 .order_by("member_id").values_list("member_id", flat=True)[:MAX_USERS * RATED_PER_WRITER])
    editable = list(Member.objects.filter(organization_id__in=subtree, status__in=ACTIVE_STATUSES)
                    .exclude(pk__in=rated).order_by("pk").values_list("pk", flat=True)[:MAX_USERS])
    edit_slots = [(member_id, name) for member_id in editable for name in EDITED_FIELDS]

    congress = Congress.objects.filter(organization_id=root_id).order_by("-pk").first()
    if congress is None:
        raise RuntimeError("the demo province has no congress")
    election = congress_services.create_election(
        staff, congress, kind=ElectionKind.COMMITTEE, seats=5, candidates=BALLOT_CANDIDATES,
        title=f"Bầu thử tải {time.strftime('%d/%m/%Y %H:%M:%S')}")
    round_ = election.rounds.get()
    candidates = list(round_.entries.values_list("candidate_id", flat=True))
    stdout.write(f"Prepared: rating year {year}, {len(rated)} members to rate, {len(editable)} records to edit, "
                 f"ballot round {round_.pk}.")
    plan = Plan(year=year, urls=urls, cookies=cookies, csrf=csrf, token=token, edit_slots=edit_slots,
                rated_members=rated, ballot_url=f"/dai-hoi/bau-cu/lan/{round_.pk}/", candidates=candidates)
    return plan, round_.pk


# -- after the run: are the acknowledged writes in the database? ----------------------------------


def lost_writes(writers: list[Writer], round_id: int, year: int) -> tuple[int, int, list[str]]:
    """(writes checked, writes lost, examples) for everything the server acknowledged."""
    from dangbo.congress.models import BallotPaper
    from dangbo.members.models import Member
    from dangbo.ratings.models import MemberRating

    checked, lost, examples = 0, 0, []
    fields, unanswered = {}, {}
    for writer in writers:
        fields.update(writer.saved_fields)
        unanswered.update(writer.unanswered)
    stored = {pk: dict(zip(EDITED_FIELDS, values)) for pk, *values in
              Member.objects.filter(pk__in={pk for pk, _ in fields}).values_list("pk", *EDITED_FIELDS)}
    for (member_id, name), value in fields.items():
        checked += 1
        if stored.get(member_id, {}).get(name) not in {value} | unanswered.get(("field", member_id, name), set()):
            lost += 1
            examples.append(f"member {member_id} {name}: saved {value!r}, stored {stored.get(member_id, {}).get(name)!r}")
    levels = {}
    for writer in writers:
        levels.update(writer.saved_levels)
    year_levels = dict(MemberRating.objects.filter(member_id__in=levels, year=year).order_by()
                       .values_list("member_id", "level"))
    for member_id, level in levels.items():
        checked += 1
        if year_levels.get(member_id) not in {level} | unanswered.get(("level", member_id), set()):
            lost += 1
            examples.append(f"rating of member {member_id}: saved {level}, stored {year_levels.get(member_id)}")
    acknowledged = sum(w.ballots for w in writers)
    stored_ballots = BallotPaper.objects.filter(round_id=round_id).count()
    checked += acknowledged
    if stored_ballots < acknowledged:
        lost += acknowledged - stored_ballots
        examples.append(f"ballots: {acknowledged} acknowledged, {stored_ballots} stored")
    return checked, lost, examples[:10]


# -- figures --------------------------------------------------------------------------------------


def percentile(sorted_values: list[float], share: float) -> float:
    if not sorted_values:
        return 0.0
    index = min(len(sorted_values) - 1, max(0, math.ceil(share * len(sorted_values)) - 1))  # nearest rank
    return sorted_values[index]


def report(samples: list[Sample], seconds: float, users: int, stdout) -> int:
    times = sorted(s.seconds for s in samples)
    errors = [s for s in samples if s.status != s.expected]
    stdout.write("")
    stdout.write(f"{users} virtual users, {seconds:.0f} s: {len(samples)} requests, "
                 f"{len(samples) / seconds:.1f} req/s; p50 {percentile(times, .50) * 1000:.0f} ms, "
                 f"p95 {percentile(times, .95) * 1000:.0f} ms, p99 {percentile(times, .99) * 1000:.0f} ms; "
                 f"errors {len(errors)}")
    by_name: dict[str, list[Sample]] = defaultdict(list)
    for sample in samples:
        by_name[sample.name].append(sample)
    stdout.write(f"{'request':<40}{'count':>7}{'p50 ms':>9}{'p95 ms':>9}{'errors':>8}")
    for name, group in sorted(by_name.items(), key=lambda item: -len(item[1])):
        group_times = sorted(s.seconds for s in group)
        statuses = defaultdict(int)
        for sample in group:
            if sample.status != sample.expected:
                statuses[sample.status] += 1
        detail = " ".join(f"[{status or 'no answer'}×{n}]" for status, n in sorted(statuses.items()))
        stdout.write(f"{name:<40}{len(group):>7}{percentile(group_times, .5) * 1000:>9.0f}"
                     f"{percentile(group_times, .95) * 1000:>9.0f}{sum(statuses.values()):>8} {detail}")
    return len(errors)


# -- the command ----------------------------------------------------------------------------------


def run(*, users: int, seconds: int, database_url: str, workers: int, threads: int, members: int,
        source: str | None, stdout) -> int:
    """Returns the number of errors plus lost writes (0 is the target)."""
    check_bounds(users, seconds)
    parsed = urlparse(database_url)
    if parsed.scheme not in ("postgres", "postgresql"):
        raise ValueError("the load test runs on PostgreSQL (--database-url postgres://...)")
    current = settings.DATABASES["default"]
    if current["ENGINE"] != "django.db.backends.postgresql" or current["NAME"] != parsed.path.lstrip("/"):
        return _rerun_on(database_url, stdout)  # Django reads its database once per process

    from django.contrib.auth.models import User

    from dangbo.core.management.commands.bench import ensure_postgres_database

    reason = ensure_postgres_database(database_url)
    if reason:
        raise RuntimeError(reason)
    env = server_env(database_url, source)
    prepare_database(env, members, stdout)
    port = free_port()
    log_path = Path(settings.VAR_DIR) / "bench-load-gunicorn.log"
    stdout.write(f"gunicorn {workers} workers × {threads} threads on 127.0.0.1:{port}"
                 + (f", serving {source}" if source else ""))
    server = start_server(env, port, workers, threads, log_path)
    try:
        users_by_login = {u.username: u for u in User.objects.filter(username__in=LOGINS)}
        plan, round_id = build_plan(port, users_by_login, stdout)
        samples: list[Sample] = []
        lock = threading.Lock()
        writers: list[Writer] = []
        virtual_users = []
        start = time.monotonic()
        deadline = start + seconds
        staff_number = 0
        for number in range(users):
            login = _login_for(number, users)
            writer = None
            if login == "tochuc":
                slot = plan.edit_slots[staff_number] if staff_number < len(plan.edit_slots) else None
                rated = plan.rated_members[staff_number * RATED_PER_WRITER:(staff_number + 1) * RATED_PER_WRITER]
                writer = Writer(slot, rated)
                writers.append(writer)
                staff_number += 1
            virtual_users.append(VirtualUser(number, login, plan, port, deadline, writer, samples, lock))
        for virtual_user in virtual_users:
            virtual_user.start()
        for virtual_user in virtual_users:
            virtual_user.join(seconds + REQUEST_TIMEOUT + 10)
        elapsed = time.monotonic() - start
    finally:
        stop_server(server)
    errors = report(samples, elapsed, users, stdout)
    checked, lost, examples = lost_writes(writers, round_id, plan.year)
    stdout.write(f"Acknowledged writes checked in the database: {checked}; lost: {lost}")
    for example in examples:
        stdout.write("  " + example)
    return errors + lost


def _login_for(number: int, users: int) -> str:
    """Spread the logins over the virtual users by ROLE_SHARES; the rest are province staff."""
    position = (number + 0.5) / users
    edge = 0.0
    for login, share in ROLE_SHARES:
        edge += share
        if position < edge:
            return login
    return "tochuc"


def _rerun_on(database_url: str, stdout):
    env = dict(os.environ, DATABASE_URL=database_url)
    completed = subprocess.run([sys.executable, "-m", "dangbo", *sys.argv[1:]], env=env)
    raise SystemExit(completed.returncode)
