"""The profile's portrait of a person, in four sections that fold: reach, communities,
products and topics, and mood over time. Every figure says what it is counted from (the
network that reports it, how many stored posts). Layout and wording only: the figures come
from :meth:`console.people.service.PeopleService.portrait`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from console.i18n import QT_TRANSLATE_NOOP
from console.people.portrait import MoodPeriod, NetworkReach, Portrait, Tally
from console.triage.reason_text import topic_name
from console.ui import labels
from console.ui.sparkline import MoodMarks, day, mood_counts

CONTEXT = "ProfilePortrait"
translate = QCoreApplication.translate  # Qt writes %Ln with the locale's digit grouping
MARKS_FROM = 3  # fewer periods are said in words: a chart of one or two marks says nothing


def _tr(text: str, n: int = -1) -> str:
    """A message marked with QT_TRANSLATE_NOOP in this module's context."""
    return translate(CONTEXT, text, None, n)


def _number(count: int) -> str:
    return labels.count_text(count)


def _tallies(items: tuple[Tally, ...]) -> str:
    return ", ".join(f"{labels.untrusted(t.name, 80)} {_number(t.count)}" for t in items)


def _network_figures(reach: NetworkReach) -> list[str]:
    """What the network reports for the person's posts, in its own words."""
    shares, likes = {
        "mastodon": (QT_TRANSLATE_NOOP("ProfilePortrait", "%Ln boost(s)"),
                     QT_TRANSLATE_NOOP("ProfilePortrait", "%Ln favourite(s)")),
        "bluesky": (QT_TRANSLATE_NOOP("ProfilePortrait", "%Ln repost(s)"),
                    QT_TRANSLATE_NOOP("ProfilePortrait", "%Ln like(s)")),
        "x": (QT_TRANSLATE_NOOP("ProfilePortrait", "%Ln repost(s)"),
              QT_TRANSLATE_NOOP("ProfilePortrait", "%Ln like(s)")),
    }.get(reach.channel, (QT_TRANSLATE_NOOP("ProfilePortrait", "%Ln share(s)"),
                          QT_TRANSLATE_NOOP("ProfilePortrait", "%Ln like(s)")))
    parts = []
    if reach.views is not None:
        views = reach.views  # lupdate reads a plural's count only as a plain name
        parts.append(translate("ProfilePortrait", "%Ln view(s)", None, views))
    if reach.score is not None:
        parts.append(translate("ProfilePortrait", "score %1").replace("%1", _number(reach.score)))
    if reach.shares is not None:
        parts.append(_tr(shares, reach.shares))
    if reach.likes is not None:
        parts.append(_tr(likes, reach.likes))
    if reach.replies is not None:
        replies = reach.replies
        parts.append(translate("ProfilePortrait", "%n comment(s)", None, replies)
                     if reach.channel == "reddit"
                     else translate("ProfilePortrait", "%n reply(ies)", None, replies))
    return parts


def counted_from(portrait: Portrait) -> str:
    """Which posts the figures are counted from: all stored, or the newest of them."""
    counted, stored = portrait.posts_counted, portrait.posts_stored
    if counted < stored:
        return translate("ProfilePortrait", "their newest %1 of %Ln stored post(s)", None,
                         stored).replace("%1", _number(counted))
    return translate("ProfilePortrait", "their %Ln stored post(s)", None, counted)


def followers_text(portrait: Portrait) -> str:
    """Followers per network as each network reports them (summed over its accounts)."""
    known = [r for r in portrait.reach if r.followers is not None]
    silent = [r for r in portrait.reach if r.followers is None]
    lines = []
    if known:
        lines.append(translate("ProfilePortrait", "Followers, as each network reports them: %1")
                     .replace("%1", " · ".join(
                         f"{labels.channel_label(r.channel)} {_number(r.followers or 0)}"
                         for r in known)))
    if silent:
        lines.append(translate("ProfilePortrait", "No follower count on %1.").replace(
            "%1", ", ".join(labels.channel_label(r.channel) for r in silent)))
    return "\n".join(lines)


