"""Every main page of every role, in a real browser 390 px wide: no sideways scroll, no error
status, no console error (the same walk as `make screenshots`)."""
import pytest

from dangbo.core import pagewalk
from dangbo.core.testing import PASSWORD


@pytest.mark.browser
def test_main_pages_fit_a_phone_for_every_role(live_tree, browser, live_server):
    tree = live_tree
    # The admin reaches every main page; the secretary and the member have pages of their own.
    users = [(user, PASSWORD) for user in (tree.admin, tree.secretary_a1, tree.member_user)]
    result = pagewalk.walk(live_server.url, users, browser=browser)
    assert result.pages > 20
    problems = "\n".join(str(problem) for problem in result.problems)
    assert not problems, problems
