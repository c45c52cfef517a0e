"""Admission screens, one module per screen. Every page reads through admission.visibility
(request.scope): outside the scope, and for the member role, 404; a read-only role writing, 403."""
