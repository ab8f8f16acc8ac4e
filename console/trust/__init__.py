"""Trust: guarding the agent against hostile people and a hostile environment.

``lookalike`` spots authors who imitate the brand's accounts (homoglyph handles and
names); ``sender_lock`` makes sure only one console on a workspace sends the outbox at a
time; ``storage`` words disk-full and read-only failures for the agent; ``cells`` keeps
spreadsheets from running a CSV cell as a formula. Nothing here imports Qt.
"""
