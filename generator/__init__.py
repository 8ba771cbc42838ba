"""Briefing dossier generator: seeds/ -> ingest -> extract -> resolve -> render -> write."""

__version__ = "0.2.0"
