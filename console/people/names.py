"""How names, handles, websites and e-mail addresses compare across networks.

Everything here is pure text work (no database): folding accents, case and invisible
characters away, the nickname table (es/en), handle keys, edit distance, and pulling
websites and e-mail addresses (also the "name (arroba) site.example" kind people write to
dodge spam bots) out of bios and profile fields.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import urlsplit

# Letters that look Latin but are not (a name posing as another); folded to the Latin one.
_CONFUSABLES = str.maketrans({
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y", "і": "i",
    "ј": "j", "ѕ": "s", "ԁ": "d", "ɡ": "g", "ı": "i", "ł": "l", "ø": "o", "đ": "d",
    "ß": "ss", "æ": "ae", "œ": "oe",
})

# Words in names that say nothing about who someone is.
_NAME_STOPWORDS = frozenset({
    "de", "del", "la", "las", "los", "el", "y", "e", "da", "do", "dos", "van", "von", "der",
    "the", "mr", "mrs", "ms", "dr", "dra", "sr", "sra", "official", "oficial", "tech",
})

# Nicknames (es/en). Each group is a given name and the names people use for it; a token
# may sit in several groups ("ale" is Alejandro or Alejandra), so groups are compared as sets.
NICKNAMES: dict[str, tuple[str, ...]] = {
    "jose": ("pepe", "pepito", "chema", "josema", "cheo"),
    "josefa": ("pepa", "pepita", "fina", "josefina"),
    "francisco": ("paco", "pancho", "curro", "fran", "kiko", "quico", "paquito", "cisco"),
    "francisca": ("paca", "paqui", "fran", "pancha"),
    "guadalupe": ("lupe", "lupita", "pita"),
    "ignacio": ("nacho", "nacio", "iñaki"),
    "enrique": ("kike", "quique", "enri"),
    "guillermo": ("memo", "guille", "willy"),
    "jesus": ("chucho", "chuy", "chus"),
    "manuel": ("manolo", "manu", "lolo"),
    "dolores": ("lola", "loles", "lolita"),
    "rosario": ("charo", "chayo", "rosi"),
    "concepcion": ("concha", "conchi", "conchita"),
    "consuelo": ("chelo",),
    "mercedes": ("merche", "meche"),
    "pilar": ("pili", "pilu"),
    "rafael": ("rafa", "rafi"),
    "roberto": ("beto", "rober", "robert"),
    "alberto": ("beto", "tito", "albert"),
    "fernando": ("fer", "nando"),
    "federico": ("fede", "quico"),
    "felipe": ("pipe", "feli"),
    "gabriela": ("gabi", "gaby"),
    "gabriel": ("gabi", "gaby"),
    "graciela": ("chela",),
    "isabel": ("isa", "chabela", "bel"),
    "maria": ("mari", "maru", "mary"),
    "rodrigo": ("rodri",),
    "santiago": ("santi", "yago", "chago"),
    "sergio": ("checo",),
    "soledad": ("sole",),
    "teresa": ("tere", "maite"),
    "valentina": ("vale", "valen"),
    "valeria": ("vale",),
    "agustina": ("agus",),
    "agustin": ("agus",),
    "constanza": ("coni", "cony"),
    "yolanda": ("yoli",),
    "eduardo": ("edu", "lalo"),
    "gonzalo": ("gonza",),
    "patricia": ("patri", "pati", "paty"),
    "cristina": ("cris", "tina"),
    "javier": ("javi",),
    "leonardo": ("leo",),
    "leonel": ("leo",),
    "luis": ("lucho",),
    "camila": ("cami",),
    "carolina": ("caro",),
    "sofia": ("sofi",),
    "beatriz": ("bea",),
    "antonio": ("toño", "tono", "toni", "tony"),
    "alejandro": ("alex", "ale", "jandro"),
    "alejandra": ("ale", "alex"),
    "nicolas": ("nico",),
    "daniel": ("dani", "dan", "danny"),
    "daniela": ("dani",),
    "samuel": ("sam", "sammy"),
    "samantha": ("sam", "sammy"),
    "robert": ("bob", "bobby", "rob", "robbie", "bert"),
    "william": ("bill", "billy", "will", "willy", "liam"),
    "richard": ("rick", "ricky", "rich", "richie", "dick"),
    "james": ("jim", "jimmy", "jamie"),
    "elizabeth": ("liz", "lizzie", "beth", "betty", "eliza", "libby"),
    "margaret": ("maggie", "meg", "peggy", "marge"),
    "katherine": ("kate", "kathy", "katie", "kat", "catherine", "cathy"),
    "jennifer": ("jen", "jenny"),
    "michael": ("mike", "mikey", "mick"),
    "thomas": ("tom", "tommy"),
    "anthony": ("tony",),
    "joseph": ("joe", "joey"),
    "christopher": ("chris",),
    "matthew": ("matt",),
    "nicholas": ("nick", "nicky"),
    "alexander": ("alex", "sandy"),
    "andrew": ("andy", "drew"),
    "edward": ("ed", "eddie", "ted", "ned"),
    "benjamin": ("ben", "benji"),
    "steven": ("steve", "stephen"),
    "timothy": ("tim", "timmy"),
    "peter": ("pete",),
    "charles": ("charlie", "chuck"),
    "gregory": ("greg",),
    "nathan": ("nate",),
    "nathaniel": ("nate", "nat"),
    "jonathan": ("jon", "jonny"),
    "abigail": ("abby",),
    "pamela": ("pam",),
    "kimberly": ("kim",),
    "beverly": ("bev",),
    "deborah": ("debbie", "deb"),
    "rebecca": ("becky",),
    "susan": ("sue", "suzy"),
    "victoria": ("vicky", "vicki", "tori"),
    "priyanka": ("priya",),
}

_GROUPS: dict[str, frozenset[str]] = {}


def _build_groups() -> None:
    for given, nicks in NICKNAMES.items():
        for token in (given, *nicks):
            key = fold(token)
            _GROUPS[key] = _GROUPS.get(key, frozenset()) | {given}


# Given names and surnames so frequent that sharing them alone says little (homonyms).
COMMON_GIVEN = frozenset({
    "maria", "jose", "juan", "ana", "carlos", "luis", "antonio", "manuel", "francisco",
    "david", "laura", "carmen", "pedro", "jorge", "miguel", "javier", "daniel", "john",
    "james", "michael", "mary", "robert", "william", "sarah", "emma", "jennifer",
    "lucia", "sofia", "pablo", "alejandro", "andrea", "paula", "diego", "marta",
})
COMMON_SURNAMES = frozenset({
    "garcia", "rodriguez", "gonzalez", "fernandez", "lopez", "martinez", "sanchez", "perez",
    "gomez", "martin", "jimenez", "ruiz", "hernandez", "diaz", "moreno", "alvarez",
    "romero", "torres", "ramirez", "flores", "castro", "vargas", "rojas", "silva", "smith",
    "johnson", "williams", "brown", "jones", "miller", "davis", "wilson", "taylor",
    "anderson", "thomas", "moore", "white", "lee", "clark", "walker", "hall", "young",
})


def fold(text: str) -> str:
    """Lower case, no accents, no invisible characters, look-alike letters made Latin."""
    text = unicodedata.normalize("NFKD", text)
    kept = [ch for ch in text if unicodedata.category(ch) not in ("Mn", "Cf", "Cc")]
    return "".join(kept).casefold().translate(_CONFUSABLES)


def name_tokens(display_name: str) -> list[str]:
    """The words of a display name that identify a person: folded, no emoji or stop words."""
    words = re.sub(r"[^0-9a-z]+", " ", fold(display_name)).split()
    return [w for w in words if w not in _NAME_STOPWORDS and not w.isdigit()]


def name_key(display_name: str) -> str:
    return " ".join(name_tokens(display_name))


def given_groups(token: str) -> frozenset[str]:
    """The given names a token may stand for: itself plus every group it belongs to."""
    if not _GROUPS:
        _build_groups()
    return _GROUPS.get(token, frozenset()) | {token}


def same_given(a: str, b: str) -> bool:
    return a == b or bool(given_groups(a) & given_groups(b))


def is_common_name(tokens: list[str]) -> bool:
    """A one-word name, or a frequent given name with a frequent surname."""
    if len(tokens) < 2:
        return True
    givens = given_groups(tokens[0])
    return bool(givens & COMMON_GIVEN) and tokens[-1] in COMMON_SURNAMES


_HANDLE_SUFFIXES = (".bsky.social", ".bsky.team", ".blogspot.com", ".wordpress.com")


def handle_local(handle: str) -> str:
    """The part of a handle a person chose: no '@', no server, no hosting suffix."""
    h = fold(handle.strip()).lstrip("@")
    if "@" in h:
        h = h.split("@", 1)[0]
    for suffix in _HANDLE_SUFFIXES:
        if h.endswith(suffix):
            return h[: -len(suffix)]
    if "." in h and " " not in h:
        labels = h.split(".")
        if len(labels) >= 2 and labels[-1].isalpha():
            h = ".".join(labels[:-1])  # a custom-domain handle: drop the top-level domain
    return h


def handle_key(handle: str) -> str:
    """A handle without digits, underscores, dots or dashes: "Lucia_Mendez82" -> "luciamendez"."""
    return re.sub(r"[^a-z]+", "", handle_local(handle))


def re_words(text: str) -> list[str]:
    """The runs of letters in a folded text: "lucia_mendez82" -> ["lucia", "mendez"]."""
    return re.findall(r"[a-z]+", text)


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def name_handles(tokens: list[str]) -> dict[str, bool]:
    """Handles a person with this name often picks, and whether each spells the whole name.

    "Ana Méndez": anamendez, mendezana (whole) and amendez, anam (initials only).
    """
    if len(tokens) < 2:
        return dict.fromkeys(tokens, False)
    first, last = tokens[0], tokens[-1]
    initials = "".join(t[0] for t in tokens[:-1])
    return {first[0] + last: False, initials + last: False, first + last[0]: False,
            "".join(tokens): True, first + last: True, last + first: True}


# --- websites and e-mail addresses ---------------------------------------------------------

_URL = re.compile(r"\bhttps?://[^\s<>\"')\]]+", re.IGNORECASE)
_BARE_SITE = re.compile(r"(?<![@\w.-])((?:[a-z0-9-]+\.)+[a-z]{2,})(/[^\s<>\"')\]]*)?",
                        re.IGNORECASE)
_EMAIL = re.compile(r"\b([a-z0-9._%+-]+)@((?:[a-z0-9-]+\.)+[a-z]{2,})\b", re.IGNORECASE)
# "ana (arroba) site.example", "ana [at] site.example", "ana en site.example"
_OBFUSCATED = re.compile(
    r"\b([a-z0-9._%+-]+)\s*(?:\(\s*(?:at|arroba)\s*\)|\[\s*(?:at|arroba)\s*\]|"
    r"\s(?:at|arroba|en)\s)\s*((?:[a-z0-9-]+\.)+[a-z]{2,})\b", re.IGNORECASE)

# A bare "name.tld" counts as a website only with a real-looking ending ("node.js" does not).
_SITE_TLDS = frozenset({
    "com", "net", "org", "info", "biz", "es", "mx", "ar", "cl", "co", "pe", "uy", "ve", "ec",
    "bo", "py", "cr", "gt", "do", "pr", "cu", "io", "dev", "app", "me", "uk", "ie", "us", "ca",
    "au", "nz", "de", "fr", "it", "pt", "br", "eu", "cat", "gal", "eus", "nl", "be", "at", "ch",
    "se", "no", "dk", "fi", "pl", "cz", "tv", "fm", "ai", "blog", "site", "online", "store",
    "shop", "page", "xyz", "social", "art", "studio", "example", "test",
})

# Hosts where many people have a page: only the full address (host and path) says who.
PLATFORM_HOSTS = frozenset({
    "bsky.app", "instagram.com", "twitter.com", "x.com", "facebook.com", "youtube.com",
    "tiktok.com", "linkedin.com", "github.com", "gitlab.com", "linktr.ee", "reddit.com",
    "mastodon.social", "threads.net", "medium.com", "substack.com", "wa.me", "t.me",
    "blogspot.com", "wordpress.com", "tumblr.com", "patreon.com", "ko-fi.com",
})

MAIL_PROVIDERS = frozenset({
    "gmail.com", "googlemail.com", "hotmail.com", "hotmail.es", "outlook.com", "outlook.es",
    "live.com", "yahoo.com", "yahoo.es", "icloud.com", "me.com", "proton.me",
    "protonmail.com", "gmx.com", "gmx.de", "aol.com", "mail.com",
})


def normal_url(url: str) -> str:
    """host/path of an address, lower case, no scheme, no www., no trailing slash or query."""
    text = url.strip().rstrip(".,;:!?")
    if "://" not in text:
        text = "https://" + text
    try:
        parts = urlsplit(text)
    except ValueError:
        return ""
    host = (parts.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    if not host or "." not in host:
        return ""
    path = parts.path.rstrip("/").lower()
    return host + path


def websites(text: str) -> set[str]:
    """Every web address in a bio or field value, normalised (see :func:`normal_url`)."""
    found = {normal_url(m.group(0)) for m in _URL.finditer(text)}
    stripped = _URL.sub(" ", _EMAIL.sub(" ", _OBFUSCATED.sub(" ", text)))
    for m in _BARE_SITE.finditer(stripped):
        if m.group(1).rsplit(".", 1)[-1].lower() in _SITE_TLDS:
            found.add(normal_url(m.group(0)))
    return {f for f in found if f}


def emails(text: str) -> set[str]:
    """Every e-mail address in a text, including the spelled-out ones, lower case."""
    found = {f"{m.group(1)}@{m.group(2)}".lower() for m in _EMAIL.finditer(text)}
    found |= {f"{m.group(1)}@{m.group(2)}".lower() for m in _OBFUSCATED.finditer(text)}
    return {e.strip(".") for e in found}


def site_host(site: str) -> str:
    return site.split("/", 1)[0]


def profile_addresses(url: str, handle: str) -> set[str]:
    """The ways another profile may point at this account: its URL and its full address."""
    found = set()
    normal = normal_url(url) if url else ""
    if normal:
        found.add(normal)
        host, _, path = normal.partition("/")
        if path.startswith("@") and "/" not in path:
            found.add(f"{path[1:]}@{host}")  # a fediverse address, user@server
    h = fold(handle).lstrip("@")
    if "@" in h or ("." in h and len(h) > 6):
        found.add(h)
    return found


def mentions_of(text: str, addresses: Iterable[str]) -> set[str]:
    """Which of `addresses` (from :func:`profile_addresses`) appear in `text`."""
    folded = fold(text)
    links = websites(text)
    hits = set()
    for address in addresses:
        if "/" in address:
            found = address in links
        else:
            # a full address (user@server, or a domain-like handle) written in the text
            end = r"(?![\w-])" if "@" in address else r"(?![\w.-])"
            found = re.search(r"(?<![\w.])@?" + re.escape(address) + end, folded) is not None
        if found:
            hits.add(address)
    return hits
