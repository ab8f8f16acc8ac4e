"""Importing history from other tools (CSV exports, spreadsheets) as mentions (no Qt)."""
