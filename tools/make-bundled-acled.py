#!/usr/bin/env python3
"""Writes input/unrest/acled_format_illustrative.csv: ILLUSTRATIVE events in ACLED's export layout.

ACLED's own event data may not be redistributed, so the bundled file is made up here: real place
names and ACLED's column layout and vocabulary, but invented events, every `source` cell saying
so. A fixed seed makes the file byte-identical on every run, so tests can pin its figures.

The file deliberately carries what real exports carry (see input/README.md for the details):
older `05 January 2022` dates in about one row in ten, notes with commas, line breaks and doubled
quotes, one event id exported twice, and exactly four bad rows.

Usage: python3 tools/make-bundled-acled.py [output-path]
"""
import calendar
import csv
import datetime as dt
import random
import sys
from pathlib import Path

SEED = 20220105
SOURCE = "Illustrative (not ACLED data)"

# ACLED's 31-column layout (codebook, since March 2023)
COLUMNS = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
           "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
           "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,"
           "source,source_scale,notes,fatalities,tags,timestamp").split(",")

# iso3, numeric iso, ACLED country name, ACLED region, first event number, places (admin1, admin2, location, lat, lon)
COUNTRIES = {
    "KAZ": (398, "Kazakhstan", "Caucasus and Central Asia", 1870, [
        ("Almaty", "", "Almaty", 43.2567, 76.9286),
        ("Nur-Sultan", "", "Nur-Sultan", 51.1801, 71.4460),
        ("Aktobe", "Aktobe", "Aktobe", 50.2797, 57.2072),
        ("Mangystau", "Zhanaozen", "Zhanaozen", 43.3412, 52.8619),
        ("Mangystau", "Aktau", "Aktau", 43.6481, 51.1722),
        ("Shymkent", "", "Shymkent", 42.3417, 69.5901),
        ("Zhambyl", "Taraz", "Taraz", 42.9000, 71.3667),
        ("Kyzylorda", "Kyzylorda", "Kyzylorda", 44.8488, 65.4823),
        ("West Kazakhstan", "Uralsk", "Uralsk", 51.2333, 51.3667),
        ("Atyrau", "Atyrau", "Atyrau", 47.1167, 51.8833),
        ("Almaty Oblast", "Taldykorgan", "Taldykorgan", 45.0156, 78.3739),
        ("Karaganda", "Karaganda", "Karaganda", 49.8047, 73.1094),
    ]),
    "UZB": (860, "Uzbekistan", "Caucasus and Central Asia", 640, [
        ("Tashkent City", "", "Tashkent", 41.2995, 69.2401),
        ("Karakalpakstan", "Nukus", "Nukus", 42.4531, 59.6103),
        ("Samarkand", "Samarkand", "Samarkand", 39.6542, 66.9597),
        ("Andijan", "Andijan", "Andijan", 40.7821, 72.3442),
    ]),
    "KGZ": (417, "Kyrgyzstan", "Caucasus and Central Asia", 2210, [
        ("Bishkek", "", "Bishkek", 42.8746, 74.5698),
        ("Osh City", "", "Osh", 40.5283, 72.7985),
        ("Batken", "Batken", "Batken", 40.0628, 70.8194),
        ("Jalal-Abad", "Jalal-Abad", "Jalal-Abad", 40.9333, 73.0000),
    ]),
    "TUR": (792, "Turkey", "Middle East", 14520, [
        ("Istanbul", "Beyoglu", "Istanbul - Beyoglu", 41.0370, 28.9850),
        ("Ankara", "Cankaya", "Ankara - Cankaya", 39.9334, 32.8597),
        ("Izmir", "Konak", "Izmir - Konak", 38.4237, 27.1428),
        ("Diyarbakir", "Baglar", "Diyarbakir - Baglar", 37.9144, 40.2306),
        ("Hakkari", "Cukurca", "Cukurca", 37.2475, 43.6144),
    ]),
    "EGY": (818, "Egypt", "Northern Africa", 8830, [
        ("Cairo", "Qasr an-Nil", "Cairo - Qasr an-Nil", 30.0444, 31.2357),
        ("Alexandria", "Al-Montaza", "Alexandria", 31.2001, 29.9187),
        ("North Sinai", "Al-Arish", "Al-Arish", 31.1316, 33.7984),
        ("Giza", "Giza", "Giza", 30.0131, 31.2089),
    ]),
    "COL": (170, "Colombia", "South America", 20410, [
        ("Bogota, D.C.", "Bogota, D.C.", "Bogota", 4.7110, -74.0721),
        ("Valle del Cauca", "Cali", "Cali", 3.4516, -76.5320),
        ("Antioquia", "Medellin", "Medellin", 6.2442, -75.5812),
        ("Norte de Santander", "Cucuta", "Cucuta", 7.8939, -72.5078),
        ("Cauca", "Popayan", "Popayan", 2.4448, -76.6147),
    ]),
    "GEO": (268, "Georgia", "Caucasus and Central Asia", 3150, [
        ("Tbilisi", "", "Tbilisi", 41.7151, 44.8271),
        ("Adjara", "Batumi", "Batumi", 41.6168, 41.6367),
        ("Imereti", "Kutaisi", "Kutaisi", 42.2679, 42.6946),
    ]),
    "SRB": (688, "Serbia", "Europe", 1420, [
        ("Belgrade", "Stari Grad", "Belgrade - Stari Grad", 44.7866, 20.4489),
        ("South Backa", "Novi Sad", "Novi Sad", 45.2671, 19.8335),
        ("Nisava", "Nis", "Nis", 43.3209, 21.8958),
    ]),
}

