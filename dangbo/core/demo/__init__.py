"""Demo data: a realistic province (or the whole country) built from real administrative units.

- `names.py`: Vietnamese names (Kinh and ethnic-minority naming patterns, real frequencies).
- `province.py`: provinces and commune-level units from the `vietnam-provinces` package.
- `generator.py`: the organization plan and the member stream, deterministic for a seed.
- `bulk.py`: set-based writes (COPY on PostgreSQL, executemany on SQLite).
- `builder.py`: puts it together (terms, positions, logins, app hooks).
"""
