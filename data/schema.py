"""The dataset's rows, their vocabularies and field rules.

Each CSV row is validated into one frozen pydantic model. pydantic was chosen over pandera because
the checks are per row (a date that is not a real day, a code outside a vocabulary) and every error
must name its file and line: a row model maps one line to one object, and its errors carry the
column that failed. The cross-file rules (unknown source, duplicate id, end before start) live in
`data.loader`.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import IntEnum, StrEnum
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from geodata.names import FOCUS


class EventType(StrEnum):
    COUP = "coup"
    CIVILIAN_RULE = "civilian_rule"  # power handed back to civilians after a coup
    DEPLOYMENT = "deployment"
    WITHDRAWAL_ANNOUNCED = "withdrawal_announced"
    WITHDRAWAL_COMPLETED = "withdrawal_completed"
    HANDOVER = "handover"
    AGREEMENT = "agreement"
    RUPTURE = "rupture"
    DIPLOMATIC = "diplomatic"
    MEMBERSHIP = "membership"
    COMBAT = "combat"
    POLITICAL = "political"


class PartnershipKind(StrEnum):
    OPERATION = "operation"
    FORCES = "forces"
    PRIVATE_MILITARY = "private_military"
    TRAINING = "training"
    EQUIPMENT = "equipment"
    UN_MISSION = "un_mission"
    EU_MISSION = "eu_mission"
    ACCORD = "accord"
    MEMBERSHIP = "membership"


class Level(IntEnum):
    """How deep a partner's presence is."""

    POLITICAL = 1  # accord, membership, diplomatic backing
    EQUIPMENT_TRAINING = 2  # arms, drones, instructors, training missions
    FORCES = 3  # troops, bases, private military companies


class SourceKind(StrEnum):
    """What a source is: who wrote it, and whether this copy is the original."""

    WIRE = "wire"  # Reuters, AFP, AP…
    NEWSPAPER = "newspaper"
    BROADCASTER = "broadcaster"
    OFFICIAL = "official"  # a government's, the UN's or the EU's own text
    RESEARCH = "research"  # think tanks, conflict monitors
    STATE_MEDIA = "state_media"  # an outlet owned or run by a state (`state` names it)
    RELAY = "relay"  # a site's copy of another outlet's story (`original_publisher` names it)


# Sources a news desk accepts as the record: slides and panels show these first.
OF_RECORD: frozenset[SourceKind] = frozenset(
    {SourceKind.WIRE, SourceKind.NEWSPAPER, SourceKind.BROADCASTER, SourceKind.OFFICIAL}
)


class Confidence(StrEnum):
    """How firmly a row is established."""

    CONFIRMED = "confirmed"  # reported as fact by an outlet of record, or by two independent sources
    REPORTED = "reported"  # one outlet, or claims attributed to one side
    DISPUTED = "disputed"  # sources contradict each other; `note` gives both versions


Precision = Literal["day", "month", "year"]

_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _parse_date(value: object) -> object:
    if isinstance(value, str):
        text = value.strip()
        if not _DATE_RE.fullmatch(text):
            raise ValueError(f"{value!r} is not a date in the form YYYY-MM-DD")
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"{value!r} is not a real calendar date") from None
    return value


def _parse_optional_date(value: object) -> object:
    if isinstance(value, str) and not value.strip():
        return None
    return _parse_date(value)


def _split_list(value: object) -> object:
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(";") if part.strip())
    return value


# Characters that have no place in the data's text and could hide or reorder what a reader sees:
# control characters (NUL, ESC…; line breaks and tabs are allowed) and bidirectional overrides.
_HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def _strip(value: object) -> object:
    if not isinstance(value, str):
        return value
    hidden = _HIDDEN.search(value)
    if hidden:
        raise ValueError(f"contains the invisible control character U+{ord(hidden.group()):04X}")
    return value.strip()