SUB_EVENTS = {
    "Protests": ["Peaceful protest", "Peaceful protest", "Peaceful protest", "Protest with intervention",
                 "Excessive force against protesters"],
    "Riots": ["Violent demonstration", "Violent demonstration", "Mob violence"],
    "Violence against civilians": ["Attack", "Abduction/forced disappearance"],
    "Battles": ["Armed clash"],
    "Explosions/Remote violence": ["Remote explosive/landmine/IED", "Shelling/artillery/missile attack",
                                   "Air/drone strike"],
    "Strategic developments": ["Arrests", "Looting/property destruction", "Other"],
}
DISORDER = {"Protests": "Demonstrations", "Riots": "Demonstrations",
            "Violence against civilians": "Political violence", "Battles": "Political violence",
            "Explosions/Remote violence": "Political violence", "Strategic developments": "Strategic developments"}

# What each country's illustrative history looks like: (first day, last day, events, event-type weights)
SPANS = {
    "KAZ": [("2021-01-01", "2021-12-31", 12, {"Protests": 8, "Strategic developments": 1}),
            ("2022-01-02", "2022-01-11", 72, {"Protests": 9, "Riots": 8, "Violence against civilians": 3,
                                              "Battles": 3, "Strategic developments": 4}),
            ("2022-01-12", "2022-03-31", 9, {"Protests": 5, "Strategic developments": 2}),
            ("2022-04-01", "2023-12-31", 14, {"Protests": 8, "Strategic developments": 1})],
    "UZB": [("2021-01-01", "2022-06-30", 6, {"Protests": 1}),
            ("2022-07-01", "2022-07-04", 14, {"Protests": 3, "Riots": 3, "Violence against civilians": 1,
                                              "Strategic developments": 2}),
            ("2022-07-05", "2023-12-31", 6, {"Protests": 4, "Strategic developments": 1})],
    "KGZ": [("2021-01-01", "2022-09-13", 8, {"Protests": 5, "Battles": 1}),
            ("2022-09-14", "2022-09-20", 8, {"Battles": 4, "Explosions/Remote violence": 2}),
            ("2022-09-21", "2023-12-31", 6, {"Protests": 5, "Strategic developments": 1})],
    "TUR": [("2021-01-01", "2023-12-31", 44, {"Protests": 10, "Battles": 3, "Explosions/Remote violence": 4,
                                              "Violence against civilians": 1, "Strategic developments": 2})],
    "EGY": [("2021-01-01", "2023-12-31", 28, {"Protests": 3, "Battles": 3, "Explosions/Remote violence": 2,
                                              "Violence against civilians": 1, "Strategic developments": 1})],
    "COL": [("2021-01-01", "2021-04-27", 6, {"Protests": 2, "Battles": 2, "Violence against civilians": 2}),
            ("2021-04-28", "2021-06-15", 16, {"Protests": 6, "Riots": 3, "Violence against civilians": 1}),
            ("2021-06-16", "2023-12-31", 22, {"Protests": 3, "Battles": 3, "Violence against civilians": 3,
                                              "Explosions/Remote violence": 1})],
    "GEO": [("2021-01-01", "2023-03-06", 10, {"Protests": 1}),
            ("2023-03-07", "2023-03-10", 9, {"Protests": 3, "Riots": 1, "Strategic developments": 1}),
            ("2023-03-11", "2023-12-31", 6, {"Protests": 1})],
    "SRB": [("2021-01-01", "2023-12-31", 20, {"Protests": 8, "Riots": 1, "Strategic developments": 1})],
}

