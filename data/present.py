"""Briefing mode's story, without a screen: what is on the wall and how a key moves it.

A `PresentState` says what is shown: a step of the story (`data/story.csv`), or a period while
playing through the periods (P). `present_step` moves it for a key; `moment` says in words what the
wall shows for it (date, caption, source line, progress, the countries to outline and the bases to
point out, where Esc leads).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from data.context import AppData
from data.describe import credit_line, other_forces, period_summary, review_notice_on, source_labels
from data.i18n import LANGS, Lang, format_date, join_words, t
from data.period import Calendar, Period
from data.schema import Base, StoryStep
from data.view import View, lang_from_input, map_url, present_query

ACTIONS = ("next", "prev", "first", "last", "play", "lang", "tick", "bases")
MAX_SOURCES = 3  # named on the slide; the rest are counted


@dataclass(frozen=True)
class PresentState:
    step: int  # 1-based, into the story
    lang: Lang = "en"
    period: Period | None = None  # while playing through the periods: the one on screen
    playing: bool = False
    end: bool = False  # the end slide, after the last step
    bases: bool = False  # the bases' marks drawn (K): off on the wall, where they would crowd it

    def as_dict(self) -> dict[str, object]:
        """The state as the browser keeps it (JSON)."""
        period = self.period.token() if self.period else None
        return {
            "step": self.step,
            "lang": self.lang,
            "period": period,
            "playing": self.playing,
            "end": self.end,
            "bases": self.bases,
        }

    @classmethod
    def from_dict(cls, raw: object, n_steps: int, calendar: Calendar) -> PresentState:
        """Read the state the browser holds, repairing anything out of range."""
        raw = raw if isinstance(raw, Mapping) else {}
        step = raw.get("step")
        step = step if isinstance(step, int) and not isinstance(step, bool) and 1 <= step <= n_steps else 1
        token = raw.get("period")
        period = calendar.parse(token) if isinstance(token, str) else None
        playing = bool(raw.get("playing")) and period is not None
        end = raw.get("end") is True and step == n_steps and period is None
        return cls(
            step=step,
            lang=lang_from_input(raw.get("lang")),
            period=period,
            playing=playing,
            end=end,
            bases=raw.get("bases") is True,
        )


def present_step(
    state: PresentState, action: str, story: tuple[StoryStep, ...], calendar: Calendar
) -> PresentState:
    """The state after a key press (or a tick of the play timer). → from the last step shows the end
    slide; ← from it goes back to the last step."""
    n = len(story)
    if action == "lang":
        return dataclasses.replace(state, lang=LANGS[(LANGS.index(state.lang) + 1) % len(LANGS)])
    if action == "bases":
        return dataclasses.replace(state, bases=not state.bases)
    if action in ("next", "prev", "first", "last"):
        at_end = state.end and state.period is None
        if action == "next" and state.step == n and state.period is None:
            return PresentState(step=n, lang=state.lang, end=True, bases=state.bases)
        step = {
            "next": min(n, state.step + 1),
            "prev": state.step if at_end else max(1, state.step - 1),
            "first": 1,
            "last": n,
        }[action]
        return PresentState(step=step, lang=state.lang, bases=state.bases)
    if action == "play":
        if state.playing:
            return dataclasses.replace(state, playing=False)
        state = dataclasses.replace(state, end=False)
        period = state.period or calendar.year_end(story[state.step - 1].date.year)
        if period >= calendar.last:
            period = calendar.year_end(calendar.first.year)
        return dataclasses.replace(state, period=period, playing=True)
    if action == "tick" and state.playing and state.period is not None:
        # The wall plays the years (each one's last month): a briefing's pace, not the slider's.
        period = calendar.year_end(min(state.period.year + 1, calendar.last.year))
        return dataclasses.replace(state, period=period, playing=period < calendar.last)
    return state


@dataclass(frozen=True)
class Moment:
    """What the wall shows for a state, in words, and what the map is drawn for."""

    on: dt.date
    period: Period
    country: str | None  # the step's leading country: Esc opens the map on it
    period_text: str
    date: str
    caption: str
    source: str
    review: str  # past the data's review date: that later changes are not shown
    progress: str
    leave: str  # the main map at the same date
    changed: str = ""  # what changed since the previous step, from the state logic
    countries: tuple[str, ...] = ()  # outlined
    bases: tuple[str, ...] = ()  # pointed out (ids of bases.csv)
    pulse: str = ""  # the step's countries whose colour changed since the step before (";"): they pulse
    closed: tuple[Base, ...] = ()  # the bases of the step's countries that closed since: crossed out


def _look(data: AppData, country: str, on: dt.date, lang: Lang) -> str:
    """A country's colour on a day in words, naming the other foreign forces when they are it:
    "Other foreign forces (United States, Germany)"."""
    state = data.states_on(on)[country]
    names = other_forces(data.dataset, state, lang)
    label = t(f"alignment.{state.alignment.value}", lang)
    return f"{label} ({names})" if names else label


def what_changed(data: AppData, index: int, lang: Lang) -> str:
    """What the step at `index` (0-based) changed on the map since the step before it (for the
    first, since the day before it), for each of its countries: "Niger: French withdrawal under way
    → Other foreign forces (United States, Germany)" first, then the countries whose colour stayed,
    those of one colour together ("Mali, Burkina Faso and Niger: French forces (unchanged)"); the
    parts are joined by " · "."""
    story = data.dataset.story
    step = story[index]
    before_day = story[index - 1].date if index > 0 else step.date - dt.timedelta(days=1)
    changed: list[str] = []
    kept: dict[str, list[str]] = {}  # a colour in words -> the countries that kept it
    for country in step.countries:
        name = data.shapes.name(country, lang)
        before, after = _look(data, country, before_day, lang), _look(data, country, step.date, lang)
        if before == after:
            kept.setdefault(after, []).append(name)
        else:
            changed.append(t("present.changed", lang, country=name, before=before, after=after))
    same = [
        t("present.unchanged", lang, country=join_words(names, lang), look=look)
        for look, names in kept.items()
    ]
    closed = closed_bases(data, index)
    key = "present.closed_one" if len(closed) == 1 else "present.closed_many"
    gone = [t(key, lang, bases=closed_words(closed, lang))] if closed else []
    return " · ".join(changed + same + gone)


def closed_words(bases: Sequence[Base], lang: Lang) -> str:
    """Closed bases in words, their places grouped by who held them ("Niamey and Agadez (United
    States); Niamey (Germany)"), from their short names ("Place (Holder)")."""
    held: dict[str, list[str]] = {}
    for base in bases:
        label = getattr(base, f"label_{lang}")
        place, _, holder = label.partition(" (")
        held.setdefault(f" ({holder}" if holder else "", []).append(place)
    groups = (join_words(list(dict.fromkeys(places)), lang) + holder for holder, places in held.items())
    return t("present.closed_groups", lang).join(groups)


