"""channels/wordpress."""
