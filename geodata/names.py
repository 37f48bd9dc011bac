"""Display names of the countries drawn on the map, in English and French.

ISO 3166 alpha-3 codes are the join key everywhere in the project. The names are the short forms a
reader expects on a map (not the formal ISO names). Only the countries listed here are kept when the
shapes are built.
"""

from __future__ import annotations

# The four countries the map is about, in the order they are listed on screen.
FOCUS: tuple[str, ...] = ("MLI", "BFA", "NER", "TCD")

# alpha-3 -> (ISO numeric used by Natural Earth / world-atlas, English name, French name)
COUNTRIES: dict[str, tuple[str, str, str]] = {
    "DZA": ("012", "Algeria", "Algérie"),
    "AGO": ("024", "Angola", "Angola"),
    "BEN": ("204", "Benin", "Bénin"),
    "BWA": ("072", "Botswana", "Botswana"),
    "BFA": ("854", "Burkina Faso", "Burkina Faso"),
    "BDI": ("108", "Burundi", "Burundi"),
    "CMR": ("120", "Cameroon", "Cameroun"),
    "CAF": ("140", "Central African Rep.", "Centrafrique"),
    "TCD": ("148", "Chad", "Tchad"),
    "COG": ("178", "Congo", "Congo"),
    "COD": ("180", "DR Congo", "RD Congo"),
    "CIV": ("384", "Côte d'Ivoire", "Côte d'Ivoire"),
    "DJI": ("262", "Djibouti", "Djibouti"),
    "EGY": ("818", "Egypt", "Égypte"),
    "GNQ": ("226", "Equatorial Guinea", "Guinée équatoriale"),
    "ERI": ("232", "Eritrea", "Érythrée"),
    "SWZ": ("748", "Eswatini", "Eswatini"),
    "ETH": ("231", "Ethiopia", "Éthiopie"),
    "GAB": ("266", "Gabon", "Gabon"),
    "GMB": ("270", "Gambia", "Gambie"),
    "GHA": ("288", "Ghana", "Ghana"),
    "GIN": ("324", "Guinea", "Guinée"),
    "GNB": ("624", "Guinea-Bissau", "Guinée-Bissau"),
    "KEN": ("404", "Kenya", "Kenya"),
    "LSO": ("426", "Lesotho", "Lesotho"),
    "LBR": ("430", "Liberia", "Liberia"),
    "LBY": ("434", "Libya", "Libye"),
    "MWI": ("454", "Malawi", "Malawi"),
    "MLI": ("466", "Mali", "Mali"),
    "MRT": ("478", "Mauritania", "Mauritanie"),
    "MAR": ("504", "Morocco", "Maroc"),
    "MOZ": ("508", "Mozambique", "Mozambique"),
    "NAM": ("516", "Namibia", "Namibie"),
    "NER": ("562", "Niger", "Niger"),
    "NGA": ("566", "Nigeria", "Nigeria"),
    "RWA": ("646", "Rwanda", "Rwanda"),
    "SEN": ("686", "Senegal", "Sénégal"),
    "SLE": ("694", "Sierra Leone", "Sierra Leone"),
    "SOM": ("706", "Somalia", "Somalie"),
    "ZAF": ("710", "South Africa", "Afrique du Sud"),
    "SSD": ("728", "South Sudan", "Soudan du Sud"),
    "SDN": ("729", "Sudan", "Soudan"),
    "TZA": ("834", "Tanzania", "Tanzanie"),
    "TGO": ("768", "Togo", "Togo"),
    "TUN": ("788", "Tunisia", "Tunisie"),
    "UGA": ("800", "Uganda", "Ouganda"),
    "ESH": ("732", "Western Sahara", "Sahara occidental"),
    "ZMB": ("894", "Zambia", "Zambie"),
    "ZWE": ("716", "Zimbabwe", "Zimbabwe"),
}
