"""The triage services the UI and the CLI call: agents' corrections and the team's rules.

:class:`TriageService` stores a correction, relabels that mention at once, and retrains
the model from the corrections in the database (the source of truth, shared by every
console on it) before re-scoring the open mentions. :class:`RuleService` keeps the rules
list, tests rules on a text and runs them again on stored mentions. Both are thread-safe;
the long calls (``retrain_and_rescore``, ``reset``, ``RuleService.apply``) belong on a
worker thread, and take a progress callback.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from console.errors import InvalidInput
from console.store.db import Store
from console.triage import queries, stored_rules
from console.triage.stored_rules import StoredRule

from . import ask_me, corrections, corrections_import, quality
from .ask_me import AskItem
from .corrections import StoredCorrection, value_text
from .engine import Triager
from .labels import TriageInput, TriageResult
from .quality import QualityHistory
from .rescore import Progress, RescoreReport, rescore, rescore_ids
from .rules import PostFacts, Rule, RuleOutcome, apply_rules

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MentionTriage:
    """Everything the triage strip shows about one mention."""

    id: int
    lang: str
    sentiment: float
    sentiment_label: str
    complaint: float
    reason: str
    relevance: float
    spam: bool
    priority: int
    priority_reasons: tuple[str, ...]
    fired_rules: tuple[str, ...]
    tags: tuple[str, ...]
    status: str
    corrected: Mapping[str, str]  # field -> the value an agent set (latest)

    @property
    def is_complaint(self) -> bool:
        return self.complaint >= 0.5


@dataclass(frozen=True)
class ModelStatus:
    """How many corrections the model in use learned from, of how many are stored."""

    learned: int
    stored: int
    up_to_date: bool


def as_sentence(text: str) -> str:
    """An error message as a sentence: capital first letter, full stop."""
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "?", "!")) else ".")


@contextmanager
def _sentence() -> Iterator[None]:
    """Turns a ValueError (validation, an unknown rule) into InvalidInput for the agent."""
    try:
        yield
    except InvalidInput:
        raise
    except ValueError as exc:
        raise InvalidInput(as_sentence(str(exc))) from None


def _split(text: str) -> tuple[str, ...]:
    return tuple(part for part in text.split(" · ") if part)


class TriageService:
    """Agents' corrections: stored, applied to their mention, learned by the model."""

    def __init__(self, store: Store, triager: Triager, agent: str = "") -> None:
        self.store = store
        self.triager = triager
        self.agent = agent
        self._learning = threading.Lock()
        self._synced: tuple[int, int, int] | None = None

    # --- reading ------------------------------------------------------------------------
    def mention(self, mention_id: int) -> MentionTriage | None:
        db = self.store.db
        row = queries.mention_triage_row(db, mention_id)
        if row is None:
            return None
        corrected = {c.field: c.value for c in corrections.for_mention(db, mention_id)}
        return MentionTriage(
            id=row[0], lang=row[1] or "other", sentiment=row[2], sentiment_label=row[3],
            complaint=row[4], reason=row[5], relevance=row[6], spam=bool(row[7]),
            priority=row[8], priority_reasons=_split(row[9]), fired_rules=_split(row[10]),
            tags=tuple(queries.mention_tags(db, mention_id)), status=row[11],
            corrected=corrected)

    def corrections(self, limit: int = 200, before_id: int | None = None
                    ) -> list[StoredCorrection]:
        """Stored corrections, newest first (``learned`` says if the model uses each)."""
        return corrections.list_corrections(self.store.db, limit, before_id)

    def count(self) -> int:
        """How many corrections are stored (learned or forgotten by a reset)."""
        return corrections.count(self.store.db)

    def ask_me(self, limit: int = 12) -> list[AskItem]:
        """The recent uncorrected posts the model is least sure about, least sure first."""
        return ask_me.queue(self.store.db, limit)

    def status(self) -> ModelStatus:
        db = self.store.db
        return ModelStatus(self.triager.corrections_count, corrections.learned_count(db),
                           corrections.fingerprint(db) == self._synced)

    # --- correcting -----------------------------------------------------------------------
    def correct(self, mention_id: int, field: str, value: str | bool,
                agent: str | None = None) -> MentionTriage:
        """Store an agent's correction and relabel that mention now (the model learns it
        on the next :meth:`retrain_and_rescore`). InvalidInput for a bad field or value."""
        with _sentence():
            field, checked = corrections.check(field, value)
        db = self.store.db
        row = queries.mention_labels_row(db, mention_id)
        if row is None:
            raise InvalidInput(f"There is no mention {mention_id}.")
        previous = {
            "sentiment_label": row[2], "is_complaint": value_text(row[3] >= 0.5),
            "reason": row[4], "lang": row[1], "relevant": value_text(row[5] > 0),
            "spam": value_text(bool(row[6])),
        }[field]
        with self.store.write():
            corrections.add(db, mention_id=mention_id, field=field, value=checked,
                            previous=str(previous), text=row[0], lang=row[1] or "",
                            agent=self.agent if agent is None else agent)
        rescore_ids(self.store, self.triager, [mention_id])
        shown = self.mention(mention_id)
        assert shown is not None
        return shown

    # --- learning -------------------------------------------------------------------------
    def sync_model(self, force: bool = False) -> bool:
        """Make the model learn exactly the corrections in the database; True if it had to
        retrain. Cheap when nothing changed (another console's corrections arrive here)."""
        db = self.store.db
        mark = corrections.fingerprint(db)
        if mark == self._synced and not force:
            return False
        wanted = corrections.learned(db)
        if mark[0] == 0 and self.triager.corrections:
            # A workspace from before corrections lived in the database: keep them.
            self._import_saved_model()
            mark, wanted = corrections.fingerprint(db), corrections.learned(db)
        have = [(c.text, c.field, c.value) for c in self.triager.corrections]
        changed = have != [(c.text, c.field, c.value) for c in wanted]
        if changed:
            self.triager.set_corrections(wanted)
        self._synced = mark
        return changed

    def _import_saved_model(self) -> None:
        saved = self.triager.corrections
        with self.store.write():
            for c in saved:
                corrections.add(self.store.db, mention_id=None, field=c.field, value=c.value,
                                previous="", text=c.text, lang=c.lang or "",
                                agent="triage-model.json")
        log.info("triage: %d corrections moved from triage-model.json to the database",
                 len(saved))

    def retrain_and_rescore(self, progress: Progress | None = None,
                            stop: Callable[[], bool] | None = None) -> RescoreReport:
        """Retrain from the stored corrections, then re-score the open mentions; when the
        model learned enough new corrections, measure it again on them (:meth:`measure`)."""
        with self._learning:
            self.sync_model()
            report = rescore(self.store, self.triager, progress=progress, stop=stop)
            if quality.worth_measuring(quality.history(self.store.db).now,
                                       self.triager.corrections_count):
                self._measure()
            return report

    def import_corrections(self, lines: Iterable[str], total: int = 0,
                           progress: Progress | None = None,
                           relabel: Progress | None = None
                           ) -> tuple[corrections_import.ImportReport, RescoreReport | None]:
        """Store the corrections of a JSON-lines file (bad lines are reported, the rest
        kept), then retrain once, re-score the open mentions and relabel every mention
        corrected. The report of the re-scoring is None when nothing new was stored."""
        report = corrections_import.store_lines(self.store, lines, self.agent or "import",
                                                total, progress)
        if not report.stored:
            return report, None
        rescored = self.retrain_and_rescore(relabel)
        ids = report.mention_ids
        for start in range(0, len(ids), 500):  # corrected posts that are not open too
            rescore_ids(self.store, self.triager, ids[start:start + 500])
        return report, rescored

    # --- how good it is here --------------------------------------------------------------
    def quality(self) -> QualityHistory:
        """The last cross-validated measurement on the team's corrections, and the one
        before the last retraining."""
        return quality.history(self.store.db)

    def measure(self) -> QualityHistory:
        """Cross-validate the model on the learned corrections now and store the figures
        (seconds with a few hundred corrections: call it from a worker thread)."""
        with self._learning:
            return self._measure()

    def _measure(self) -> QualityHistory:
        measured = quality.cross_validate(corrections.learned(self.store.db))
        with self.store.write():
            return quality.record(self.store.db, measured)

    def reset(self, progress: Progress | None = None) -> RescoreReport:
        """Back to the shipped model. Corrections stay listed (as not learned) and keep
        their own mention's label; open mentions are re-scored."""
        with self._learning:
            with self.store.write():
                corrections.forget_all(self.store.db)
            self.sync_model(force=True)
            report = rescore(self.store, self.triager, progress=progress)
            self._measure()
            return report

    def rescore_all(self, progress: Progress | None = None) -> RescoreReport:
        """Re-score every stored mention, whatever its status (``posventa retriage``)."""
        with self._learning:
            self.sync_model()
            return rescore(self.store, self.triager, statuses=None, progress=progress)


