"""A safety net over every URL of the site, present and future.

- An anonymous visitor is sent to the login page (pages) or refused (API).
- A logged-in user with no role sees nothing: every page about one object answers 404,
  never 200 and never a server error, whatever object the id names.
Per-role tables in each app's tests prove the finer rules; this catches a view that
forgets the scope altogether.
"""
from django.contrib.auth.models import User
from django.urls import URLPattern, URLResolver, get_resolver

from dangbo.core.testing import PASSWORD

SKIP_PREFIXES = ("quan-tri/", "static/", "media/", "dang-nhap/", "dang-xuat/", "api/v1/docs", "api/v1/openapi")


def walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry


def concrete_url(route: str, object_id: int) -> str | None:
    """Fill <int:x> with the id and other converters with a plain word; skip regex routes."""
    if route.startswith("^"):
        return None
    out, rest = "", route
    while "<" in rest:
        head, _, tail = rest.partition("<")
        spec, _, rest = tail.partition(">")
        converter = spec.split(":")[0] if ":" in spec else "str"
        out += head + (str(object_id) if converter == "int" else "x")
    return "/" + out + rest


ROUTES = [(route, entry) for route, entry in walk(get_resolver().url_patterns)
          if not route.startswith(SKIP_PREFIXES)]


def test_anonymous_visitor_gets_nothing(client, db):
    wrong = []
    for route, _ in ROUTES:
        url = concrete_url(route, 1)
        if url is None:
            continue
        response = client.get(url)
        if response.status_code == 302 and "/dang-nhap/" in response["Location"]:
            continue
        if response.status_code not in (401, 403, 404, 405):
            wrong.append(f"{url} answered {response.status_code}")
    assert not wrong, "\n".join(wrong)


def test_user_without_role_gets_404_for_every_object(client, tree):
    User.objects.create_user("khong_quyen", password=PASSWORD)
    client.login(username="khong_quyen", password=PASSWORD)
    wrong = []
    for route, _ in ROUTES:
        if "<int:" not in route:
            continue
        # An API endpoint may refuse missing query parameters (422) before looking anything up.
        allowed = (404, 405, 422) if route.startswith("api/") else (404, 405)
        for object_id in {tree.cell_a1.pk, tree.a1_members[0].pk, 1, 2, 3}:
            url = concrete_url(route, object_id)
            status = client.get(url).status_code
            if status not in allowed:
                wrong.append(f"{url} answered {status}")
    assert not wrong, "\n".join(wrong)
