"""The feed: filtered pages of mentions, their export, the ``feed`` and ``export`` commands."""
