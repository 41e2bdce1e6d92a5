"""Plain domain types and validation rules: no database, no Qt."""
