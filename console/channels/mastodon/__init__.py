"""channels/mastodon."""
