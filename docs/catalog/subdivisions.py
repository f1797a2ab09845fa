#!/usr/bin/env python3
"""Builds enrich-streams/src/main/resources/catalog/subdivisions.tsv from npm iso3166-2-db 2.3.11 (MIT, (c) 2016 esosedi).

Usage: npm pack iso3166-2-db@2.3.11 && tar xzf iso3166-2-db-2.3.11.tgz && python3 subdivisions.py package > subdivisions.tsv
Each row: ISO 3166-2 code, then Arabic, English and French names ('|'-separated), each name also without its
administrative word (محافظة, Governorate, Province de ...) where one is written.
"""
import json
import re
import sys

AR = re.compile(r"^(محافظة|ولاية|منطقة|إقليم|اقليم|مقاطعة|امارة|إمارة|بلدية|جهة|قضاء|مديرية|شعبية|المحافظة)\s+")
EN = re.compile(r"\s+(Governorate|Province|Region|District|Municipality|Emirate|Prefecture|County|Department|State|Oblast)$")
FR = re.compile(r"^(Gouvernorat|Province|Région|Wilaya|Préfecture|Émirat|Mouhafazat|District|Département|État)\s+(de la |de l'|du |des |d'|de )?")

def names(entry, pattern):
    out = []
    if entry:
        name = entry.strip()
        out.append(name)
        bare = pattern.sub("", name).strip()
        if bare and bare != name:
            out.append(bare)
    return out

def main(root):
    langs = {lang: json.load(open(f"{root}/i18n/{lang}.json", encoding="utf-8")) for lang in ("ar", "en", "fr")}
    print("# ISO 3166-2 subdivisions from npm iso3166-2-db 2.3.11 (MIT, (c) 2016 esosedi); bare names derived by the Khabar authors.")
    print("# code\tar\ten\tfr (names separated by |); built by docs/catalog/subdivisions.py")
    for country in sorted(langs["en"]):
        by_code = {}
        for lang, pattern in (("ar", AR), ("en", EN), ("fr", FR)):
            for region in langs[lang].get(country, {}).get("regions", []):
                if region.get("iso"):
                    by_code.setdefault(region["iso"], {})[lang] = names(region.get("name"), pattern)
        for code in sorted(by_code):
            row = by_code[code]
            if not any(row.values()):
                continue
            cells = ["|".join(dict.fromkeys(n for n in row.get(lang, []) if "\t" not in n and "|" not in n))
                     for lang in ("ar", "en", "fr")]
            print(f"{country}-{code}\t" + "\t".join(cells))

main(sys.argv[1])