@dataclass(frozen=True)
class RuleTest:
    """What the rules would do to a text: its triage labels and the merged outcome."""

    labels: TriageResult
    outcome: RuleOutcome


class RuleService:
    """The team's rules: list, add, edit, reorder, enable, remove, test, run again."""

    def __init__(self, store: Store, triager: Triager) -> None:
        self.store = store
        self.triager = triager

    def rules(self) -> list[StoredRule]:
        """Every rule, in the order they run."""
        return stored_rules.list_rules(self.store.db)

    def find(self, key: str | int) -> StoredRule:
        """A rule by id or by name."""
        with _sentence():
            return stored_rules.find_rule(self.store.db, str(key))

    def check(self, data: Rule | Mapping[str, Any]) -> Rule:
        """The rule as it would be stored, or InvalidInput saying what is wrong."""
        with _sentence():
            return stored_rules.validate(data)

    def add(self, rule: Rule | Mapping[str, Any], position: int | None = None) -> StoredRule:
        with _sentence():
            return stored_rules.add_rule(self.store, rule, position)

    def update(self, rule_id: int, rule: Rule | Mapping[str, Any]) -> StoredRule:
        with _sentence():
            return stored_rules.update_rule(self.store, rule_id, rule)

    def remove(self, rule_id: int) -> StoredRule:
        with _sentence():
            return stored_rules.delete_rule(self.store, rule_id)

    def move(self, rule_id: int, position: int) -> StoredRule:
        with _sentence():
            return stored_rules.move_rule(self.store, rule_id, position)

    def set_enabled(self, rule_id: int, enabled: bool) -> StoredRule:
        with _sentence():
            return stored_rules.set_enabled(self.store, rule_id, enabled)

    def export(self) -> list[dict[str, Any]]:
        return [s.rule.to_dict() for s in self.rules()]

    def import_rules(self, data: Any, replace: bool = True) -> list[StoredRule]:
        """Rules from a JSON list (as ``export`` writes); replaces the list, or appends."""
        if not isinstance(data, list) or not all(isinstance(d, dict) for d in data):
            raise InvalidInput("The file is not a list of rules (export one to see the form).")
        if replace:
            with _sentence():
                return stored_rules.replace_rules(self.store, data)
        checked = [self.check(d) for d in data]
        return [self.add(rule) for rule in checked]

    def test(self, text: str, *, lang: str | None = None, followers: int = 0,
             source: str = "mention", channel: str = "mastodon", author: str = "",
             vip: bool = False, rules: Iterable[Rule] | None = None) -> RuleTest:
        """Which rules would fire on this text (the stored enabled rules, or `rules`)."""
        labels = self.triager.score(TriageInput(
            text=text, lang_hint=lang, followers=followers, source=source,
            tagged=source in ("mention", "direct")))
        chosen = list(rules) if rules is not None else [
            s.rule for s in self.rules() if s.rule.enabled]
        facts = PostFacts(text=text, lang=labels.lang, channel=channel, source=source,
                          followers=followers, author=author, complaint=labels.complaint,
                          sentiment=labels.sentiment, vip=vip)
        return RuleTest(labels, apply_rules(chosen, facts))

    def apply(self, progress: Progress | None = None,
              stop: Callable[[], bool] | None = None) -> RescoreReport:
        """Run the rules again on the open mentions (tags, priority, spam, not relevant,
        close). Assigning is left to ingest: it opens cases, which is not done afterwards."""
        return rescore(self.store, self.triager, progress=progress, status_changes=True,
                       stop=stop)
