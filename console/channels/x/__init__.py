"""X (API v2): mentions, keyword search, replies where X allows them, OAuth 2.0 with PKCE."""
