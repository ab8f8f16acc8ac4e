"""Composer tests reuse the UI fixtures (a brand account, posts stored without network)."""

from __future__ import annotations

from tests.ui.conftest import account_id, build, store_posts

__all__ = ["account_id", "build", "store_posts"]
