"""Login throttling: django-axes counts wrong passwords per user name and locks it.

Every password check that comes from the web (the login form, the admin) carries the
request, so axes sees it. Only code running on the server itself (the shell, the test
client's `login()`) authenticates without a request; axes would refuse those outright, so
they are passed on to the next backend unchanged.
"""
from axes.backends import AxesStandaloneBackend


class LockoutBackend(AxesStandaloneBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
