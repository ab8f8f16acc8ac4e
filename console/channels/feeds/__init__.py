"""channels/feeds."""
