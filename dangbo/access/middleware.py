from django.utils.functional import SimpleLazyObject

from dangbo.access.scope import Scope


class ScopeMiddleware:
    """Attach request.scope, computed on first use, for every view and API endpoint."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.scope = SimpleLazyObject(lambda: Scope.for_user(request.user))
        return self.get_response(request)
