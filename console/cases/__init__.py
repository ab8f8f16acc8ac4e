"""Cases: conversations the team handles, their states, history, claims and SLA clocks."""
