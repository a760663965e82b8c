"""What the help-line templates show, worked out from the validated data: hours
in words, each way to reach a line as a link, and the help page's sections.
Plain functions of the model, so each wording is tested on its own."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from .model import Contact, Country, CrisisLine, Helplines, Hours, Period, Service, crisis_summary

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Group:
    id: str
    title: str
    topics: frozenset[str]


# The needs the help page groups lines by, in this order. A directory is listed
# under "directory" only when no other need places it.
GROUPS = (
    Group("crisis", "Crisis and suicide lines", frozenset({"suicide", "crisis"})),
    Group("domestic-abuse", "Domestic abuse lines", frozenset({"domestic-abuse"})),
    Group("lgbt", "Lines for LGBT+ people", frozenset({"lgbt"})),
    Group("own-behavior", "If you worry about your own behavior", frozenset({"own-behavior"})),
    Group("directory", "Find a line near you", frozenset({"directory"})),
)
TEXT_OR_CHAT_TITLE = "Text or chat if you cannot talk"


# Words


def time_in_words(moment: time) -> str:
    """'10 am', '8:30 pm', 'noon', 'midnight'."""
    if moment == time(0, 0):
        return "midnight"
    if moment == time(12, 0):
        return "noon"
    hour = moment.hour % 12 or 12
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    return f"{hour}{minutes} {'am' if moment.hour < 12 else 'pm'}"


def days_in_words(days: tuple[int, ...]) -> str:
    """'every day', 'Monday to Friday', 'Saturday and Sunday', 'Monday, Wednesday and Friday'."""
    if len(days) == 7:
        return "every day"
    names: list[str] = []
    for run in consecutive_runs(days):
        if len(run) >= 3:
            names.append(f"{DAY_NAMES[run[0]]} to {DAY_NAMES[run[-1]]}")
        else:
            names.extend(DAY_NAMES[day] for day in run)
    return join_with_and(names)


def consecutive_runs(days: tuple[int, ...]) -> list[list[int]]:
    runs: list[list[int]] = []
    for day in days:
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return runs


def join_with_and(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def period_in_words(period: Period) -> str:
    return f"{days_in_words(period.days)}, {time_in_words(period.opens)} to {time_in_words(period.closes)}"


def hours_in_words(hours: Hours) -> str:
    """The one wording of opening hours: 'Any time, day or night', 'Monday to Friday, 10 am to 8 pm'."""
    if hours.any_time:
        return "Any time, day or night"
    if hours.varies:
        return "Only some hours of the day, and the hours change"
    words = "; ".join(period_in_words(period) for period in hours.periods)
    return words[:1].upper() + words[1:]


def address_in_words(address: str) -> str:
    """A web address as people say it: 'thehotline.org', '988lifeline.org/chat'."""
    bare = address.removeprefix("https://").removeprefix("http://").removeprefix("www.")
    return bare.rstrip("/")


# Ways to reach a line


@dataclass(frozen=True)
class Way:
    lead: str  # the words before the link: "Call", "Text START to"
    text: str  # the link's own text: the number or the address
    href: str
    is_number: bool
    hours: str | None = None  # when this way keeps its own hours
    service: str | None = None  # the service's name, where ways of several are listed together


def way_to_reach(contact: Contact, service: Service | None = None) -> Way:
    leads = {
        "call": "Call",
        "text": f"Text {contact.body} to" if contact.body else "Text",
        "tty": "TTY:",
        "chat": "Chat online at",
        "web": "Website:",
        "email": "Email",
    }
    text = address_in_words(contact.value) if contact.kind in ("chat", "web") else contact.value
    return Way(
        lead=leads[contact.kind],
        text=text,
        href=contact.href,
        is_number=contact.is_number,
        hours=hours_in_words(contact.hours) if contact.hours else None,
        service=service.name if service else None,
    )


# The help page


@dataclass(frozen=True)
class ServiceView:
    name: str
    for_whom: str
    ways: tuple[Way, ...]
    hours: str | None
    free: bool


@dataclass(frozen=True)
class GroupView:
    title: str
    services: tuple[ServiceView, ...]


@dataclass(frozen=True)
class PlaceView:
    """A country, or a part of one, with its lines grouped by need."""

    id: str
    name: str
    groups: tuple[GroupView, ...]
    text_or_chat: tuple[Way, ...]


@dataclass(frozen=True)
class CountryView:
    country: Country
    place: PlaceView
    parts: tuple[PlaceView, ...]


def service_view(service: Service) -> ServiceView:
    return ServiceView(
        name=service.name,
        for_whom=service.for_whom,
        ways=tuple(way_to_reach(contact) for contact in service.contacts),
        hours=hours_in_words(service.hours) if service.hours else None,
        free=service.free,
    )


def groups_of(service: Service) -> list[str]:
    ids = [group.id for group in GROUPS if group.topics & set(service.topics)]
    return [group for group in ids if group != "directory"] or ids


def place_view(place_id: str, name: str, services: list[Service]) -> PlaceView:
    groups = []
    for group in GROUPS:
        members = tuple(service_view(service) for service in services if group.id in groups_of(service))
        if members:
            groups.append(GroupView(group.title, members))
    text_or_chat = tuple(
        way_to_reach(contact, service)
        for service in services
        for contact in service.contacts
        if contact.kind in ("text", "chat")
    )
    return PlaceView(place_id, name, tuple(groups), text_or_chat)


def country_views(helplines: Helplines) -> list[CountryView]:
    views = []
    for country in helplines.countries:
        parts = tuple(
            place_view(part.id, part.name, helplines.serving(part.id))
            for part in country.parts
            if helplines.serving(part.id)
        )
        views.append(CountryView(country, place_view(country.id, country.name, helplines.serving(country.id)), parts))
    return views


# The crisis lines: the danger box and the help note


@dataclass(frozen=True)
class CountryLink:
    name: str
    href: str


@dataclass(frozen=True)
class CrisisView:
    countries: tuple[CountryLink, ...]
    ways: tuple[Way, ...]


def crisis_views(helplines: Helplines, help_url: str) -> list[CrisisView]:
    """Each crisis line with its countries linked to their sections of the help page."""
    views = []
    for line in crisis_summary(helplines):
        countries = tuple(CountryLink(country.name, f"{help_url}#{country.id}") for country in line.countries)
        views.append(CrisisView(countries, tuple(crisis_way(contact) for contact in line.contacts)))
    return views


def crisis_way(contact: Contact) -> Way:
    """Ways inside a sentence ('call 988 or text 988'), so their leads start small."""
    way = way_to_reach(contact)
    lead = "find one at" if contact.kind == "web" else way.lead[:1].lower() + way.lead[1:]
    return Way(lead, way.text, way.href, way.is_number)


def always_open(lines: list[CrisisLine]) -> bool:
    """True when every crisis line that can be called or texted answers day and night."""
    services = [service for line in lines for service in line.services if service.hours is not None]
    return bool(services) and all(service.hours.any_time for service in services)