WHAT = {
    "Peaceful protest": "people gathered peacefully {why}",
    "Protest with intervention": "people protested {why}; police dispersed the gathering",
    "Excessive force against protesters": "security forces used force against people protesting {why}",
    "Violent demonstration": "rioters clashed with police, set vehicles on fire and damaged a government building",
    "Mob violence": "a crowd attacked shops and a police post",
    "Attack": "unidentified armed men attacked civilians",
    "Abduction/forced disappearance": "relatives reported that a man had been taken away by unidentified men",
    "Armed clash": "armed groups and security forces exchanged fire",
    "Remote explosive/landmine/IED": "an improvised explosive device went off near a patrol",
    "Shelling/artillery/missile attack": "artillery fire hit positions near the border",
    "Air/drone strike": "a drone strike hit a vehicle",
    "Arrests": "police detained people suspected of taking part in the unrest",
    "Looting/property destruction": "shops, a bank branch and an office building were looted",
    "Other": "authorities announced a curfew and restrictions on movement",
}
WHY = {
    "KAZ": ["against the rise in the price of liquefied gas", "for lower fuel prices, wages and pensions",
            "for the release of detained relatives"],
    "UZB": ["against the proposed change to Karakalpakstan's status", "over utility prices"],
    "KGZ": ["over the border agreement", "for the release of detained activists"],
    "TUR": ["over the cost of living", "against the withdrawal from the Istanbul Convention",
            "for higher wages"],
    "EGY": ["over unpaid wages", "against the demolition of homes"],
    "COL": ["against the tax reform", "for police reform", "over the killing of social leaders"],
    "GEO": ["against the foreign agents bill", "for EU membership"],
    "SRB": ["against the lithium mine", "over the environment and air pollution"],
}
INTER = {"Protesters": 6, "Rioters": 5, "Police": 1, "Military": 1, "Civilians": 7, "Armed group": 3}


def actors(iso3, name, event_type, sub_event):
    police = f"Police Forces of {name} (2019-)" if iso3 == "KAZ" else f"Police Forces of {name}"
    military = f"Military Forces of {name}"
    if event_type == "Protests":
        pair = [(f"Protesters ({name})", 6)]
        if sub_event != "Peaceful protest":
            pair.append((police, 1))
        return pair
    if event_type == "Riots":
        return [(f"Rioters ({name})", 5), (police, 1)]
    if event_type == "Violence against civilians":
        return [(f"Unidentified Armed Group ({name})", 3), (f"Civilians ({name})", 7)]
    if event_type == "Battles":
        other = {"TUR": "PKK: Kurdistan Workers Party", "COL": "ELN: National Liberation Army",
                 "EGY": "Wilayat Sinai", "KGZ": "Military Forces of Tajikistan"}.get(iso3, f"Rioters ({name})")
        return [(military, 1), (other, 8 if iso3 == "KGZ" else 2)]
    if event_type == "Explosions/Remote violence":
        return [(military if iso3 == "KGZ" else f"Unidentified Armed Group ({name})", 1 if iso3 == "KGZ" else 3),
                (f"Civilians ({name})", 7)]
    return [(police, 1)]


def fatalities(rnd, event_type, in_cluster):
    if event_type in ("Protests", "Strategic developments"):
        return 0
    if event_type == "Riots":
        return rnd.choice([0, 0, 0, 1, 2, 4]) if in_cluster else rnd.choice([0, 0, 1])
    return rnd.choice([0, 1, 1, 2, 3, 5, 8])


def day_range(first, last):
    a, b = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    return [a + dt.timedelta(days=i) for i in range((b - a).days + 1)]


def unix(day, rnd):
    # last-modified time: some days after the event, at a random second
    moment = dt.datetime(day.year, day.month, day.day) + dt.timedelta(days=rnd.randint(3, 30),
                                                                       seconds=rnd.randint(0, 86399))
    return calendar.timegm(moment.timetuple())