def changed_countries(data: AppData, index: int) -> tuple[str, ...]:
    """The countries of the step at `index` (0-based) whose colour changed since the step before."""
    story = data.dataset.story
    step = story[index]
    before_day = story[index - 1].date if index > 0 else step.date - dt.timedelta(days=1)
    before, after = data.states_on(before_day), data.states_on(step.date)
    return tuple(c for c in step.countries if before[c].alignment != after[c].alignment)


def closed_bases(data: AppData, index: int) -> tuple[Base, ...]:
    """The bases of the step at `index` (0-based) that closed since the story last spoke of their
    country: in use on the day of the last earlier step naming it (the day before the story's first
    step when none does), no longer on the step's day."""
    story = data.dataset.story
    step = story[index]
    after = {base.id for base in data.bases_on(step.date)}
    closed: list[Base] = []
    for country in step.countries:
        earlier = [s.date for s in story[:index] if country in s.countries]
        since = earlier[-1] if earlier else story[0].date - dt.timedelta(days=1)
        closed += [b for b in data.bases_on(since) if b.country == country and b.id not in after]
    return tuple(closed)


def colour_changed(data: AppData, index: int) -> bool:
    """Did the step at `index` (0-based) change the colour of one of its countries?"""
    return bool(changed_countries(data, index))


def play_range(state: PresentState, story: tuple[StoryStep, ...], calendar: Calendar) -> tuple[int, int]:
    """The years that P plays from a step: from the step's year (from the first year when the step
    is in the last one) to the last year."""
    start = story[state.step - 1].date.year
    if calendar.year_end(start) >= calendar.last:
        start = calendar.first.year
    return start, calendar.last.year


def _source_line(data: AppData, step: StoryStep, lang: Lang) -> str:
    """The slide's sources, the sources of record first; state media say what they are."""
    labels = source_labels(data, step.source_ids, lang)
    shown = labels[:MAX_SOURCES]
    parts = [label.text + (f" ({label.detail})" if label.state_media else "") for label in shown]
    if len(labels) > MAX_SOURCES:
        parts.append(t("present.more_sources", lang, count=len(labels) - MAX_SOURCES))
    return t("present.sources", lang) + " " + " · ".join(parts)


def moment(data: AppData, state: PresentState) -> Moment:
    story = data.dataset.story
    lang = state.lang
    calendar = data.calendar()
    changed = pulse = ""
    countries: tuple[str, ...] = ()
    closed: tuple[Base, ...] = ()
    bases: tuple[str, ...] = ()
    if state.period is None:
        step = story[state.step - 1]
        on, country, period = step.date, step.country, Period.of_day(step.date)
        caption = getattr(step, f"caption_{lang}")
        source = _source_line(data, step, lang)
        changed = what_changed(data, state.step - 1, lang)
        countries, bases = step.countries, step.bases
        pulse = ";".join(changed_countries(data, state.step - 1))
        closed = closed_bases(data, state.step - 1)
    else:
        period, country = state.period, None
        on = data.as_of(period)
        caption = period_summary(data, period, lang)
        source = credit_line(data, lang)
    progress = t("present.progress", lang, step=state.step, count=len(story))
    if state.playing:
        start, end = play_range(state, story, calendar)
        progress += " · " + t("present.playing", lang, start=start, end=end)
    elif state.period is not None:
        progress += " · " + t("present.paused", lang)
    leave = map_url(View(period=period, lang=lang, country=country), calendar)
    review = review_notice_on(data, on, lang)
    date = format_date(on, lang)
    year = str(period.year)  # the big figure on the wall; the date under it says the day
    return Moment(
        on,
        period,
        country,
        year,
        date,
        caption,
        source,
        review,
        progress,
        leave,
        changed,
        countries,
        bases,
        pulse,
        closed,
    )


def present_search(state: PresentState, calendar: Calendar) -> str:
    """The briefing's query string for a state (its step and language)."""
    return present_query(View(period=calendar.last, lang=state.lang, step=state.step))
