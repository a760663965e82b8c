"""What the help-line templates show, worked out from the validated data: hours
in words, each way to reach a line as a link, and the help page's sections.
Plain functions of the model, so each wording is tested on its own."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from babel.dates import format_time, get_day_names

from ...i18n import ENGLISH, N_, Messages
from .model import Contact, Country, CrisisLine, Helplines, Hours, Period, Service, crisis_summary


@dataclass(frozen=True)
class Group:
    id: str
    title: str
    topics: frozenset[str]


# The needs the help page groups lines by, in this order. A directory is listed
# under "directory" only when no other need places it.
GROUPS = (
    Group("crisis", N_("Crisis and suicide lines"), frozenset({"suicide", "crisis"})),
    Group("domestic-abuse", N_("Domestic abuse lines"), frozenset({"domestic-abuse"})),
    Group("lgbt", N_("Lines for LGBT+ people"), frozenset({"lgbt"})),
    Group("own-behavior", N_("If you worry about your own behavior"), frozenset({"own-behavior"})),
    Group("directory", N_("Find a line near you"), frozenset({"directory"})),
)
TEXT_OR_CHAT_TITLE = N_("Text or chat if you cannot talk")


# Words


def time_in_words(moment: time, words: Messages = ENGLISH) -> str:
    """'10 am', '8:30 pm', 'noon', 'midnight' (in English; the local way elsewhere: '10:00')."""
    if moment == time(0, 0):
        return words.t("midnight")
    if moment == time(12, 0):
        return words.t("noon")
    if not words.language.startswith("en"):
        return format_time(moment, format="short", locale=words.locale)
    hour = moment.hour % 12 or 12
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    return f"{hour}{minutes} {'am' if moment.hour < 12 else 'pm'}"


def day_names(words: Messages) -> list[str]:
    """Monday to Sunday, in the guide's language."""
    names = get_day_names("wide", context="format", locale=words.locale)
    return [names[day] for day in range(7)]


def days_in_words(days: tuple[int, ...], words: Messages = ENGLISH) -> str:
    """'every day', 'Monday to Friday', 'Saturday and Sunday', 'Monday, Wednesday and Friday'."""
    if len(days) == 7:
        return words.t("every day")
    named = day_names(words)
    names: list[str] = []
    for run in consecutive_runs(days):
        if len(run) >= 3:
            names.append(words.t("{first} to {last}", first=named[run[0]], last=named[run[-1]]))
        else:
            names.extend(named[day] for day in run)
    return join_with_and(names, words)


def consecutive_runs(days: tuple[int, ...]) -> list[list[int]]:
    """Days next to each other, as runs; a run over the weekend (Sunday to
    Thursday) comes first, from its first day."""
    runs: list[list[int]] = []
    for day in days:
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    if len(runs) > 1 and runs[0][0] == 0 and runs[-1][-1] == 6:
        runs.insert(0, runs.pop() + runs.pop(0))
    return runs


def join_with_and(items: list[str], words: Messages = ENGLISH) -> str:
    if len(items) <= 1:
        return "".join(items)
    return words.t("{items} and {last}", items=", ".join(items[:-1]), last=items[-1])


def period_in_words(period: Period, words: Messages = ENGLISH) -> str:
    return words.t(
        "{days}, {opens} to {closes}",
        days=days_in_words(period.days, words),
        opens=time_in_words(period.opens, words),
        closes=time_in_words(period.closes, words),
    )


def hours_in_words(hours: Hours, words: Messages = ENGLISH) -> str:
    """The one wording of opening hours: 'Any time, day or night', 'Monday to Friday, 10 am to 8 pm'."""
    if hours.any_time:
        return words.t("Any time, day or night")
    if hours.varies:
        return words.t("Only some hours of the day, and the hours change")
    text = "; ".join(period_in_words(period, words) for period in hours.periods)
    return text[:1].upper() + text[1:]


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


def lead_in_words(contact: Contact, words: Messages, in_sentence: bool = False) -> str:
    """The words before a number or address: 'Call', or inside a sentence 'call'."""
    if in_sentence:
        leads = {
            "call": words.t("call"),
            "text": words.t("text {word} to", word=contact.body) if contact.body else words.t("text"),
            "tty": words.t("TTY:"),
            "chat": words.t("chat online at"),
            "web": words.t("find one at"),
            "email": words.t("email"),
        }
    else:
        leads = {
            "call": words.t("Call"),
            "text": words.t("Text {word} to", word=contact.body) if contact.body else words.t("Text"),
            "tty": words.t("TTY:"),
            "chat": words.t("Chat online at"),
            "web": words.t("Website:"),
            "email": words.t("Email"),
        }
    return leads[contact.kind]


def way_to_reach(contact: Contact, service: Service | None = None, words: Messages = ENGLISH, in_sentence: bool = False) -> Way:
    text = address_in_words(contact.value) if contact.kind in ("chat", "web") else contact.value
    return Way(
        lead=lead_in_words(contact, words, in_sentence),
        text=text,
        href=contact.href,
        is_number=contact.is_number,
        hours=hours_in_words(contact.hours, words) if contact.hours else None,
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


def service_view(service: Service, words: Messages = ENGLISH) -> ServiceView:
    return ServiceView(
        name=service.name,
        for_whom=service.for_whom,
        ways=tuple(way_to_reach(contact, words=words) for contact in service.contacts),
        hours=hours_in_words(service.hours, words) if service.hours else None,
        free=service.free,
    )


def groups_of(service: Service) -> list[str]:
    ids = [group.id for group in GROUPS if group.topics & set(service.topics)]
    return [group for group in ids if group != "directory"] or ids


def place_view(place_id: str, name: str, services: list[Service], words: Messages = ENGLISH) -> PlaceView:
    groups = []
    for group in GROUPS:
        members = tuple(service_view(service, words) for service in services if group.id in groups_of(service))
        if members:
            groups.append(GroupView(words.t(group.title), members))
    text_or_chat = tuple(
        way_to_reach(contact, service, words)
        for service in services
        for contact in service.contacts
        if contact.kind in ("text", "chat")
    )
    return PlaceView(place_id, name, tuple(groups), text_or_chat)


def country_views(helplines: Helplines, words: Messages = ENGLISH) -> list[CountryView]:
    views = []
    for country in helplines.countries:
        parts = tuple(
            place_view(part.id, part.name, helplines.serving(part.id), words)
            for part in country.parts
            if helplines.serving(part.id)
        )
        views.append(CountryView(country, place_view(country.id, country.name, helplines.serving(country.id), words), parts))
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


def crisis_views(helplines: Helplines, help_url: str, words: Messages = ENGLISH) -> list[CrisisView]:
    """Each crisis line with its countries linked to their sections of the help page."""
    views = []
    for line in crisis_summary(helplines):
        countries = tuple(CountryLink(country.name, f"{help_url}#{country.id}") for country in line.countries)
        views.append(CrisisView(countries, tuple(crisis_way(contact, words) for contact in line.contacts)))
    return views


def crisis_way(contact: Contact, words: Messages = ENGLISH) -> Way:
    """Ways inside a sentence ('call 988 or text 988')."""
    way = way_to_reach(contact, words=words, in_sentence=True)
    return Way(way.lead, way.text, way.href, way.is_number)


def always_open(lines: list[CrisisLine]) -> bool:
    """True when every crisis line that can be called or texted answers day and night."""
    services = [service for line in lines for service in line.services if service.hours is not None]
    return bool(services) and all(service.hours.any_time for service in services)
