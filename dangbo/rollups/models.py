"""The shapes of maintained summary tables: one row per (organization, year), or per organization.

A concrete summary (e.g. `ratings.RatingSummary`) subclasses `SubtreeSummary`, adds integer
columns, and registers a `engine.SummarySpec` naming those columns and the SQL that counts
each organization's OWN rows. The engine does the rest: full rebuild, per-write deltas,
subtree moves and the check (docs/ARCHITECTURE.md "Maintained roll-ups").
"""
from __future__ import annotations

from django.db import models


class SubtreeSummary(models.Model):
    """Counts over the organization's whole subtree (itself included) for one year."""

    organization = models.ForeignKey("orgs.Organization", on_delete=models.CASCADE, related_name="+",
                                     db_constraint=False)
    year = models.PositiveSmallIntegerField()

    class Meta:
        abstract = True
        # Also the conflict target of the per-write upsert and the index every read uses.
        constraints = [models.UniqueConstraint(fields=["organization", "year"],
                                               name="%(app_label)s_%(class)s_org_year")]


class SubtreeTotals(models.Model):
    """Current counts over the organization's whole subtree (not per year), e.g. member strength."""

    organization = models.OneToOneField("orgs.Organization", on_delete=models.CASCADE, related_name="+",
                                        db_constraint=False)

    class Meta:
        abstract = True
