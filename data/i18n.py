"""The one English/French table for every string a person reads, and date formatting.

`t(key, lang, **values)` looks a string up and fills its `{placeholders}`. A missing key or language
is a bug, so it raises; `tests/unit/test_i18n.py` checks that every key has both languages and the
same placeholders in each.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

Lang = Literal["en", "fr"]
LANGS: tuple[Lang, ...] = ("en", "fr")
DEFAULT_LANG: Lang = "en"

TEXT: dict[str, dict[str, str]] = {
    "app.title": {
        "en": "Sahel Realignment Map",
        "fr": "Carte des réalignements au Sahel",
    },
    "app.tagline": {
        "en": "Which outside powers work with Mali, Burkina Faso, Niger and Chad, {first} to today",
        "fr": "Quelles puissances étrangères coopèrent avec le Mali, le Burkina Faso, le Niger et "
        "le Tchad, de {first} à aujourd'hui",
    },
    "map.title": {"en": "Situation on {date}", "fr": "Situation au {date}"},
    "map.as_of": {"en": "Situation on {date}", "fr": "Situation au {date}"},
    "map.aria": {
        "en": "Map of the Sahel coloured by each country's principal security partner",
        "fr": "Carte du Sahel colorée selon le principal partenaire de sécurité de chaque pays",
    },
    "legend.title": {
        "en": "Principal security partner",
        "fr": "Principal partenaire de sécurité",
    },
    "legend.changed": {
        "en": "Thick outline: changed during the month",
        "fr": "Contour épais : changement au cours du mois",
    },
    "alignment.france": {"en": "French forces", "fr": "Forces françaises"},
    "alignment.france_leaving": {
        "en": "French withdrawal under way",
        "fr": "Retrait français en cours",
    },
    "alignment.russia": {
        "en": "Russian forces, instructors or arms",
        "fr": "Forces, instructeurs ou armes russes",
    },
    "alignment.other_forces": {
        "en": "Other foreign forces",
        "fr": "Autres forces étrangères",
    },
    "alignment.none": {
        "en": "No principal foreign force",
        "fr": "Aucune force étrangère principale",
    },
    "alignment.context": {"en": "Neighbouring country", "fr": "Pays voisin"},
    # The one-row legend of a laptop screen (after the title "Principal security partner").
    "alignment.france.short": {"en": "France", "fr": "France"},
    "alignment.france_leaving.short": {"en": "France leaving", "fr": "Retrait français"},
    "alignment.russia.short": {"en": "Russia", "fr": "Russie"},
    "alignment.other_forces.short": {"en": "Others", "fr": "Autres"},
    "alignment.none.short": {"en": "None", "fr": "Aucun"},
    "picture.title": {
        "en": "Principal security partners in the Sahel, {date}",
        "fr": "Principaux partenaires de sécurité au Sahel, {date}",
    },
    "picture.title_lens": {
        "en": "{partner}: presence in the Sahel, {date}",
        "fr": "{partner} : présence au Sahel, {date}",
    },
    "picture.subtitle": {
        "en": "Colour: the outside power that counts most for each country's security",
        "fr": "Couleur : la puissance étrangère qui compte le plus pour la sécurité du pays",
    },
    "picture.subtitle_lens": {
        "en": "Shade: how deep the presence goes in each country, from political ties to forces deployed",
        "fr": "Teinte : jusqu'où va la présence dans chaque pays, des liens politiques aux forces déployées",
    },
    "preset.article": {"en": "Article (640 px wide)", "fr": "Article (640 px de large)"},
    "preset.wide": {"en": "Wide (1200 × 675)", "fr": "Large (1200 × 675)"},
    "preset.square": {"en": "Square (1080 × 1080)", "fr": "Carré (1080 × 1080)"},
    "preset.story": {"en": "Story (1080 × 1920)", "fr": "Story (1080 × 1920)"},
    "picture.basemap": {"en": "Basemap: Natural Earth", "fr": "Fond de carte : Natural Earth"},
    "present.changed": {"en": "{country}: {before} → {after}", "fr": "{country} : {before} → {after}"},
    "present.unchanged": {"en": "{country}: {look} (unchanged)", "fr": "{country} : {look} (inchangé)"},
    "present.closed_one": {"en": "Base closed: {bases}", "fr": "Base fermée : {bases}"},
    "present.closed_many": {"en": "Bases closed: {bases}", "fr": "Bases fermées : {bases}"},
    "present.closed_groups": {"en": "; ", "fr": " ; "},  # between the bases of one holder and the next's
    "legend.more": {"en": "Outlines, bases", "fr": "Contours, bases"},
    "label.changed": {"en": "changed in {period}", "fr": "changement en {period}"},
    "hover.details": {"en": "Click for details", "fr": "Cliquez pour le détail"},
    "legend.aes": {"en": "Alliance of Sahel States", "fr": "Alliance des États du Sahel"},
    "legend.g5s": {
        "en": "G5 Sahel (its members among the four)",
        "fr": "G5 Sahel (ses membres parmi les quatre)",
    },
    "label.coup": {"en": "coup, {date}", "fr": "coup d'État, {date}"},
    "panel.last_coup": {"en": "Last coup: {date}", "fr": "Dernier coup d'État : {date}"},
    "panel.military_since": {
        "en": "Military government since {date}",
        "fr": "Gouvernement militaire depuis {date}",
    },
    "date.on_day": {"en": "{date}", "fr": "le {date}"},  # "since 18 August" / "depuis le 18 août"
    "hover.no_partners": {
        "en": "No foreign partner recorded",
        "fr": "Aucun partenaire étranger recensé",
    },
    "level.1": {"en": "political", "fr": "politique"},
    "level.2": {"en": "equipment and training", "fr": "équipement et formation"},
    "level.3": {"en": "forces deployed", "fr": "forces déployées"},
    "lens.level0": {"en": "not present", "fr": "absent"},
    "lens.level1": {"en": "political ties", "fr": "liens politiques"},
    "lens.level2": {"en": "equipment and training", "fr": "équipement et formation"},
    "lens.level3": {"en": "forces deployed", "fr": "forces déployées"},
    "lens.label": {"en": "Colour the map by", "fr": "Colorer la carte selon"},
    "lens.alignment": {"en": "Principal partner", "fr": "Partenaire principal"},
    "lens.legend_title": {"en": "Presence of {partner}", "fr": "Présence : {partner}"},
    "bases.toggle": {
        "en": "Show bases and deployment sites",
        "fr": "Afficher les bases et sites de déploiement",
    },
    "bases.legend": {"en": "Bases", "fr": "Bases"},
    "bases.other": {"en": "Other", "fr": "Autres"},
    "base.before": {"en": "before {first}", "fr": "avant {first}"},
    "base.open": {"en": "still in use", "fr": "toujours utilisée"},
    "timeline.title": {"en": "Partnerships over time", "fr": "Les partenariats dans le temps"},
    "timeline.title_country": {
        "en": "Partnerships of {country} over time",
        "fr": "Les partenariats : {country}",
    },
    "timeline.markers": {"en": "Coups and withdrawals", "fr": "Coups d'État et retraits"},
    "timeline.help": {
        "en": "Each partner in its colour on the map: lightest for political ties, darkest for forces"
        " deployed. Click a bar or a marker to move the map to that month.",
        "fr": "Chaque partenaire dans sa couleur sur la carte : la plus claire pour des liens politiques,"
        " la plus foncée pour des forces déployées. Cliquez sur une barre ou un repère pour placer la"
        " carte à ce mois.",
    },
    "timeline.partnerships": {"en": "Partnerships", "fr": "Partenariats"},
    "timeline.other_partners": {"en": "Other partners", "fr": "Autres partenaires"},
    "timeline.coup": {"en": "Coup", "fr": "Coup d'État"},
    "timeline.withdrawal_announced": {"en": "Withdrawal announced", "fr": "Retrait annoncé"},
    "timeline.withdrawal_completed": {"en": "Withdrawal completed", "fr": "Retrait achevé"},
    "rule.france": {
        "en": "French forces are deployed and their end has not been announced.",
        "fr": "Des forces françaises sont déployées et leur fin n'a pas été annoncée.",
    },
    "rule.france_leaving": {
        "en": "French forces are still deployed, but the end of each has been announced.",
        "fr": "Des forces françaises sont encore déployées, mais la fin de chacune a été annoncée.",
    },
    "rule.russia": {
        "en": "No French forces; Russian forces, instructors or arms are present.",
        "fr": "Pas de forces françaises ; des forces, des instructeurs ou des armes russes sont présents.",
    },
    "rule.other_forces": {
        "en": "Neither French nor Russian presence; another foreign force is deployed.",
        "fr": "Ni présence française ni présence russe ; une autre force étrangère est déployée.",
    },
    "rule.none": {
        "en": "No foreign force is deployed, and Russia has no instructors or arms there.",
        "fr": "Aucune force étrangère n'est déployée, et la Russie n'y a ni instructeurs ni armes.",
    },
    "panel.because": {"en": "What decided the colour:", "fr": "Ce qui décide de la couleur :"},
    "panel.ongoing": {"en": "ongoing", "fr": "en cours"},
    "panel.end_announced": {"en": " · end announced on {date}", "fr": " · fin annoncée le {date}"},
    "panel.partners_title": {"en": "Partners on {date}", "fr": "Partenaires au {date}"},
    "panel.country_events_title": {"en": "Events of {period}", "fr": "Événements de {period}"},
    "panel.since_title": {"en": "Changes since {first}", "fr": "Changements depuis {first}"},
    # Reading the map: the five sentences of "How to read this map" (the legend's "?" and the top of
    # the methodology), and the panel's line on the presence that decided a country's colour.
    "guide.title": {"en": "How to read this map", "fr": "Comment lire cette carte"},
    "guide.colour": {
        "en": "A country's colour names its principal security partner on the date shown, chosen by a "
        "written rule: French forces first, then Russian forces, instructors or arms, then any other "
        "foreign force.",
        "fr": "La couleur d'un pays désigne son principal partenaire de sécurité à la date affichée, "
        "choisi par une règle écrite : d'abord les forces françaises, puis les forces, instructeurs ou "
        "armes russes, puis toute autre force étrangère.",
    },
    "guide.date": {
        "en": "The map shows one day, written above it: the last day of the month chosen on the "
        "slider, or today for the month under way.",
        "fr": "La carte montre un seul jour, écrit au-dessus d'elle : le dernier jour du mois choisi "
        "sur le curseur, ou aujourd'hui pour le mois en cours.",
    },
    "guide.outline": {
        "en": "A thick dark outline marks a country whose colour changed during that month; the "
        "dashed and dotted lines around several countries show the Alliance of Sahel States and the "
        "G5 Sahel.",
        "fr": "Un contour foncé épais signale un pays dont la couleur a changé au cours de ce mois ; "
        "les traits en tirets et en pointillés autour de plusieurs pays montrent l'Alliance des États "
        "du Sahel et le G5 Sahel.",
    },
    "guide.sources": {
        "en": "Click a country to see every partner present, with its dates and its sources: news "
        "agencies, newspapers, broadcasters or official texts, with state media always labelled.",
        "fr": "Cliquez sur un pays pour voir chaque partenaire présent, avec ses dates et ses "
        "sources : agences de presse, journaux, radios et télévisions ou textes officiels, les médias "
        "d'État étant toujours signalés.",
    },
    "guide.limits": {
        "en": "The map cannot show how large a presence was or what it achieved, nor what the sources "
        "did not report or what happened after the data were last reviewed; a colour summarises, it "
        "does not rank partners or take sides.",
        "fr": "La carte ne peut montrer ni l'ampleur d'une présence ni ses résultats, ni ce que les "
        "sources n'ont pas rapporté ou ce qui a suivi la dernière vérification des données ; une "
        "couleur résume, elle ne classe pas les partenaires et ne prend pas parti.",
    },
    "guide.more": {
        "en": "The full methodology: the rule, its reasons, the sources and the limits",
        "fr": "La méthodologie complète : la règle, ses raisons, les sources et les limites",
    },
    "methodology.appendix": {"en": "Appendix for maintainers", "fr": "Annexe pour les mainteneurs"},
    # A presence by its depth and kind; {adjective} agrees with a feminine plural noun in French,
    # {adjective_m} with a masculine one.
    "presence.forces": {"en": "{adjective} forces", "fr": "forces {adjective}"},
    "presence.private_military": {
        "en": "{adjective} private military forces",
        "fr": "forces militaires privées {adjective}",
    },
    "presence.training": {"en": "{adjective_m} instructors", "fr": "instructeurs {adjective_m}"},
    "presence.equipment": {"en": "{adjective} arms", "fr": "armes {adjective}"},
    "presence.political": {"en": "{adjective_m} accords", "fr": "accords {adjective_m}"},
    "panel.decided_since": {
        "en": "{presence} since {date}: {name}",
        "fr": "{presence} depuis {date} : {name}",
    },
    "panel.decided_leaving": {
        "en": "{presence} since {date}, withdrawal announced on {announced}: {name}",
        "fr": "{presence} depuis {date}, retrait annoncé le {announced} : {name}",
    },
    "panel.decided_left": {
        "en": "Departure of {presence} {date}: {name}",
        "fr": "Départ des {presence} {date} : {name}",
    },
    "date.at_day": {"en": "on {date}", "fr": "le {date}"},  # "left on 30 January" / "le 30 janvier"
    "date.at_period": {"en": "in {date}", "fr": "en {date}"},  # "in September 2024" / "en septembre 2024"
    # Each partner as an adjective: English; French feminine plural ("forces françaises") and
    # masculine plural ("instructeurs français").
    "adjective.FRA": {"en": "French", "fr": "françaises"},
    "adjective_m.FRA": {"en": "French", "fr": "français"},
    "adjective.RUS": {"en": "Russian", "fr": "russes"},
    "adjective_m.RUS": {"en": "Russian", "fr": "russes"},
    "adjective.USA": {"en": "US", "fr": "américaines"},
    "adjective_m.USA": {"en": "US", "fr": "américains"},
    "adjective.TUR": {"en": "Turkish", "fr": "turques"},
    "adjective_m.TUR": {"en": "Turkish", "fr": "turcs"},
    "adjective.DEU": {"en": "German", "fr": "allemandes"},
    "adjective_m.DEU": {"en": "German", "fr": "allemands"},
    "adjective.DNK": {"en": "Danish", "fr": "danoises"},
    "adjective_m.DNK": {"en": "Danish", "fr": "danois"},
    "adjective.SWE": {"en": "Swedish", "fr": "suédoises"},
    "adjective_m.SWE": {"en": "Swedish", "fr": "suédois"},
    "adjective.GBR": {"en": "British", "fr": "britanniques"},
    "adjective_m.GBR": {"en": "British", "fr": "britanniques"},
    "adjective.ITA": {"en": "Italian", "fr": "italiennes"},
    "adjective_m.ITA": {"en": "Italian", "fr": "italiens"},
    "adjective.ARE": {"en": "Emirati", "fr": "émiriennes"},
    "adjective_m.ARE": {"en": "Emirati", "fr": "émiriens"},
    "adjective.HUN": {"en": "Hungarian", "fr": "hongroises"},
    "adjective_m.HUN": {"en": "Hungarian", "fr": "hongrois"},
    "adjective.CHN": {"en": "Chinese", "fr": "chinoises"},
    "adjective_m.CHN": {"en": "Chinese", "fr": "chinois"},
    "adjective.UN": {"en": "UN", "fr": "de l'ONU"},
    "adjective_m.UN": {"en": "UN", "fr": "de l'ONU"},
    "adjective.EU": {"en": "EU", "fr": "de l'UE"},
    "adjective_m.EU": {"en": "EU", "fr": "de l'UE"},
    "adjective.ECOWAS": {"en": "ECOWAS", "fr": "de la CEDEAO"},
    "adjective_m.ECOWAS": {"en": "ECOWAS", "fr": "de la CEDEAO"},
    "adjective.G5S": {"en": "G5 Sahel", "fr": "du G5 Sahel"},
    "adjective_m.G5S": {"en": "G5 Sahel", "fr": "du G5 Sahel"},
    "adjective.AES": {"en": "AES", "fr": "de l'AES"},
    "adjective_m.AES": {"en": "AES", "fr": "de l'AES"},
    "adjective.AU": {"en": "African Union", "fr": "de l'Union africaine"},
    "adjective_m.AU": {"en": "African Union", "fr": "de l'Union africaine"},
    "adjective.MNJTF": {"en": "MNJTF", "fr": "de la FMM"},
    "adjective_m.MNJTF": {"en": "MNJTF", "fr": "de la FMM"},
    "adjective.OIF": {"en": "Francophonie", "fr": "de la Francophonie"},
    "adjective_m.OIF": {"en": "Francophonie", "fr": "de la Francophonie"},
    "adjective.ICC": {"en": "ICC", "fr": "de la CPI"},
    "adjective_m.ICC": {"en": "ICC", "fr": "de la CPI"},
    "country.all": {"en": "All four", "fr": "Les quatre"},
    "country.label": {"en": "Country", "fr": "Pays"},
    "table.title": {"en": "All events", "fr": "Tous les événements"},
    "table.country": {"en": "Country", "fr": "Pays"},
    "table.partner": {"en": "Partner", "fr": "Partenaire"},
    "table.all": {"en": "All", "fr": "Tous"},
    "table.date": {"en": "Date", "fr": "Date"},
    "table.event": {"en": "Event", "fr": "Événement"},
    "table.download": {
        "en": "Download the whole dataset (CSV):",
        "fr": "Télécharger toutes les données (CSV) :",
    },
    # The events table to study with: search, filters, order, following the map, these rows as CSV.
    "table.search": {"en": "Search titles and summaries", "fr": "Rechercher dans les titres et résumés"},
    "table.search_hint": {"en": "Takuba, Wagner, coup…", "fr": "Takuba, Wagner, coup d'État…"},
    "table.type": {"en": "Type of event", "fr": "Type d'événement"},
    "table.from": {"en": "From", "fr": "Depuis"},
    "table.to": {"en": "Up to", "fr": "Jusqu'à"},
    "table.from_any": {"en": "The beginning", "fr": "Le début"},
    "table.to_any": {"en": "Today", "fr": "Aujourd'hui"},
    "table.sort": {"en": "Order", "fr": "Ordre"},
    "table.sort.newest": {"en": "Newest first", "fr": "Récents d'abord"},
    "table.sort.oldest": {"en": "Oldest first", "fr": "Anciens d'abord"},
    "table.follow": {"en": "Follow the map", "fr": "Suivre la carte"},
    "table.follow_help": {
        "en": "On: the table shows the country chosen on the map and the events up to the date the map shows. Off: it keeps its own country and dates.",
        "fr": "Activé : le tableau montre le pays choisi sur la carte et les événements jusqu'à la date affichée par la carte. Désactivé : il garde ses propres pays et dates.",
    },
    "table.count_of": {"en": "{count} of {total} events", "fr": "{count} événements sur {total}"},
    "table.count_of_one": {"en": "{count} of {total} events", "fr": "{count} événement sur {total}"},
    "table.none": {
        "en": "No event matches this search and these filters.",
        "fr": "Aucun événement ne correspond à cette recherche et à ces filtres.",
    },
    "table.download_rows": {"en": "Download these rows (CSV)", "fr": "Télécharger ces lignes (CSV)"},
    "table.bad_request": {
        "en": "Bad request for the table's rows:",
        "fr": "Demande de lignes du tableau invalide :",
    },
    "table.type.coup": {"en": "Coup", "fr": "Coup d'État"},
    "table.type.civilian_rule": {"en": "Return to civilian rule", "fr": "Retour à un pouvoir civil"},
    "table.type.deployment": {"en": "Deployment", "fr": "Déploiement"},
    "table.type.withdrawal_announced": {"en": "Withdrawal announced", "fr": "Retrait annoncé"},
    "table.type.withdrawal_completed": {"en": "Withdrawal completed", "fr": "Retrait achevé"},
    "table.type.handover": {"en": "Handover of a base", "fr": "Rétrocession d'une base"},
    "table.type.agreement": {"en": "Agreement", "fr": "Accord"},
    "table.type.rupture": {"en": "Rupture", "fr": "Rupture"},
    "table.type.diplomatic": {"en": "Diplomacy", "fr": "Diplomatie"},
    "table.type.membership": {"en": "Joining, suspension, leaving", "fr": "Adhésion, suspension, retrait"},
    "table.type.combat": {"en": "Fighting", "fr": "Combats"},
    "table.type.political": {"en": "Politics", "fr": "Politique"},
    "problem.table_search": {
        "en": "The search “{value}” is longer than {most} characters",
        "fr": "La recherche « {value} » dépasse {most} caractères",
    },
    "fallback.table_search": {"en": "showing every event", "fr": "affichage de tous les événements"},
    "problem.table_country": {
        "en": "“{value}” is not a country of the events ({codes})",
        "fr": "« {value} » n'est pas un pays des événements ({codes})",
    },
    "fallback.table_country": {
        "en": "the table shows every country",
        "fr": "le tableau montre tous les pays",
    },
    "problem.table_partner": {
        "en": "“{value}” is not a partner in the data ({codes})",
        "fr": "« {value} » n'est pas un partenaire des données ({codes})",
    },
    "fallback.table_partner": {
        "en": "the table shows every partner",
        "fr": "le tableau montre tous les partenaires",
    },
    "problem.table_type": {
        "en": "“{value}” is not a type of event ({codes})",
        "fr": "« {value} » n'est pas un type d'événement ({codes})",
    },
    "fallback.table_type": {"en": "the table shows every type", "fr": "le tableau montre tous les types"},
    "problem.table_date": {
        "en": "“{value}” is not a year, month or day from {first} to {last}",
        "fr": "« {value} » n'est pas une année, un mois ou un jour de {first} à {last}",
    },
    "fallback.table_from": {"en": "the table starts at the beginning", "fr": "le tableau commence au début"},
    "fallback.table_to": {"en": "the table goes up to today", "fr": "le tableau va jusqu'à aujourd'hui"},
    "problem.table_order": {
        "en": "The table's end “{value}” comes before its start “{start}”",
        "fr": "La fin du tableau « {value} » précède son début « {start} »",
    },
    "problem.table_sort": {
        "en": "“{value}” is not an order of the table ({codes})",
        "fr": "« {value} » n'est pas un ordre du tableau ({codes})",
    },
    "fallback.table_sort": {"en": "newest first", "fr": "les plus récents d'abord"},
    "problem.table_follow": {
        "en": "“{value}” is not a setting for following the map (0 or 1)",
        "fr": "« {value} » n'est pas un réglage du suivi de la carte (0 ou 1)",
    },
    "fallback.table_follow": {"en": "the table follows the map", "fr": "le tableau suit la carte"},
    "problem.table_followed": {
        "en": "“{value}” is not used while the table follows the map (t_follow=0 keeps it)",
        "fr": "« {value} » n'est pas utilisé tant que le tableau suit la carte (t_follow=0 le garde)",
    },
    "nav.methodology": {"en": "Methodology and glossary", "fr": "Méthodologie et glossaire"},
    "nav.present": {"en": "Briefing mode", "fr": "Mode présentation"},
    "nav.data_changes": {
        "en": "Changes to the data, release by release",
        "fr": "Les changements des données, version par version (en anglais)",
    },
    "nav.map": {"en": "Back to the map", "fr": "Retour à la carte"},
    "nav.language": {"en": "Language", "fr": "Langue"},
    "nav.data": {"en": "Data", "fr": "Données"},
    "page.not_found": {
        "en": "There is no page at this address.",
        "fr": "Il n'y a pas de page à cette adresse.",
    },
    "glossary.serval.term": {"en": "Operation Serval", "fr": "Opération Serval"},
    "glossary.serval.text": {
        "en": "French military operation in Mali launched on 11 January 2013 to stop armed groups advancing south and retake the north; replaced by Barkhane on 1 August 2014.",
        "fr": "Opération militaire française au Mali lancée le 11 janvier 2013 pour arrêter l'avancée des groupes armés vers le sud et reprendre le nord ; remplacée par Barkhane le 1er août 2014.",
    },
    "glossary.barkhane.term": {"en": "Operation Barkhane", "fr": "Opération Barkhane"},
    "glossary.barkhane.text": {
        "en": "France's regional counter-terrorism operation across the Sahel from 1 August 2014, headquartered in N'Djamena; it left Mali in August 2022 and was formally ended on 9 November 2022.",
        "fr": "Opération antiterroriste régionale de la France au Sahel à partir du 1er août 2014, commandée depuis N'Djamena ; elle a quitté le Mali en août 2022 et a pris fin officiellement le 9 novembre 2022.",
    },
    "glossary.epervier.term": {"en": "Operation Épervier", "fr": "Opération Épervier"},
    "glossary.epervier.text": {
        "en": "French military presence in Chad from 1986, folded into Barkhane in 2014.",
        "fr": "Présence militaire française au Tchad à partir de 1986, intégrée à Barkhane en 2014.",
    },
    "glossary.sabre.term": {"en": "Task Force Sabre", "fr": "Task force Sabre"},
    "glossary.sabre.text": {
        "en": "French special forces based near Ouagadougou, Burkina Faso, until February 2023.",
        "fr": "Forces spéciales françaises basées près de Ouagadougou, au Burkina Faso, jusqu'en février 2023.",
    },
    "glossary.takuba.term": {"en": "Task Force Takuba", "fr": "Task force Takuba"},
    "glossary.takuba.text": {
        "en": "A European special forces task force under French command that operated in Mali from 2020 to mid-2022.",
        "fr": "Groupement européen de forces spéciales sous commandement français, actif au Mali de 2020 à la mi-2022.",
    },
    "glossary.minusma.term": {"en": "MINUSMA", "fr": "MINUSMA"},
    "glossary.minusma.text": {
        "en": "The UN peacekeeping mission in Mali, created by Security Council resolution 2100 in April 2013; it withdrew at Bamako's demand and closed on 31 December 2023.",
        "fr": "Mission de maintien de la paix de l'ONU au Mali, créée par la résolution 2100 du Conseil de sécurité en avril 2013 ; retirée à la demande de Bamako, elle a fermé le 31 décembre 2023.",
    },
    "glossary.eutm.term": {"en": "EUTM Mali, EUCAP Sahel", "fr": "EUTM Mali, EUCAP Sahel"},
    "glossary.eutm.text": {
        "en": "European Union missions: EUTM Mali trained the Malian army (2013–2024); EUCAP Sahel Mali and EUCAP Sahel Niger advised police and internal security forces.",
        "fr": "Missions de l'Union européenne : EUTM Mali a formé l'armée malienne (2013–2024) ; EUCAP Sahel Mali et EUCAP Sahel Niger ont conseillé la police et les forces de sécurité intérieure.",
    },
    "glossary.g5.term": {"en": "G5 Sahel", "fr": "G5 Sahel"},
    "glossary.g5.text": {
        "en": "A grouping of Mauritania, Mali, Burkina Faso, Niger and Chad founded in 2014, with a joint force from 2017; Mali left in 2022, Burkina Faso and Niger in 2023, and the remaining members announced its dissolution in December 2023.",
        "fr": "Regroupement de la Mauritanie, du Mali, du Burkina Faso, du Niger et du Tchad fondé en 2014, doté d'une force conjointe en 2017 ; le Mali l'a quitté en 2022, le Burkina Faso et le Niger en 2023, et les derniers membres ont annoncé sa dissolution en décembre 2023.",
    },
    "glossary.aes.term": {"en": "Alliance of Sahel States (AES)", "fr": "Alliance des États du Sahel (AES)"},
    "glossary.aes.text": {
        "en": "The defence pact signed by Mali, Burkina Faso and Niger on 16 September 2023 (Liptako-Gourma charter), made a confederation in July 2024.",
        "fr": "Pacte de défense signé par le Mali, le Burkina Faso et le Niger le 16 septembre 2023 (charte du Liptako-Gourma), devenu confédération en juillet 2024.",
    },
    "glossary.ecowas.term": {"en": "ECOWAS", "fr": "CEDEAO"},
    "glossary.ecowas.text": {
        "en": "The Economic Community of West African States; Mali, Burkina Faso and Niger announced their exit in January 2024, effective in January 2025.",
        "fr": "Communauté économique des États de l'Afrique de l'Ouest ; le Mali, le Burkina Faso et le Niger ont annoncé leur retrait en janvier 2024, effectif en janvier 2025.",
    },
    "glossary.wagner.term": {"en": "Wagner", "fr": "Wagner"},
    "glossary.wagner.text": {
        "en": "A Russian private military company whose fighters deployed in Mali from December 2021; it announced its departure in June 2025, handing over to Africa Corps.",
        "fr": "Société militaire privée russe dont les combattants se sont déployés au Mali à partir de décembre 2021 ; elle a annoncé son départ en juin 2025, relayée par l'Africa Corps.",
    },
    "glossary.africa_corps.term": {"en": "Africa Corps", "fr": "Africa Corps"},
    "glossary.africa_corps.text": {
        "en": "A force under the Russian defence ministry that took over Wagner's role in Africa, present in Mali, Burkina Faso and Niger.",
        "fr": "Force placée sous l'autorité du ministère russe de la Défense qui a repris le rôle de Wagner en Afrique, présente au Mali, au Burkina Faso et au Niger.",
    },
    "glossary.title": {"en": "Glossary", "fr": "Glossaire"},
    "year.marks_help": {
        "en": "A tick marks each month in which the map's colours changed; years in bold had one. "
        "← → move a month, Page Up / Page Down a year.",
        "fr": "Un trait marque chaque mois où les couleurs de la carte ont changé ; les années en gras en ont "
        "connu un. ← → changent de mois, Page préc. / Page suiv. d'année.",
    },
    "year.label": {"en": "Month shown", "fr": "Mois affiché"},
    "year.prev": {"en": "Previous month", "fr": "Mois précédent"},
    "year.next": {"en": "Next month", "fr": "Mois suivant"},
    "year.play": {"en": "Play", "fr": "Lecture"},
    "year.pause": {"en": "Pause", "fr": "Pause"},
    "panel.summary_title": {"en": "At a glance", "fr": "En bref"},
    "panel.month_changes_title": {"en": "What changed in {period}", "fr": "Ce qui a changé en {period}"},
    "panel.year_changes_title": {"en": "What changed in {year}", "fr": "Ce qui a changé en {year}"},
    "panel.no_change_month": {
        "en": "No change of principal partner this month.",
        "fr": "Aucun changement de partenaire principal ce mois-ci.",
    },
    "year.speed": {"en": "Playback speed", "fr": "Vitesse de lecture"},
    "panel.no_change": {
        "en": "No change of principal partner this year.",
        "fr": "Aucun changement de partenaire principal cette année.",
    },
    "panel.change": {
        "en": "{country}: {before} → {after}",
        "fr": "{country} : {before} → {after}",
    },
    "panel.events_title": {
        "en": "Key events of {period}",
        "fr": "Événements clés de {period}",
    },
    "panel.no_events": {
        "en": "No recorded event this year.",
        "fr": "Aucun événement recensé cette année.",
    },
    "panel.sources": {"en": "Sources: ", "fr": "Sources : "},
    "summary.intro": {"en": "On {date}", "fr": "Au {date}"},
    "summary.group": {"en": "{label}: {countries}", "fr": "{label} : {countries}"},
    "summary.and": {"en": "and", "fr": "et"},
    "notice.line": {"en": "{problem}; {fallback}.", "fr": "{problem} ; {fallback}."},
    "notice.line_alone": {"en": "{problem}.", "fr": "{problem}."},
    "problem.period": {
        "en": "“{value}” is not a date the map covers (a month from {first} to {last}, or a day of one)",
        "fr": "« {value} » n'est pas une date couverte par la carte (un mois de {first} à {last}, ou un jour)",
    },
    "fallback.period": {"en": "showing {period}", "fr": "affichage de {period}"},
    "fallback.compare": {"en": "no comparison shown", "fr": "pas de comparaison"},
    "compare.title": {"en": "{first} and {second} compared", "fr": "Comparaison du {first} et du {second}"},
    "compare.changes_title": {
        "en": "What changed between the two dates",
        "fr": "Ce qui a changé entre les deux dates",
    },
    "compare.changed": {"en": "What changed:", "fr": "Ce qui a changé :"},
    "compare.sep": {"en": "; ", "fr": " ; "},
    "compare.none": {
        "en": "No country's principal partner differs between the two dates.",
        "fr": "Aucun pays ne change de partenaire principal entre les deux dates.",
    },
    "compare.outline": {
        "en": "Thick outline: principal partner differs between the two dates",
        "fr": "Contour épais : partenaire principal différent entre les deux dates",
    },
    "compare.outline_short": {"en": "Outline: partner differs", "fr": "Contour : partenaire différent"},
    "bases.together": {"en": "several at one place", "fr": "plusieurs au même endroit"},
    "base.together": {
        "en": "{count} bases in use at this place",
        "fr": "{count} bases en service à cet endroit",
    },
    "compare.with": {"en": "Compare with…", "fr": "Comparer avec…"},
    "compare.pick": {"en": "Compare this date with:", "fr": "Comparer cette date avec :"},
    "compare.first": {"en": "First date", "fr": "Première date"},
    "compare.second": {"en": "Second date", "fr": "Seconde date"},
    "compare.go": {"en": "Compare", "fr": "Comparer"},
    "compare.stop": {"en": "Back to one map", "fr": "Revenir à une seule carte"},
    "compare.alt_intro": {
        "en": "Two maps of the Sahel (Mali, Burkina Faso, Niger, Chad) side by side.",
        "fr": "Deux cartes du Sahel (Mali, Burkina Faso, Niger, Tchad) côte à côte.",
    },
    "problem.lang": {
        "en": "Language “{value}” is not available",
        "fr": "La langue « {value} » n'est pas disponible",
    },
    "fallback.lang": {"en": "showing English", "fr": "affichage en anglais"},
    "problem.country": {
        "en": "“{value}” is not one of the four countries ({codes})",
        "fr": "« {value} » n'est pas l'un des quatre pays ({codes})",
    },
    "fallback.country": {"en": "showing all four", "fr": "affichage des quatre"},
    "problem.lens": {
        "en": "“{value}” is not a view of the map ({codes})",
        "fr": "« {value} » n'est pas une vue de la carte ({codes})",
    },
    "fallback.lens": {"en": "showing the principal partners", "fr": "affichage des principaux partenaires"},
    "problem.bases": {
        "en": "“{value}” is not a bases setting (0 or 1)",
        "fr": "« {value} » n'est pas un réglage des bases (0 ou 1)",
    },
    "fallback.bases": {"en": "showing the bases", "fr": "affichage des bases"},
    "problem.controls": {
        "en": "“{value}” is not a controls setting (0 or 1)",
        "fr": "« {value} » n'est pas un réglage des commandes (0 ou 1)",
    },
    "fallback.controls": {"en": "showing the controls", "fr": "affichage des commandes"},
    "problem.theme": {
        "en": "“{value}” is not a theme ({themes})",
        "fr": "« {value} » n'est pas un thème ({themes})",
    },
    "fallback.theme": {"en": "showing the light theme", "fr": "affichage du thème clair"},
    "problem.step": {
        "en": "“{value}” is not a step of the story (1 to {last})",
        "fr": "« {value} » n'est pas une étape du récit (1 à {last})",
    },
    "fallback.step": {"en": "showing step 1", "fr": "affichage de l'étape 1"},
    "problem.format": {
        "en": "“{value}” is not one of {formats}",
        "fr": "« {value} » n'est pas l'un des formats {formats}",
    },
    "snapshot.too_small": {
        "en": "size: {width} × {height} px is too small for the map, its legend and its credit; "
        "at this width the picture needs a height of {least} px (or give the width alone)",
        "fr": "size : {width} × {height} px est trop petit pour la carte, sa légende et son crédit ; "
        "à cette largeur, l'image demande une hauteur de {least} px (ou ne donnez que la largeur)",
    },
    "problem.preset": {
        "en": "“{value}” is not one of the presets {presets} (a comparison has none)",
        "fr": "« {value} » n'est pas l'un des formats prédéfinis {presets} (une comparaison n'en a pas)",
    },
    "problem.number": {"en": "“{value}” is not a number", "fr": "« {value} » n'est pas un nombre"},
    "problem.range": {
        "en": "{value} is out of range ({low} to {high})",
        "fr": "{value} est hors limites ({low} à {high})",
    },
    "problem.pixels": {
        "en": "width × height × scale² is more than {pixels} pixels",
        "fr": "largeur × hauteur × échelle² dépasse {pixels} pixels",
    },
    "methodology.title": {"en": "Methodology", "fr": "Méthodologie"},
    "language.name": {"en": "English", "fr": "Français"},  # each language's name in itself
    "legend.changed_short": {
        "en": "thick outline: changed that month",
        "fr": "contour épais : changement dans le mois",
    },
    "share.credit": {
        "en": "Source: {app} ({sources} cited sources) — data reviewed up to {date}",
        "fr": "Source : {app} ({sources} sources citées) — données vérifiées jusqu'au {date}",
    },
    "source.copy": {"en": "copy read on {site}", "fr": "copie lue sur {site}"},
    "source.unnamed_copy": {"en": "copy that names no original", "fr": "copie sans source d'origine"},
    "source.state_media": {"en": "state media, {state}", "fr": "média d'État, {state}"},
    "confidence.reported": {"en": "reported", "fr": "rapporté"},
    "confidence.disputed": {"en": "disputed", "fr": "contesté"},
    "confidence.reported_help": {
        "en": "Reported by one outlet, or a claim attributed to one side.",
        "fr": "Rapporté par un seul média, ou affirmation attribuée à une partie.",
    },
    "confidence.disputed_help": {
        "en": "Sources disagree; the note gives both versions.",
        "fr": "Les sources divergent ; la note donne les deux versions.",
    },
    "review.notice": {
        "en": "Data reviewed up to {date} — later changes are not shown",
        "fr": "Données vérifiées jusqu'au {date} — les changements ultérieurs ne sont pas montrés",
    },
    "share.alt_intro": {
        "en": "Map of the Sahel (Mali, Burkina Faso, Niger, Chad).",
        "fr": "Carte du Sahel (Mali, Burkina Faso, Niger, Tchad).",
    },
    "share.alt_lens": {
        "en": "Presence of {partner} on {date} — {groups}.",
        "fr": "Présence : {partner} au {date} — {groups}.",
    },
    "share.alt_selected": {"en": "{country} is highlighted.", "fr": "{country} est mis en évidence."},
    "share.open": {"en": "Share or download", "fr": "Partager ou télécharger"},
    "builder.open": {"en": "Embed options and preview", "fr": "Options d'intégration et aperçu"},
    "builder.date": {"en": "Date", "fr": "Date"},
    "builder.follow": {"en": "the map's (follows the slider)", "fr": "celle de la carte (suit le curseur)"},
    "builder.fixed": {"en": "a fixed month", "fr": "un mois fixe"},
    "builder.month": {"en": "Month of the embed", "fr": "Mois de la carte intégrée"},
    "builder.controls": {"en": "Month slider in the embed", "fr": "Curseur des mois dans la carte intégrée"},
    "builder.plain": {
        "en": "Plain frame, no script (for sites that remove scripts; the height is fixed)",
        "fr": "Cadre seul, sans script (pour les sites qui retirent les scripts ; hauteur fixe)",
    },
    "builder.lang": {"en": "Language", "fr": "Langue"},
    "builder.theme": {"en": "Theme", "fr": "Thème"},
    "builder.theme_light": {"en": "light", "fr": "clair"},
    "builder.theme_dark": {"en": "dark", "fr": "sombre"},
    "builder.theme_auto": {"en": "the reader's setting", "fr": "réglage du lecteur"},
    "builder.height": {"en": "Height (px)", "fr": "Hauteur (px)"},
    "builder.preview": {"en": "Preview of the embed", "fr": "Aperçu de la carte intégrée"},
    "share.permalink": {"en": "Link to this view", "fr": "Lien vers cette vue"},
    "share.embed": {"en": "Embed code for a web page", "fr": "Code d'intégration pour une page web"},
    "share.embed_help": {
        "en": "Paste both lines into the article: the frame sizes itself to the map.",
        "fr": "Collez les deux lignes dans l'article : le cadre prend la hauteur de la carte.",
    },
    "share.copy": {"en": "Copy", "fr": "Copier"},
    "share.copied": {"en": "Copied.", "fr": "Copié."},
    "share.copy_failed": {
        "en": "Could not copy: select the text and copy it by hand.",
        "fr": "Copie impossible : sélectionnez le texte et copiez-le à la main.",
    },
    "share.download": {"en": "Download this view", "fr": "Télécharger cette vue"},
    "share.png": {"en": "Image (PNG)", "fr": "Image (PNG)"},
    "share.svg": {"en": "Vector image (SVG)", "fr": "Image vectorielle (SVG)"},
    "share.csv": {"en": "Data (CSV)", "fr": "Données (CSV)"},
    "share.download_help": {
        "en": "Images carry the title, legend, date and source.",
        "fr": "Les images portent le titre, la légende, la date et la source.",
    },
    "share.server_images": {
        "en": "Image links for publishing (made by the server):",
        "fr": "Liens d'images à publier (produites par le serveur) :",
    },
    "share.saved": {"en": "Saved {name}.", "fr": "{name} enregistré."},
    # Cite this view (the share dialog; data/cite.py)
    "cite.open": {"en": "Cite this view", "fr": "Citer cette vue"},
    "cite.help": {
        "en": "For an essay or an article: what the map shows and when, the data release and the "
        "address of this view. The date accessed is today's.",
        "fr": "Pour un mémoire ou un article : ce que montre la carte et à quelle date, la version des "
        "données et l'adresse de cette vue. La date de consultation est celle d'aujourd'hui.",
    },
    "cite.chicago": {"en": "Plain text (Chicago)", "fr": "Texte (Chicago)"},
    "cite.apa": {"en": "APA", "fr": "APA"},
    "cite.bibtex": {"en": "BibTeX", "fr": "BibTeX"},
    "cite.compared": {"en": "{first} and {second} compared", "fr": "comparaison du {first} et du {second}"},
    "cite.chicago_text": {
        "en": "{author}. “{title}.” Interactive map, data release {release} (data reviewed up to "
        "{reviewed}). Accessed {accessed}. {url}.",
        "fr": "{author}. « {title} ». Carte interactive, version des données {release} (données "
        "vérifiées jusqu'au {reviewed}). Consulté le {accessed}. {url}.",
    },
    "cite.apa_text": {
        "en": "{author}. ({year}). {title} (Version {release}, data reviewed up to {reviewed}) "
        "[Data set]. Retrieved {accessed}, from {url}",
        "fr": "{author}. ({year}). {title} (Version {release}, données vérifiées jusqu'au {reviewed}) "
        "[Jeu de données]. Consulté le {accessed}, à l'adresse {url}",
    },
    "cite.bibtex_kind": {"en": "Interactive map and data set", "fr": "Carte interactive et jeu de données"},
    "cite.bibtex_note": {
        "en": "Data release {release}, data reviewed up to {reviewed}. {shown}.",
        "fr": "Version des données {release}, données vérifiées jusqu'au {reviewed}. {shown}.",
    },
    "cite.shown_one": {"en": "Date shown: {date}", "fr": "Date affichée : {date}"},
    "cite.shown_two": {
        "en": "Dates shown: {first} and {second}",
        "fr": "Dates affichées : {first} et {second}",
    },
    "present.sources": {"en": "Sources:", "fr": "Sources :"},
    "present.more_sources": {"en": "{count} more", "fr": "{count} de plus"},
    "present.progress": {"en": "Step {step} of {count}", "fr": "Étape {step} sur {count}"},
    "present.playing": {"en": "Playing {start} → {end}", "fr": "Lecture {start} → {end}"},
    "present.end": {"en": "End of the briefing", "fr": "Fin de la présentation"},
    "present.end_steps": {"en": "{count} steps", "fr": "{count} étapes"},
    "present.end_leave": {
        "en": "Q: leave for the map · ←: back to the last step",
        "fr": "Q : quitter pour la carte · ← : revenir à la dernière étape",
    },
    "present.end_progress": {"en": "End · {count} steps", "fr": "Fin · {count} étapes"},
    "present.notes_title": {"en": "Presenter notes", "fr": "Notes de présentation"},
    "present.notes_now": {"en": "Now", "fr": "Maintenant"},
    "present.notes_next": {"en": "Next", "fr": "Ensuite"},
    "present.notes_notes": {"en": "Speaker notes", "fr": "Notes"},
    "present.notes_none": {"en": "No notes for this step.", "fr": "Pas de notes pour cette étape."},
    "present.notes_sources": {"en": "Sources", "fr": "Sources"},
    "present.notes_elapsed": {"en": "Elapsed", "fr": "Écoulé"},
    "present.notes_keys": {
        "en": "Keys here move the wall too: → next · ← back · P play · B black screen · L français",
        "fr": "Les touches d'ici font aussi avancer le mur : → suivant · ← retour · P lecture · "
        "B écran noir · L English",
    },
    "present.paused": {"en": "paused", "fr": "en pause"},
    "present.keys": {
        "en": "→ next · ← back · P play · B black · K bases · N notes · F full screen · L français · Q leave",
        "fr": "→ suivant · ← retour · P lecture · B noir · K bases · N notes · F plein écran · L English"
        " · Q quitter",
    },
    "present.no_story": {
        "en": "This dataset has no story (data/story.csv), so there is nothing to present.",
        "fr": "Ce jeu de données n'a pas de récit (data/story.csv) : rien à présenter.",
    },
    "handout.kind": {"en": "Briefing handout", "fr": "Dossier de la présentation"},
    "handout.reviewed": {"en": "Data reviewed up to {date}", "fr": "Données vérifiées jusqu'au {date}"},
    "handout.steps": {"en": "{count} steps", "fr": "{count} étapes"},
    "handout.rule": {"en": "The colour rule", "fr": "La règle des couleurs"},
    "handout.rule_source": {
        "en": "From the methodology (/methodology), which also gives the colours' limits and sources.",
        "fr": "Extrait de la méthodologie (/methodology), qui expose aussi les limites et les sources.",
    },
    "handout.bad_paper": {
        "en": "paper “{value}” is not one of: {papers}",
        "fr": "le papier « {value} » n'est pas l'un de : {papers}",
    },
    "handout.bad_lang": {
        "en": "lang “{value}” is not one of: {langs}",
        "fr": "la langue « {value} » n'est pas l'une de : {langs}",
    },
    "handout.format": {
        "en": "{name}: a handout is written as .pdf",
        "fr": "{name} : un dossier s'écrit en .pdf",
    },
    "handout.is_folder": {
        "en": "{name} is a folder: give the handout's file name",
        "fr": "{name} est un dossier : donnez le nom du fichier du dossier",
    },
    "handout.no_browser": {
        "en": "No handout was made: no Chromium was found to draw its maps and print it (BROWSER_PATH names one).",
        "fr": "Aucun dossier n'a été fait : Chromium est introuvable pour en dessiner les cartes et l'imprimer (BROWSER_PATH en désigne un).",
    },
    "handout.stopped": {
        "en": "The handout stopped, no file was written: {reason}",
        "fr": "Le dossier s'est arrêté, aucun fichier n'a été écrit : {reason}",
    },
    "handout.wrote": {
        "en": "wrote {path}: {pages} pages, {size}",
        "fr": "{path} écrit : {pages} pages, {size}",
    },
    "handout.making": {
        "en": "The handout is being made (a map for each step). Try again in half a minute.",
        "fr": "Le dossier est en préparation (une carte par étape). Réessayez dans une demi-minute.",
    },
    "export.index": {"en": "All dates", "fr": "Toutes les dates"},
    "export.nav": {"en": "Dates and languages", "fr": "Dates et langues"},
    "export.months": {"en": "The map month by month", "fr": "La carte mois par mois"},
    "export.pictures": {"en": "Pictures of {year}", "fr": "Images de {year}"},
    "export.years": {"en": "Year by year", "fr": "Année par année"},
    "export.moved": {
        "en": "This map is now on the month-by-month page: {period}.",
        "fr": "Cette carte est désormais sur la page mois par mois : {period}.",
    },
    "export.preset.article": {"en": "article", "fr": "article"},
    "export.preset.wide": {"en": "wide", "fr": "large"},
    "export.preset.square": {"en": "square", "fr": "carré"},
    "export.preset.story": {"en": "story", "fr": "story"},
    "share.alt": {"en": "Alt text", "fr": "Texte alternatif"},
    "embed.full_view": {"en": "Open the full map", "fr": "Ouvrir la carte complète"},
    "video.bad_month": {
        "en": "--{option} {value}: not a month of the map (YYYY-MM, from {first} to {last}); no video was made",
        "fr": "--{option} {value} : ce n'est pas un mois de la carte (AAAA-MM, de {first} à {last}) ; aucune vidéo n'a été faite",
    },
    "video.order": {
        "en": "--from {first} comes after --to {last}; no video was made",
        "fr": "--from {first} est postérieur à --to {last} ; aucune vidéo n'a été faite",
    },
    "video.format": {
        "en": "{name}: a video is written as .mp4 or .gif; no video was made",
        "fr": "{name} : une vidéo s'écrit en .mp4 ou en .gif ; aucune vidéo n'a été faite",
    },
    "video.no_browser": {
        "en": "No video was made: no Chromium was found to draw its frames (BROWSER_PATH names one).",
        "fr": "Aucune vidéo n'a été faite : Chromium est introuvable pour en dessiner les images (BROWSER_PATH en désigne un).",
    },
    "video.stopped": {
        "en": "The video stopped, no file was written: {reason}",
        "fr": "La vidéo s'est arrêtée, aucun fichier n'a été écrit : {reason}",
    },
    "video.frames": {"en": "frames", "fr": "images"},
    "video.wrote": {
        "en": "wrote {path}: {frames} frames ({months} months), {seconds} s, {size}",
        "fr": "{path} écrit : {frames} images ({months} mois), {seconds} s, {size}",
    },
    "snapshot.busy": {
        "en": "Too many images are being made on this server right now. Try again in a few seconds.",
        "fr": "Ce serveur produit trop d'images en ce moment. Réessayez dans quelques secondes.",
    },
    "snapshot.restarting": {
        "en": "The image renderer stopped and is starting again. Try again in a few seconds.",
        "fr": "Le moteur d'images s'est arrêté et redémarre. Réessayez dans quelques secondes.",
    },
    "snapshot.no_browser": {
        "en": "Images cannot be made on this server: no Chromium was found. The map's own download "
        "button still works in your browser.",
        "fr": "Ce serveur ne peut pas produire d'images : Chromium est introuvable. Le bouton de "
        "téléchargement de la carte fonctionne toujours dans votre navigateur.",
    },
    "snapshot.timeout": {
        "en": "The image took too long to make; please try again.",
        "fr": "L'image a pris trop de temps ; veuillez réessayer.",
    },
    "snapshot.bad_request": {"en": "Bad snapshot request:", "fr": "Demande d'image invalide :"},
    "problem.positive": {
        "en": "“{value}” is not a whole number above 0",
        "fr": "« {value} » n'est pas un nombre entier supérieur à 0",
    },
    "oembed.bad_request": {"en": "Bad oEmbed request:", "fr": "Demande oEmbed invalide :"},
    "oembed.not_found": {
        "en": "No view of this map at this address: give the full address of a page of this site.",
        "fr": "Aucune vue de cette carte à cette adresse : donnez l'adresse complète d'une page de ce site.",
    },
    "oembed.format": {
        "en": "Only the JSON format is offered (format=json).",
        "fr": "Seul le format JSON est proposé (format=json).",
    },
    "credit": {
        "en": "Shapes: Natural Earth (public domain). Events and partnerships: dated and sourced, "
        "see each event's sources.",
        "fr": "Contours : Natural Earth (domaine public). Événements et partenariats datés et "
        "sourcés : voir les sources de chaque événement.",
    },
}

MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
    "fr": (
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ),
}  # fmt: skip


def t(key: str, lang: Lang, **values: object) -> str:
    """The text for `key` in `lang`, with `{placeholders}` filled from `values`."""
    text = TEXT[key][lang]
    return text.format(**values) if values else text


def format_date(day: dt.date, lang: Lang, precision: str = "day") -> str:
    """A date written in full: "28 November 2024" / "28 novembre 2024", "1er août 2014"."""
    month = MONTHS[lang][day.month - 1]
    if precision == "year":
        return str(day.year)
    if precision == "month":
        return f"{month.capitalize() if lang == 'en' else month} {day.year}"
    number = "1er" if lang == "fr" and day.day == 1 else str(day.day)
    return f"{number} {month} {day.year}"


def join_words(items: list[str], lang: Lang) -> str:
    """ "Mali, Niger and Chad" / "le Mali, le Niger et le Tchad" without articles: "Mali, Niger et Tchad"."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {t('summary.and', lang)} {items[-1]}"


def parse_lang(value: str | None) -> Lang | None:
    """The language for a URL value, or None when it is not one we have."""
    if value in LANGS:
        return value  # type: ignore[return-value]
    return None