def reach_text(portrait: Portrait) -> str:
    """What their posts about the brand reached, network by network, and from how many."""
    lines = [translate("ProfilePortrait", "What %1 about the brand reached, where the network "
                       "reports it:").replace("%1", counted_from(portrait))]
    silent = []
    for reach in portrait.reach:
        figures = _network_figures(reach)
        if not figures or not reach.reported:
            if reach.posts:
                silent.append(reach.channel)
            continue
        posts = reach.posts
        if reach.reported == posts:
            source = translate("ProfilePortrait", "from %n post(s)", None, posts)
        else:
            source = translate("ProfilePortrait", "from %1 of %n post(s)", None,
                               posts).replace("%1", str(reach.reported))
        line = f"• {labels.channel_label(reach.channel)}: {', '.join(figures)} ({source})"
        lines.append(line)
    if silent:
        lines.append("• " + translate("ProfilePortrait", "%1: no reach reported").replace(
            "%1", ", ".join(labels.channel_label(c) for c in silent)))
    return "\n".join(lines)


def reach_summary(portrait: Portrait) -> str:
    followers = sum(r.followers or 0 for r in portrait.reach)
    views = sum(r.views or 0 for r in portrait.reach)
    text = translate("ProfilePortrait", "%Ln follower(s)", None, followers)
    if any(r.views is not None for r in portrait.reach):
        text += " · " + translate("ProfilePortrait", "%Ln view(s)", None, views)
    return text


def communities_text(portrait: Portrait) -> str:
    lines = [translate("ProfilePortrait", "Where %1 were written:").replace(
        "%1", counted_from(portrait))]
    for title, items in ((translate("ProfilePortrait", "Hashtags"), portrait.hashtags),
                         (translate("ProfilePortrait", "Mastodon servers"), portrait.instances),
                         (translate("ProfilePortrait", "Subreddits"), portrait.subreddits),
                         (translate("ProfilePortrait", "Blogs"), portrait.blogs)):
        if items:
            lines.append(f"• {title}: {_tallies(items)}")
    if len(lines) == 1:
        lines.append(translate("ProfilePortrait",
                               "No hashtags, servers, subreddits or blogs in their posts."))
    return "\n".join(lines)


def communities_summary(portrait: Portrait) -> str:
    names = [t.name for group in (portrait.hashtags, portrait.instances, portrait.subreddits,
                                  portrait.blogs) for t in group[:1]]
    if not names:
        return translate("ProfilePortrait", "none found")
    return labels.untrusted(", ".join(names), 120)


def topics_text(portrait: Portrait) -> str:
    lines = []
    if portrait.terms:
        lines.append(translate("ProfilePortrait", "The team's watch terms, in how many of %1:")
                     .replace("%1", counted_from(portrait)) + " " + _tallies(portrait.terms))
    else:
        watches = portrait.watches
        lines.append(translate("ProfilePortrait", "None of the team's %n watch term(s) in their "
                               "posts.", None, watches))
    if portrait.reasons:
        lines.append(translate("ProfilePortrait", "Complaint reasons triage gave their posts:")
                     + " " + ", ".join(f"{topic_name(t.name)} {_number(t.count)}"
                                       for t in portrait.reasons))
    else:
        lines.append(translate("ProfilePortrait", "Triage found no complaint in their posts."))
    return "\n".join(lines)


def topics_summary(portrait: Portrait) -> str:
    names = [labels.untrusted(t.name, 60) for t in portrait.terms[:2]]
    names += [topic_name(t.name) for t in portrait.reasons[:1]]
    return ", ".join(names) if names else translate("ProfilePortrait", "none found")


def period_name(period: MoodPeriod, unit: str) -> str:
    """ "week of 30 Nov", or the month as the locale names it ("November 2026")."""
    start = period.start
    if unit == "week":
        return translate("ProfilePortrait", "week of %1").replace("%1", day(start))
    return QLocale().toString(QDate(start.year, start.month, 1), "MMMM yyyy")


def mood_words(period: MoodPeriod, unit: str) -> str:
    return f"{period_name(period, unit)}: {mood_counts(period)}"


def mood_text(portrait: Portrait) -> str:
    """What the marks show and what they are counted from; the periods in words when there
    are too few for a chart."""
    if not portrait.mood:
        return translate("ProfilePortrait", "No analysed posts yet (sentiment is left undefined "
                         "for languages triage does not read).")
    scored = sum(p.count for p in portrait.mood)
    if portrait.mood_unit == "week":
        source = translate("ProfilePortrait", "Sentiment triage gave %n post(s), per week:",
                           None, scored)
    else:
        source = translate("ProfilePortrait", "Sentiment triage gave %n post(s), per month:",
                           None, scored)
    if len(portrait.mood) < MARKS_FROM:
        return source + "\n" + "\n".join(mood_words(p, portrait.mood_unit)
                                         for p in portrait.mood)
    return source + " " + translate("ProfilePortrait",
                                    "negative (orange), neutral (grey), positive (green).")


