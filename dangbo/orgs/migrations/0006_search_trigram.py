"""On PostgreSQL, a trigram index serves the organization picker's word-start search
(`search_name LIKE 'word%' OR LIKE '% word%'`) over ~360,000 organizations nationally instead
of reading them all. SQLite keeps the plain scan (a cell or commune is small)."""
from django.db import migrations


def create_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS org_search_trgm ON orgs_organization USING gin (search_name gin_trgm_ops)"
    )


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS org_search_trgm")


class Migration(migrations.Migration):
    dependencies = [("orgs", "0005_organization_name_keys")]
    operations = [migrations.RunPython(create_trigram_index, drop_trigram_index)]
