"""Kept for older imports: the tables live in `vnlao_extract.views.tables`."""
from .views.tables import render_record  # noqa: F401