def make_events(rnd):
    events = []
    for iso3, spans in SPANS.items():
        numeric, name, region, _, places = COUNTRIES[iso3]
        for first, last, count, weights in spans:
            days = day_range(first, last)
            kinds = [k for k, w in weights.items() for _ in range(w)]
            in_cluster = (last[:7] == first[:7]) and len(days) <= 10
            for _ in range(count):
                day = rnd.choice(days)
                event_type = rnd.choice(kinds)
                sub_event = rnd.choice(SUB_EVENTS[event_type])
                admin1, admin2, location, lat, lon = rnd.choice(places)
                if iso3 == "UZB" and in_cluster:
                    admin1, admin2, location, lat, lon = places[1]
                if iso3 == "KGZ" and in_cluster:
                    admin1, admin2, location, lat, lon = places[2]
                events.append({
                    "iso3": iso3, "day": day, "event_type": event_type, "sub_event_type": sub_event,
                    "place": (admin1, admin2, location, lat, lon), "fatalities": fatalities(rnd, event_type, in_cluster),
                    "in_cluster": in_cluster,
                })
    events.sort(key=lambda e: (e["day"], e["iso3"], e["place"][2], e["event_type"], e["sub_event_type"]))
    counters = {iso3: COUNTRIES[iso3][3] for iso3 in COUNTRIES}
    for e in events:
        counters[e["iso3"]] += rnd.randint(1, 4)
        e["id"] = f"{e['iso3']}{counters[e['iso3']]}"
    return events


