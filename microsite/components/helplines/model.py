"""The help-lines file as typed records, validated once at build start.

Every number a reader may call in a crisis is written once, in
data/helplines.yaml, with who it is for, when it is open, when it was last
checked and against which page. Every problem in the file is recorded, so an
author fixes them all in one pass; a check older than a year is a build warning
(see `stale_check_warnings`), so nobody publishes a stale crisis number by accident.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from ...datafile import EntryReader, Key, keys_by_name
from ...errors import ErrorList, find_closest_id
from ...ids import is_valid_id

TOPICS = ("suicide", "crisis", "domestic-abuse", "lgbt", "own-behavior", "men", "young-people", "directory")
# The needs the help page groups its lines by; men and young-people only say whom a line is for.
PLACING_TOPICS = ("suicide", "crisis", "domestic-abuse", "lgbt", "own-behavior", "directory")
NUMBER_KINDS = ("call", "text", "tty")
ADDRESS_KINDS = ("chat", "web", "email")
CONTACT_KINDS = NUMBER_KINDS + ADDRESS_KINDS
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
ANY_TIME = "any time"
VARIES = "varies"

TOP_LEVEL = {
    "countries": "the countries the help page lists, in order",
    "services": "the help lines",
}
COUNTRY_FIELDS = keys_by_name([
    Key("id", "a short lowercase id, such as 'uk'; it becomes the section's #anchor", required=True),
    Key("name", "the country's name, such as 'United Kingdom'", required=True),
    Key("emergency", 'the emergency number, in quotes, such as "999"'),
    Key("emergency_note", "plain sentences shown with the emergency number"),
    Key("parts", "regions with lines of their own, such as [{id: scotland, name: Scotland}]", type="list"),
])
SERVICE_FIELDS = keys_by_name([
    Key("id", "a short name, such as 'samaritans'", required=True),
    Key("name", "the service's own name", required=True),
    Key("where", "the country or part ids it serves, such as [uk]", type="list", required=True),
    Key("topics", "what it helps with, from: " + ", ".join(TOPICS), type="list", required=True),
    Key("for", "who it is for, in plain words", required=True),
    Key("contact", "how to reach it, such as [{call: \"116 123\"}]", type="list", required=True),
    Key("hours", "'any time', 'varies', or a list such as [{days: Mon-Fri, open: \"10:00\", close: \"20:00\"}]", required=True),
    Key("free", "true when the service says calls are free", type="bool"),
    Key("checked", "the date you last checked the number and hours, such as 2026-11-30", type="date", required=True),
    Key("source", "the web page you checked them against", type="url", required=True),
])
LIST_EXAMPLES = {"where": "[uk]", "topics": "[crisis, domestic-abuse]"}
CONTACT_EXTRAS = ("dial", "body", "hours")
PERIOD_FIELDS = ("days", "open", "close")
_NUMBER = re.compile(r"\+?[0-9][0-9 ()\-]*")
_DIAL = re.compile(r"\+?[0-9]+")
_TIME = re.compile(r"([0-9]{1,2}):([0-9]{2})")


@dataclass(frozen=True)
class Part:
    id: str
    name: str


@dataclass(frozen=True)
class Country:
    id: str
    name: str
    emergency: str | None = None
    emergency_note: str | None = None
    parts: tuple[Part, ...] = ()

    @property
    def emergency_href(self) -> str | None:
        return f"tel:{self.emergency}" if self.emergency else None


@dataclass(frozen=True)
class Period:
    days: tuple[int, ...]  # 0 is Monday
    opens: time
    closes: time  # 00:00 is midnight; earlier than `opens` runs past midnight


@dataclass(frozen=True)
class Hours:
    """When a line answers: any time, at hours that change, or in set periods."""

    any_time: bool = False
    varies: bool = False
    periods: tuple[Period, ...] = ()


@dataclass(frozen=True)
class Contact:
    kind: str  # one of CONTACT_KINDS
    value: str  # the number as written locally, or the address
    dial: str | None = None  # digits (and a leading +) for tel: and sms: links
    body: str | None = None  # the word to send in a text message
    hours: Hours | None = None  # when this way differs from the service's hours

    @property
    def href(self) -> str:
        if self.kind in ("call", "tty"):
            return f"tel:{self.dial}"
        if self.kind == "text":
            return f"sms:{self.dial}" + (f"?body={self.body}" if self.body else "")
        if self.kind == "email":
            return f"mailto:{self.value}"
        return self.value

    @property
    def is_number(self) -> bool:
        return self.kind in NUMBER_KINDS


@dataclass(frozen=True)
class Service:
    id: str
    name: str
    where: tuple[str, ...]
    topics: tuple[str, ...]
    for_whom: str
    contacts: tuple[Contact, ...]
    hours: Hours | None  # None: reached only on the web
    checked: date
    source: str
    free: bool = False


@dataclass(frozen=True)
class Helplines:
    countries: tuple[Country, ...]
    services: tuple[Service, ...]

    def serving(self, place_id: str) -> list[Service]:
        """The services listed for a country or part, in file order."""
        return [service for service in self.services if place_id in service.where]


@dataclass(frozen=True)
class CrisisLine:
    """What to call or text in a suicidal crisis, for one or more neighbouring countries."""

    countries: tuple[Country, ...]
    services: tuple[Service, ...]
    contacts: tuple[Contact, ...]  # calls and texts; a directory's web address


# Reading the file


def parse_helplines(raw: Any, file: str, errors: ErrorList, today: date) -> Helplines | None:
    """The help lines in `raw` (the parsed YAML), or None after recording why not.

    `today` is passed in so tests can fix it: a `checked` date after it is a mistake.
    """
    if raw is None:
        errors.add(file, None, "is empty; add 'countries:' and 'services:' (see the comments in the guide's own file)")
        return None
    if not isinstance(raw, dict):
        errors.add(file, None, "must have two lists, 'countries:' and 'services:'")
        return None
    before = len(errors)
    for key in raw:
        if key not in TOP_LEVEL:
            errors.add(file, None, unknown_name_message("section", str(key), TOP_LEVEL))
    countries, places = read_countries(raw.get("countries"), file, errors)
    services = read_services(raw.get("services"), file, errors, places, today)
    check_numbers_listed_once(services, countries, places, file, errors)
    if len(errors) > before:
        return None
    return Helplines(tuple(countries), tuple(services))


def unknown_name_message(what: str, wrong: str, known) -> str:
    closest = find_closest_id(wrong, known)
    hint = f"did you mean '{closest}'?" if closest else "expected one of: " + ", ".join(known)
    return f"unknown {what} '{wrong}'; {hint}"


def read_countries(raw: Any, file: str, errors: ErrorList) -> tuple[list[Country], dict[str, str]]:
    """The countries, and every id a service may name in `where` mapped to its country.

    An id counts even when its country has another mistake, so one mistake is
    reported once, not again in every service that names the country.
    """
    if not isinstance(raw, list) or not raw:
        errors.add(file, None, "'countries' must be a list of countries, each starting with '- id:'")
        return [], {}
    countries: list[Country] = []
    places: dict[str, str] = {}
    for number, entry in enumerate(raw, start=1):
        label = entry_label("country", entry, number)
        if not isinstance(entry, dict):
            errors.add(file, label, "must be a set of fields (id, name, emergency, …), not a single value")
            continue
        country = read_country(EntryReader(entry, COUNTRY_FIELDS, file, label, errors), places)
        if country is not None:
            countries.append(country)
    return countries, places


def entry_label(kind: str, entry: Any, number: int) -> str:
    entry_id = entry.get("id") if isinstance(entry, dict) else None
    return f"{kind} '{entry_id}'" if isinstance(entry_id, str) and entry_id.strip() else f"{kind} {number}"


def read_country(fields: EntryReader, places: dict[str, str]) -> Country | None:
    before = len(fields.errors)
    country_id = read_unique_id(fields, fields.raw.get("id"), places)
    if country_id is not None:
        places[country_id] = country_id
    name = fields.text("name")
    emergency = read_number_text(fields, "emergency", fields.raw.get("emergency"))
    note = fields.text("emergency_note", required=False)
    if fields.raw.get("emergency") is None and note is None:
        fields.problem("has no emergency number; add 'emergency', or an 'emergency_note' saying what to do instead")
    parts = read_parts(fields, places, country_id)
    if len(fields.errors) > before:
        return None
    return Country(id=country_id, name=name, emergency=emergency, emergency_note=note, parts=parts)


def read_unique_id(fields: EntryReader, value: Any, seen) -> str | None:
    if value is None:
        fields.missing("id")
        return None
    if not is_valid_id(value):
        fields.problem(f"id '{value}' must use only lowercase letters, digits and hyphens")
        return None
    if value in seen:
        fields.problem(f"id '{value}' is used twice; give each one its own id")
        return None
    return value


def read_parts(fields: EntryReader, places: dict[str, str], country_id: str | None) -> tuple[Part, ...]:
    raw = fields.raw.get("parts")
    if raw is None:
        return ()
    if not isinstance(raw, list):
        fields.problem("'parts' must be a list, such as [{id: scotland, name: Scotland}]")
        return ()
    parts = []
    for number, item in enumerate(raw, start=1):
        if not isinstance(item, dict) or set(item) != {"id", "name"} or not isinstance(item.get("name"), str):
            fields.problem(f"part {number} must have exactly an 'id' and a 'name', such as {{id: scotland, name: Scotland}}")
            continue
        part_id = read_unique_id(fields, item["id"], places)
        if part_id is not None:
            places[part_id] = country_id or part_id
            parts.append(Part(part_id, item["name"].strip()))
    return tuple(parts)


def read_services(raw: Any, file: str, errors: ErrorList, places: dict[str, str], today: date) -> list[Service]:
    if not isinstance(raw, list) or not raw:
        errors.add(file, None, "'services' must be a list of help lines, each starting with '- id:'")
        return []
    services: list[Service] = []
    seen: set[str] = set()
    for number, entry in enumerate(raw, start=1):
        label = entry_label("service", entry, number)
        if not isinstance(entry, dict):
            errors.add(file, label, "must be a set of fields (id, name, where, …), not a single value")
            continue
        service = ServiceReader(EntryReader(entry, SERVICE_FIELDS, file, label, errors), places, today).read(seen)
        if service is not None:
            services.append(service)
    return services


class ServiceReader:
    """One service entry: each field read into its typed value, each mistake recorded."""

    def __init__(self, fields: EntryReader, places: dict[str, str], today: date):
        self.fields = fields
        self.places = places
        self.today = today

    def problem(self, message: str) -> None:
        self.fields.problem(message)

    def read(self, seen: set[str]) -> Service | None:
        fields = self.fields
        before = len(fields.errors)
        service_id = read_unique_id(fields, fields.raw.get("id"), seen)
        if service_id is not None:
            seen.add(service_id)
        values = {
            "name": fields.text("name"),
            "where": self.read_where(),
            "topics": self.read_topics(),
            "for_whom": fields.text("for"),
            "contacts": self.read_contacts(),
            "checked": self.read_checked(),
            "source": self.read_source(),
            "free": self.read_free(),
        }
        values["hours"] = self.read_service_hours(values["contacts"])
        if len(fields.errors) > before:
            return None
        return Service(id=service_id, **values)

    def read_list(self, name: str) -> list:
        value = self.fields.raw.get(name)
        if value is None:
            self.fields.missing(name)
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not value:
            self.problem(f"'{name}' must be a list, such as {LIST_EXAMPLES[name]}")
            return []
        return value

    def read_where(self) -> tuple[str, ...]:
        where = []
        for place in self.read_list("where"):
            if place in self.places:
                where.append(place)
            else:
                self.problem(unknown_name_message("country or part", str(place), list(self.places)) + " (in 'where')")
        return tuple(where)

    def read_topics(self) -> tuple[str, ...]:
        topics = []
        for topic in self.read_list("topics"):
            if topic in TOPICS:
                topics.append(topic)
            else:
                self.problem(unknown_name_message("topic", str(topic), TOPICS))
        if topics and not set(topics) & set(PLACING_TOPICS):
            self.problem(
                "no topic places it on the help page; add one of: " + ", ".join(PLACING_TOPICS)
            )
        return tuple(topics)

    def read_contacts(self) -> tuple[Contact, ...]:
        raw = self.fields.raw.get("contact")
        if raw is None or raw == []:
            self.problem("has no contact; add at least one way to reach it, such as contact: [{call: \"116 123\"}]")
            return ()
        if not isinstance(raw, list):
            self.problem("'contact' must be a list, such as [{call: \"116 123\"}]")
            return ()
        contacts = [self.read_contact(number, item) for number, item in enumerate(raw, start=1)]
        return tuple(contact for contact in contacts if contact is not None)

    def read_contact(self, number: int, item: Any) -> Contact | None:
        where = f"contact {number}"
        kinds = [key for key in item if key in CONTACT_KINDS] if isinstance(item, dict) else []
        if not kinds:
            self.problem(
                f"{where} has neither a number nor an address; add one of: " + ", ".join(CONTACT_KINDS)
            )
            return None
        if len(kinds) > 1:
            self.problem(f"{where} has both '{kinds[0]}' and '{kinds[1]}'; give each way to reach it its own entry")
            return None
        kind = kinds[0]
        for key in item:
            if key not in CONTACT_KINDS and key not in CONTACT_EXTRAS:
                self.problem(f"{where}: " + unknown_name_message("field", str(key), CONTACT_KINDS + CONTACT_EXTRAS))
        if kind in NUMBER_KINDS:
            return self.read_number_contact(where, kind, item)
        return self.read_address_contact(where, kind, item)

    def read_number_contact(self, where: str, kind: str, item: dict) -> Contact | None:
        value = read_number_text(self, f"{where} '{kind}'", item[kind])
        dial = item.get("dial")
        if dial is not None and (not isinstance(dial, str) or not _DIAL.fullmatch(dial)):
            self.problem(f"{where}: dial '{dial}' must be digits with an optional leading +, in quotes, such as \"+448082000247\"")
            return None
        body = item.get("body")
        if body is not None and kind != "text":
            self.problem(f"{where}: only a text message has a 'body'; remove it or make it a text")
            return None
        hours = self.read_hours(f"{where} hours", item["hours"]) if "hours" in item else None
        if value is None:
            return None
        return Contact(kind, value, dial or digits_of(value), str(body).strip() if body is not None else None, hours)

    def read_address_contact(self, where: str, kind: str, item: dict) -> Contact | None:
        value = item[kind]
        for extra in ("dial", "body"):
            if extra in item:
                self.problem(f"{where}: '{extra}' belongs to a number; remove it from this {kind} address")
        if not isinstance(value, str) or not value.strip():
            self.problem(f"{where} '{kind}' is empty; write the address")
            return None
        value = value.strip()
        if kind == "email" and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
            self.problem(f"{where}: '{value}' is not an email address")
            return None
        if kind != "email" and not value.startswith("https://"):
            self.problem(f"{where}: '{value}' must be a full web address starting with https://")
            return None
        hours = self.read_hours(f"{where} hours", item["hours"]) if "hours" in item else None
        return Contact(kind, value, hours=hours)

    def read_service_hours(self, contacts: tuple[Contact, ...]) -> Hours | None:
        raw = self.fields.raw.get("hours")
        if raw is None:
            if any(contact.kind != "web" and contact.hours is None for contact in contacts):
                self.fields.missing("hours")
            return None
        return self.read_hours("hours", raw)

    def read_hours(self, where: str, raw: Any) -> Hours | None:
        if raw == ANY_TIME:
            return Hours(any_time=True)
        if raw == VARIES:
            return Hours(varies=True)
        if not isinstance(raw, list) or not raw:
            self.problem(f"{where} must be 'any time', 'varies', or a list such as [{{days: Mon-Fri, open: \"10:00\", close: \"20:00\"}}]")
            return None
        periods = [self.read_period(where, number, item) for number, item in enumerate(raw, start=1)]
        if None in periods:
            return None
        return Hours(periods=tuple(periods))

    def read_period(self, where: str, number: int, item: Any) -> Period | None:
        where = f"{where} {number}"
        if not isinstance(item, dict):
            self.problem(f"{where} must be a set of days and times, such as {{days: Mon-Fri, open: \"10:00\", close: \"20:00\"}}")
            return None
        for key in item:
            if key not in PERIOD_FIELDS:
                self.problem(f"{where}: " + unknown_name_message("field", str(key), PERIOD_FIELDS))
        days = self.read_days(where, item.get("days"))
        opens = self.read_time(where, "open", item.get("open"))
        closes = self.read_time(where, "close", item.get("close"))
        if opens is not None and opens == closes:
            self.problem(
                f"{where} opens and closes at {opens:%H:%M}; for a line that never closes write 'hours: any time'"
            )
            return None
        if days is None or opens is None or closes is None:
            return None
        return Period(days, opens, closes)

    def read_days(self, where: str, raw: Any) -> tuple[int, ...] | None:
        if raw is None or (isinstance(raw, str) and not raw.strip()) or raw == []:
            self.problem(f"{where}: 'days' is empty; write the days it is open, such as Mon-Fri")
            return None
        text = ", ".join(str(day) for day in raw) if isinstance(raw, list) else str(raw)
        if text.strip().lower() == "every day":
            return tuple(range(7))
        days: set[int] = set()
        for piece in (piece.strip() for piece in text.split(",")):
            ends = [end.strip() for end in piece.split("-")]
            indexes = [self.day_index(where, end) for end in ends]
            if None in indexes or len(indexes) > 2:
                if len(indexes) > 2:
                    self.problem(f"{where}: '{piece}' is not a day or a range of days, such as Mon-Fri")
                return None
            first, last = indexes[0], indexes[-1]
            # A range may run over the weekend, as weeks do where they start on
            # Saturday or Sunday: Sun-Thu, Fri-Mon.
            days.update(range(first, last + 1) if first <= last else [*range(first, 7), *range(0, last + 1)])
        return tuple(sorted(days))

    def day_index(self, where: str, day: str) -> int | None:
        if day in DAYS:
            return DAYS.index(day)
        closest = find_closest_id(day, DAYS) or find_closest_id(day[:3].title(), DAYS)
        hint = f"did you mean '{closest}'? " if closest else ""
        self.problem(f"{where}: unknown day '{day}'; {hint}(use Mon, Tue, Wed, Thu, Fri, Sat, Sun or every day)")
        return None

    def read_time(self, where: str, name: str, raw: Any) -> time | None:
        if raw is None:
            self.problem(f"{where}: missing '{name}'; write a time such as \"10:00\"")
            return None
        if isinstance(raw, int) and not isinstance(raw, bool):
            # YAML reads 10:00 without quotes as a number of minutes (600).
            self.problem(f"{where}: write the {name} time in quotes, such as {name}: \"10:00\"")
            return None
        match = _TIME.fullmatch(str(raw).strip())
        if not match:
            self.problem(f"{where}: {name} '{raw}' must be a time such as \"10:00\" (24-hour clock)")
            return None
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour > 23 or minute > 59:
            self.problem(f"{where}: {name} '{raw}' is not a time of day; use 00:00 to 23:59 (00:00 is midnight)")
            return None
        return time(hour, minute)

    def read_checked(self) -> date | None:
        raw = self.fields.raw.get("checked")
        if raw is None:
            self.fields.missing("checked")
            return None
        if isinstance(raw, str):
            try:
                raw = date.fromisoformat(raw.strip())
            except ValueError:
                raw = None
        if not isinstance(raw, date):
            self.problem(f"'checked' must be a date such as 2026-11-30, found '{self.fields.raw.get('checked')}'")
            return None
        if raw > self.today:
            self.problem(f"'checked' {raw.isoformat()} is in the future; write the date you checked the number and hours")
            return None
        return raw

    def read_source(self) -> str | None:
        if self.fields.raw.get("source") is None:
            self.problem("missing 'source'; add the web page you checked the number and hours against")
            return None
        return self.fields.web_address("source")

    def read_free(self) -> bool:
        raw = self.fields.raw.get("free")
        if raw is None:
            return False
        if not isinstance(raw, bool):
            self.problem("'free' must be true or false")
            return False
        return raw


def read_number_text(reader, where: str, raw: Any) -> str | None:
    """A phone number exactly as written; quotes keep YAML from changing it."""
    if raw is None:
        return None
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        reader.problem(f"{where}: write the number in quotes, such as \"{raw}\", so it stays exactly as written")
        return None
    if not isinstance(raw, str) or not _NUMBER.fullmatch(raw.strip()):
        reader.problem(f"{where}: '{raw}' is not a phone number; use digits, spaces and hyphens, such as \"0808 2000 247\"")
        return None
    return raw.strip()


def digits_of(number: str) -> str:
    return ("+" if number.startswith("+") else "") + re.sub(r"[^0-9]", "", number)


def check_numbers_listed_once(
    services: list[Service], countries: list[Country], places: dict[str, str], file: str, errors: ErrorList
) -> None:
    """The same number twice for one country is a copy that will one day disagree."""
    names = {country.id: country.name for country in countries}
    first: dict[tuple[str, str, str], str] = {}
    for service in services:
        for contact in service.contacts:
            if not contact.is_number:
                continue
            for country_id in dict.fromkeys(places[place] for place in service.where):
                key = (country_id, contact.kind, contact.dial)
                if key in first:
                    other = "this service" if first[key] == service.id else f"service '{first[key]}'"
                    errors.add(
                        file,
                        f"service '{service.id}'",
                        f"the number {contact.value} ({contact.kind}) is already listed by {other} "
                        f"for {names.get(country_id, country_id)}; list each number once",
                    )
                else:
                    first[key] = service.id


# Checks that depend on the day of the build


def one_year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def stale_check_warnings(helplines: Helplines | None, file: str, today: date) -> list[str]:
    """A warning for each service not checked in the last 12 months."""
    if helplines is None:
        return []
    limit = one_year_before(today)
    return [
        f"{file}: service '{service.id}': last checked {service.checked.isoformat()}, more than 12 months ago; "
        f"check the number and hours against {service.source} and update 'checked'"
        for service in helplines.services
        if service.checked < limit
    ]


# What pages show


def crisis_summary(helplines: Helplines) -> list[CrisisLine]:
    """Each country's first suicide line (elsewhere: its first directory), in the
    countries' order; neighbours reached the same way share one line ("United States
    and Canada: call or text 988")."""
    lines: list[CrisisLine] = []
    for country in helplines.countries:
        service = first_with_topic(helplines.serving(country.id), "suicide") or first_with_topic(
            helplines.serving(country.id), "directory"
        )
        if service is None:
            continue
        contacts = tuple(contact for contact in service.contacts if contact.kind in ("call", "text")) or tuple(
            contact for contact in service.contacts if contact.kind == "web"
        )
        previous = lines[-1] if lines else None
        if previous and same_ways(previous.contacts, contacts):
            services = previous.services if service in previous.services else previous.services + (service,)
            lines[-1] = CrisisLine(previous.countries + (country,), services, previous.contacts)
        else:
            lines.append(CrisisLine((country,), (service,), contacts))
    return lines


def first_with_topic(services: list[Service], topic: str) -> Service | None:
    return next((service for service in services if topic in service.topics), None)


def same_ways(first: tuple[Contact, ...], second: tuple[Contact, ...]) -> bool:
    return [(contact.kind, contact.dial or contact.value) for contact in first] == [
        (contact.kind, contact.dial or contact.value) for contact in second
    ]
