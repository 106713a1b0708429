"""Closed-class English words the components share, in one place (as spaCy keeps them in ``spacy/lang/en``).

Open-class lists that grow with the news (titles, trigger words, hedges) are data: ``kg/data/lexicon/``.

>>> "she" in PERSONAL_PRONOUNS, "towards" in DESTINATION_PREPOSITIONS
(True, True)
"""

# Subject pronouns.
PERSONAL_PRONOUNS = {"they", "he", "she", "it", "we", "i"}

# Modals that make an event possible, not done.
MODALS_OF_POSSIBILITY = {"could", "might", "may", "would", "can"}

# Pronouns that refer back to the last person named.
SINGULAR_PERSON_PRONOUNS = {"he", "she"}

# Determiners of a definite noun phrase ('the unrest').
DEFINITE_DETERMINERS = {"the", "this", "that", "these", "those"}

# Relative pronouns.
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}

# Prepositions of destination.
DESTINATION_PREPOSITIONS = {"to", "into", "toward", "towards"}

# Prepositions of origin.
ORIGIN_PREPOSITIONS = {"from", "out"}

# Prepositions whose object is where something happens.
PLACE_PREPOSITIONS = {
    "in",
    "at",
    "near",
    "inside",
    "outside",
    "across",
    "around",
    "throughout",
    "within",
    "on",
}

# Lower-case words inside multi-word names (function words and Arabic/Romance particles).
NAME_PARTICLES = {"of", "the", "and", "for", "in", "on", "de", "du", "la", "al", "el"}

# Prepositions that attach a person to an organisation ('an analyst with X').
MEMBERSHIP_PREPOSITIONS = {"with", "at", "of", "for", "from", "in"}

# Words between a number and its unit ('200 of the detainees').
COUNT_FILLERS = {"of", "the", "more", "additional", "other", "some", "further"}

# Multipliers of number words.
NUMBER_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

# Number words.
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a dozen": 12,
    "dozen": 12,
}

# Month names and abbreviations.
MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|"
    "september|october|november|december"
)

# Words that stay lower-case in a Title Case headline.
TITLE_CASE_SMALL_WORDS = {
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "by",
    "with",
    "from",
    "as",
    "is",
    "are",
    "after",
    "amid",
    "over",
    "into",
    "vs",
    "via",
    "who",
    "and/or",
}
