"""channels/bluesky."""
