"""Posventa."""