def mood_summary(portrait: Portrait) -> str:
    if not portrait.mood:
        return translate("ProfilePortrait", "no analysed posts")
    last = portrait.mood[-1]
    words = ((last.negative, translate("ProfilePortrait", "mostly negative")),
             (last.neutral, translate("ProfilePortrait", "mostly neutral")),
             (last.positive, translate("ProfilePortrait", "mostly positive")))
    word = max(words, key=lambda pair: pair[0])[1]
    return f"{period_name(last, portrait.mood_unit)}: {word}"


class FoldSection(QWidget):
    """A titled section whose body folds away; folded, a one-line summary stays visible."""

    def __init__(self, title: str, expanded: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toggle = QToolButton()
        self.toggle.setText(title)
        self.toggle.setCheckable(True)
        self.toggle.setChecked(expanded)
        self.toggle.setAutoRaise(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setAccessibleName(title)
        font = self.toggle.font()
        font.setBold(True)
        self.toggle.setFont(font)
        self.summary = labels.plain_label(wrap=True)
        self.summary.setAccessibleName(self.tr("Summary"))
        labels.mark_data(self.summary)  # names of hashtags, servers and terms
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(18, 0, 0, 4)
        self.body_layout.setSpacing(4)
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        header.addWidget(self.summary, 1)
        header.addStretch(0)  # folded or not, the title stays on the left
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addLayout(header)
        box.addWidget(self.body)
        self.toggle.toggled.connect(self._show)
        self._show(expanded)

    def add_text(self) -> QLabel:
        label = labels.plain_label(wrap=True, selectable=True)
        labels.mark_data(label)  # figures with hashtags, servers, blogs and terms in them
        self.body_layout.addWidget(label)
        return label

    def _show(self, expanded: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.body.setVisible(expanded)
        self.summary.setVisible(not expanded)

    @property
    def expanded(self) -> bool:
        return self.toggle.isChecked()


class PortraitView(QWidget):
    """Reach, communities, products and topics, and mood: four folding sections."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("What we know about this person"))
        self.reach = FoldSection(self.tr("Reach"), True)
        self.followers = self.reach.add_text()
        self.followers.setAccessibleName(self.tr("Followers"))
        self.reach_figures = self.reach.add_text()
        self.reach_figures.setAccessibleName(self.tr("Reach of their posts"))
        self.communities = FoldSection(self.tr("Communities"), False)
        self.places = self.communities.add_text()
        self.places.setAccessibleName(self.tr("Where they post"))
        self.topics = FoldSection(self.tr("Products and topics"), False)
        self.topic_figures = self.topics.add_text()
        self.topic_figures.setAccessibleName(self.tr("What they talk about"))
        self.mood = FoldSection(self.tr("Mood over time"), True)
        self.mood_text = self.mood.add_text()
        self.mood_text.setAccessibleName(self.tr("Mood"))
        self.marks = MoodMarks()
        self.mood.body_layout.addWidget(self.marks)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 4, 0, 0)
        box.setSpacing(2)
        for section in (self.reach, self.communities, self.topics, self.mood):
            box.addWidget(section)

    def set_problem(self, text: str) -> None:
        """The figures could not be counted: say why where they would be."""
        self.set_portrait(None)
        self.followers.setText(labels.untrusted(text, 300))

    def set_portrait(self, portrait: Portrait | None) -> None:
        """The person's figures; None clears them (while they are being counted)."""
        if portrait is None:
            for label in (self.followers, self.reach_figures, self.places, self.topic_figures,
                          self.mood_text):
                label.clear()
            for section in (self.reach, self.communities, self.topics, self.mood):
                section.summary.clear()
            self.marks.set_periods([])
            self.marks.setVisible(False)
            return
        self.followers.setText(followers_text(portrait))
        self.reach_figures.setText(reach_text(portrait))
        self.reach.summary.setText(reach_summary(portrait))
        self.places.setText(communities_text(portrait))
        self.communities.summary.setText(communities_summary(portrait))
        self.topic_figures.setText(topics_text(portrait))
        self.topics.summary.setText(topics_summary(portrait))
        self.mood_text.setText(mood_text(portrait))
        self.mood.summary.setText(mood_summary(portrait))
        charted = len(portrait.mood) >= MARKS_FROM
        self.marks.set_periods(portrait.mood if charted else [])
        self.marks.setVisible(charted)
