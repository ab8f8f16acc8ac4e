"""Reports over the workspace: volumes, sentiment, complaint reasons and SLA figures (no Qt)."""
