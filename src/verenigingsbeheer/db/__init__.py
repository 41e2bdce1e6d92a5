"""The data layer: models, the engine behind a small SQLite seam, Unit of Work, migrations."""