Date = Annotated[dt.date, BeforeValidator(_parse_date)]
OptionalDate = Annotated[dt.date | None, BeforeValidator(_parse_optional_date)]
CodeList = Annotated[tuple[str, ...], BeforeValidator(_split_list)]
Text = Annotated[str, BeforeValidator(_strip), Field(min_length=1)]
OptionalText = Annotated[str, BeforeValidator(_strip)]
Code = Annotated[str, BeforeValidator(_strip), Field(pattern=r"^[A-Z][A-Z0-9]{1,9}$")]
RowId = Annotated[str, BeforeValidator(_strip), Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")]


def _check_precision(value: dt.date | None, precision: str, column: str) -> None:
    if value is None:
        return
    if precision == "month" and value.day != 1:
        raise ValueError(f"{column} has month precision, so its day must be 01")
    if precision == "year" and (value.month, value.day) != (1, 1):
        raise ValueError(f"{column} has year precision, so it must be YYYY-01-01")


def _check_disputed(confidence: Confidence, note: str) -> None:
    if confidence == Confidence.DISPUTED and not note:
        raise ValueError("a disputed row gives both versions in note")


# The characters an address may hold as written (RFC 3986): anything else is percent-encoded.
_URL_CHARACTERS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")


def _web_address(value: str) -> str:
    """An http(s) address with a host, written with the characters an address may hold."""
    if not _URL_CHARACTERS.fullmatch(value):
        raise ValueError("must be a web address written with URL characters only (encode others as %XX)")
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError as exc:
        raise ValueError(f"is not a web address: {exc}") from exc
    if parts.scheme not in ("http", "https") or not host:
        raise ValueError("must be an http:// or https:// address with a host")
    return value


class Row(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Source(Row):
    id: RowId
    publisher: Text
    title: Text
    published: Date
    url: Annotated[str, BeforeValidator(_strip), AfterValidator(_web_address)]
    kind: SourceKind
    original_publisher: OptionalText = ""  # relays: whose story this copy is
    original_published: OptionalDate = None  # relays: when the original ran
    state: OptionalText = ""  # state media: the state (a partner or country code) that runs it

    @model_validator(mode="after")
    def _kind_fields(self) -> Source:
        if self.kind != SourceKind.RELAY and (self.original_publisher or self.original_published):
            raise ValueError("original_publisher and original_published are for relays (kind relay)")
        if self.original_published and not self.original_publisher:
            raise ValueError("original_published needs original_publisher")
        if self.kind == SourceKind.STATE_MEDIA and not self.state:
            raise ValueError("state media need the state that runs them (state)")
        if self.state and self.kind != SourceKind.STATE_MEDIA:
            raise ValueError("state is for state media (kind state_media)")
        return self

    @property
    def is_bare_relay(self) -> bool:
        """A copy that does not say whose story it is."""
        return self.kind == SourceKind.RELAY and not self.original_publisher

    @property
    def stands_alone(self) -> bool:
        """Enough on its own to support a row: neither state media nor a bare relay."""
        return self.kind != SourceKind.STATE_MEDIA and not self.is_bare_relay

    @property
    def of_record(self) -> bool:
        """An outlet a news desk cites: a wire, newspaper, broadcaster or official text, or a copy of
        one that names it (what a reader is shown is the original: "AFP, 12 May 2024")."""
        return self.kind in OF_RECORD or (self.kind == SourceKind.RELAY and bool(self.original_publisher))


class Partner(Row):
    id: Code
    name_en: Text
    name_fr: Text
    kind: Literal["state", "organisation"]


class Event(Row):
    id: RowId
    date: Date
    date_precision: Precision = "day"
    country: CodeList = Field(min_length=1)
    actors: CodeList = ()
    type: EventType
    title_en: Text
    title_fr: Text
    summary_en: Text
    summary_fr: Text
    source_ids: CodeList = Field(min_length=1)
    note: OptionalText = ""
    confidence: Confidence

    @model_validator(mode="after")
    def _precision(self) -> Event:
        _check_disputed(self.confidence, self.note)
        _check_precision(self.date, self.date_precision, "date")
        return self


class Partnership(Row):
    id: RowId
    country: Code
    partner: Code
    kind: PartnershipKind
    level: Level
    name_en: Text
    name_fr: Text
    start_date: Date
    start_precision: Precision = "day"
    end_announced: OptionalDate = None
    end_date: OptionalDate = None
    end_precision: Precision = "day"
    source_ids: CodeList = Field(min_length=1)
    note: OptionalText = ""
    confidence: Confidence

    @model_validator(mode="after")
    def _dates(self) -> Partnership:
        _check_disputed(self.confidence, self.note)
        _check_precision(self.start_date, self.start_precision, "start_date")
        _check_precision(self.end_date, self.end_precision, "end_date")
        if self.end_date is not None and self.end_date < self.start_date:
            raise ValueError(f"end_date {self.end_date} is before start_date {self.start_date}")
        if self.end_announced is not None and self.end_announced < self.start_date:
            raise ValueError(f"end_announced {self.end_announced} is before start_date {self.start_date}")
        if (
            self.end_announced is not None
            and self.end_date is not None
            and self.end_announced > self.end_date
        ):
            raise ValueError(f"end_announced {self.end_announced} is after end_date {self.end_date}")
        return self

    def active_on(self, day: dt.date) -> bool:
        """True from the start day until the day before the end (the end day is the first without)."""
        return self.start_date <= day and (self.end_date is None or day < self.end_date)

    def ending_announced_by(self, day: dt.date) -> bool:
        return self.end_announced is not None and self.end_announced <= day


class Base(Row):
    id: RowId
    name: Text
    # A short name, for the map: the place and who held it ("Gao (France)").
    label_en: Text
    label_fr: Text
    country: Code
    lat: Annotated[float, Field(ge=-90, le=90)]
    lon: Annotated[float, Field(ge=-180, le=180)]
    operator: Code
    # Empty: in place before the map's first year, opening date not sourced (see `note`).
    start_date: OptionalDate = None
    start_precision: Precision = "day"
    end_date: OptionalDate = None
    end_precision: Precision = "day"
    source_ids: CodeList = Field(min_length=1)
    note: OptionalText = ""

    @model_validator(mode="after")
    def _dates(self) -> Base:
        _check_precision(self.start_date, self.start_precision, "start_date")
        _check_precision(self.end_date, self.end_precision, "end_date")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValueError(f"end_date {self.end_date} is before start_date {self.start_date}")
        return self

    def active_on(self, day: dt.date) -> bool:
        started = self.start_date is None or self.start_date <= day
        return started and (self.end_date is None or day < self.end_date)


class Release(Row):
    """`release.csv`: the day up to which the data was reviewed against the news."""

    reviewed_up_to: Date
    note: OptionalText = ""


def _focus_countries(value: tuple[str, ...]) -> tuple[str, ...]:
    for code in value:
        if code not in FOCUS:
            raise ValueError(f"{code!r} is not one of the four countries ({', '.join(FOCUS)})")
    if len(set(value)) != len(value):
        raise ValueError("names a country twice")
    return value


class StoryStep(Row):
    """One moment of the briefing story (`story.csv`): a date, the countries to highlight (the first
    leads), the bases to point out, a caption."""

    step: Annotated[int, Field(ge=1)]
    date: Date
    countries: Annotated[CodeList, AfterValidator(_focus_countries), Field(min_length=1)]
    caption_en: Text
    caption_fr: Text
    source_ids: CodeList = Field(min_length=1)
    bases: CodeList = ()  # ids from bases.csv, in use on the step's date
    notes_en: OptionalText = ""  # the presenter's speaker notes (`/present/notes`): optional columns
    notes_fr: OptionalText = ""

    @property
    def country(self) -> str:
        """The step's leading country: the first it names."""
        return self.countries[0]
