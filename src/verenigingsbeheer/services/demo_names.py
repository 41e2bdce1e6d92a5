"""Names for the demo association: a Hague choir, so Dutch names with tussenvoegsels
and the names of the city's other communities too. Invented combinations only."""

FIRST_NAMES_F = (
    "Anna", "Marieke", "Sanne", "Femke", "Ingrid", "Els", "Joke", "Wilma", "Noor", "Lotte",
    "Saskia", "Mirjam", "Hanneke", "Ria", "Astrid", "Fatima", "Yasmina", "Priya", "Gülşen",
    "Renée", "Chantal", "Margriet", "Tineke", "Annelies", "Josephine", "Dewi", "Esther",
    "Iris", "Maaike", "Liesbeth", "Carla", "Zoë", "Anouk", "Henriëtte", "Sophie", "Gerda",
)
FIRST_NAMES_M = (
    "Jan", "Pieter", "Kees", "Willem", "Henk", "Bram", "Joost", "Maarten", "Ruud", "Gerrit",
    "Thijs", "Sander", "Erik", "Dirk", "Arjen", "Mohamed", "Rachid", "Emre", "Ravi", "René",
    "Frans", "Hans", "Jeroen", "Koen", "Bas", "Floris", "Teun", "Wouter", "Stefan", "Adriaan",
)
TUSSENVOEGSELS = (
    "", "", "", "", "", "van", "van", "de", "de", "van der", "van den", "van de", "ter",
    "den", "in 't", "op de", "van 't",
)
LAST_NAMES = (
    "Berg", "Jong", "Vries", "Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer", "Boer",
    "Mulder", "Groot", "Bos", "Vos", "Peters", "Hendriks", "Leeuwen", "Dekker", "Brouwer", "Wit",
    "Dijkstra", "Smits", "Graaf", "Meer", "Linden", "Kok", "Jacobs", "Haan", "Vermeulen", "Heuvel",
    "Veen", "Broek", "Bruijn", "Boelens", "Boëlens", "Schouten", "Willems", "Hoekstra", "Koster",
    "Prins", "Postma", "Kuipers", "Huisman", "Maas", "Wal", "Horst", "Steen", "Zanden", "Hoek",
    "Yılmaz", "El Amrani", "Ramdin", "Tjon A Fat", "Soekhradj", "Kartosen", "Bouzid", "Çelik",
)
STREETS = (
    "Prinsegracht", "Laan van Meerdervoort", "Weimarstraat", "Fahrenheitstraat", "Valkenboslaan",
    "Thomsonlaan", "Frederik Hendriklaan", "Stationsweg", "Loosduinseweg", "Elandstraat",
    "Javastraat", "Vaillantlaan", "Hoefkade", "Beeklaan", "Regentesselaan", "Zoutmanstraat",
    "Koningin Emmakade", "Paul Krugerlaan", "Goudenregenstraat", "Sportlaan",
)
# Postcode ranges of The Hague (2491-2599), as four digits; letters are drawn at random.
POSTCODE_DIGITS = tuple(range(2491, 2598))
