"""Reddit: the brand's inbox (username mentions, replies, messages), watches through search
and subreddit comments, and replies with ``/api/comment`` (OAuth 2 installed app)."""