def row(e, rnd, old_date):
    iso3 = e["iso3"]
    numeric, name, region, _, _ = COUNTRIES[iso3]
    admin1, admin2, location, lat, lon = e["place"]
    day = e["day"]
    (a1, i1), *rest = actors(iso3, name, e["event_type"], e["sub_event_type"])
    a2, i2 = rest[0] if rest else ("", "")
    interaction = int(f"{min(i1, i2)}{max(i1, i2)}") if i2 != "" else i1 * 10
    what = WHAT[e["sub_event_type"]].format(why=rnd.choice(WHY[iso3]))
    notes = f"On {day.day} {day:%B %Y}, in {location} ({admin1}), {what}."
    if e["event_type"] in ("Protests", "Riots"):
        notes += " [size=no report]"
    if e["event_type"] in ("Riots", "Battles", "Violence against civilians", "Explosions/Remote violence"):
        notes += f" {e['fatalities']} reported fatalities." if e["fatalities"] else " No fatalities reported."
    tags = rnd.choice(["crowd size=no report", "crowd size=hundreds", "crowd size=around 50"]) \
        if e["event_type"] == "Protests" else ""
    return {
        "event_id_cnty": e["id"],
        "event_date": day.strftime("%d %B %Y") if old_date else day.isoformat(),
        "year": day.year, "time_precision": rnd.choice([1, 1, 1, 1, 2]),
        "disorder_type": DISORDER[e["event_type"]], "event_type": e["event_type"],
        "sub_event_type": e["sub_event_type"], "actor1": a1, "assoc_actor_1": "", "inter1": i1,
        "actor2": a2, "assoc_actor_2": "", "inter2": i2, "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if e["event_type"] == "Violence against civilians" else "",
        "iso": numeric, "region": region, "country": name, "admin1": admin1, "admin2": admin2, "admin3": "",
        "location": location, "latitude": f"{lat:.4f}", "longitude": f"{lon:.4f}",
        "geo_precision": rnd.choice([1, 1, 2]), "source": SOURCE, "source_scale": rnd.choice(["National", "International"]),
        "notes": notes, "fatalities": e["fatalities"], "tags": tags, "timestamp": unix(day, rnd),
    }


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else \
        Path(__file__).resolve().parent.parent / "input" / "unrest" / "acled_format_illustrative.csv"
    rnd = random.Random(SEED)
    events = make_events(rnd)
    rows = [row(e, rnd, old_date=rnd.random() < 0.10) for e in events]

    def first_index(pred):
        return next(i for i, r in enumerate(rows) if pred(r))

    def iso_day(r):
        d = r["event_date"]
        return d if d[:4].isdigit() else dt.datetime.strptime(d, "%d %B %Y").date().isoformat()

    # the slogan of January 2022, with its own quotation marks (doubled in the file)
    i = first_index(lambda r: r["country"] == "Kazakhstan" and iso_day(r) == "2022-01-05"
                    and r["event_type"] == "Protests")
    rows[i]["notes"] = rows[i]["notes"].replace("[size=no report]",
                                                '[size=thousands] Protesters chanted "Shal, ket!" ("Old man, go!").')

    # line breaks inside notes, as ACLED's longer notes carry them; kept after the bad rows so that
    # the bad rows' physical line numbers equal their record numbers + 1
    for pick, (country, after) in enumerate([("Uzbekistan", "2022-07-01"), ("Kyrgyzstan", "2022-09-14"),
                                             ("Georgia", "2023-03-07"), ("Turkey", "2023-05-01")]):
        i = first_index(lambda r: r["country"] == country and iso_day(r) >= after)
        extra = ["Update: figures revised after a second source.",
                 "Border clashes continued overnight;\nboth sides reported casualties.",
                 "Second night of protests outside parliament.\nWater cannon and tear gas used.",
                 "Follow-up event."][pick]
        rows[i]["notes"] += "\n" + extra

    # exactly four bad rows, one reason each
    def bad(base_pred, **changes):
        i = first_index(base_pred)
        r = dict(rows[i])
        r.update(changes)
        return i, r

    def opening(r):
        return f"On {dt.date.fromisoformat(iso_day(r)):%-d %B %Y}, in {r['location']} ({r['admin1']}), "

    kz_jan = [i for i, r in enumerate(rows) if r["country"] == "Kazakhstan" and iso_day(r).startswith("2022-01-0")]
    minus_one = dict(rows[kz_jan[20]], event_id_cnty="KAZ990", event_type="Riots", sub_event_type="Violent demonstration",
                     disorder_type="Demonstrations", actor1="Rioters (Kazakhstan)", inter1=5,
                     actor2="Police Forces of Kazakhstan (2019-)", inter2=1, interaction=15, civilian_targeting="",
                     fatalities=-1,
                     notes=opening(rows[kz_jan[20]]) + "rioters clashed with police. Fatalities typed as -1 in the source sheet.")
    many = dict(rows[kz_jan[40]], event_id_cnty="KAZ991", event_type="Battles", sub_event_type="Armed clash",
                disorder_type="Political violence", actor1="Military Forces of Kazakhstan", inter1=1,
                actor2="Rioters (Kazakhstan)", inter2=5, interaction=15, civilian_targeting="", fatalities="many",
                notes=opening(rows[kz_jan[40]]) + "security forces and armed men exchanged fire. Many people were killed; no count given.")
    kg = first_index(lambda r: r["country"] == "Kyrgyzstan" and iso_day(r) >= "2022-01-13")
    month13 = dict(rows[kg], event_id_cnty="KGZ2199", event_date="2022-13-01", year=2022,
                   event_type="Protests", sub_event_type="Peaceful protest", disorder_type="Demonstrations",
                   actor1="Protesters (Kyrgyzstan)", inter1=6, actor2="", inter2="", interaction=60,
                   civilian_targeting="", fatalities=0, admin1="Bishkek", admin2="", location="Bishkek",
                   latitude="42.8746", longitude="74.5698", timestamp=calendar.timegm((2022, 1, 20, 10, 0, 0)),
                   notes="Month and day swapped in the source spreadsheet. Protesters gathered in Bishkek.")
    atl = first_index(lambda r: iso_day(r) >= "2021-06-15")
    atlantis = dict(rows[atl], event_id_cnty="ATL101", iso=999, country="Atlantis", region="Europe",
                    admin1="Poseidonia", admin2="", location="Poseidonia", latitude="31.0000", longitude="-24.0000",
                    event_type="Protests", sub_event_type="Peaceful protest", disorder_type="Demonstrations",
                    actor1="Protesters (Atlantis)", inter1=6, actor2="", inter2="", interaction=60, fatalities=0,
                    civilian_targeting="", notes="A test row: no such country.")
    # insert from the bottom up so earlier positions stay valid
    for at, r in sorted([(kz_jan[40] + 1, many), (kz_jan[20] + 1, minus_one), (kg, month13), (atl, atlantis)],
                        key=lambda p: -p[0]):
        rows.insert(at, r)

    # one event exported twice: the later export revised its fatalities
    first = next(r for r in rows if r["country"] == "Kazakhstan" and "2022-01-05" <= iso_day(r) <= "2022-01-07"
                 and r["event_type"] == "Riots" and isinstance(r["fatalities"], int) and r["fatalities"] > 0)
    revised = dict(first, fatalities=first["fatalities"] + 3, timestamp=first["timestamp"] + 86400 * 40,
                   notes=first["notes"] + " Revised: fatalities updated after hospital figures.")
    rows.append(revised)
    ids = [r["event_id_cnty"] for r in rows]
    assert len(ids) == len(set(ids)) + 1, "exactly one event id may repeat"

    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to {out}")


if __name__ == "__main__":
    main()
