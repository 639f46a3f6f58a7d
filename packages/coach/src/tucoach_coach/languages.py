"""Which language an answer is written in, told by its most common little words.

The offline rubric reads English only, so it must know when an answer is not English rather
than score it as off-topic. Each language is recognised by function words that are frequent in
it and rare in the others (English's own list is `language.STOP_WORDS`); the language whose
words make up the largest share of the answer wins, English on a tie or when too few words are
known. Technical terms are English in every language, which is why a clear majority is needed.
"""

from __future__ import annotations

import re

from tucoach_coach.language import STOP_WORDS

ENGLISH = "en"
# Fewer words than this are too few to tell; they are taken as English.
MIN_WORDS = 5
# Another language must cover this share of the words, and more than English does.
MIN_SHARE = 0.15

_LETTERS = re.compile(r"[^\W\d_]+")


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "es": _word_set(
        "el la los las un una unos unas del al y o pero porque que qué cuando donde como "
        "para por con sin sobre entre es son está están ser estar fue hay muy más menos "
        "también pero si se lo le les su sus mi mis nuestro nuestra esto este esta estos "
        "estas eso ese esa cada otro otra otros todo todos puede pueden hace hacer usar "
        "uso usamos tiene tienen cual cuál entonces aunque mientras ya"
    ),
    "fr": _word_set(
        "le la les un une des du de et ou mais parce que qui quand où comme pour par avec "
        "sans sur entre est sont être était il elle ils elles nous vous je on ce cette ces "
        "son sa ses leur leurs très plus moins aussi si ne pas peut peuvent faire utiliser "
        "chaque autre tout tous donc alors lorsque"
    ),
    "de": _word_set(
        "der die das den dem des ein eine einen einem einer und oder aber weil dass wenn "
        "wo wie für mit ohne auf zwischen ist sind sein war wird werden ich wir sie es man "
        "nicht kein keine sehr mehr weniger auch sich dann noch nur kann können machen "
        "jede jeder jedes andere alle also bei von zu zum zur"
    ),
    "pt": _word_set(
        "o os a as um uma uns umas do da dos das e ou mas porque que quando onde como para "
        "por com sem sobre entre é são está estão ser estar foi há muito mais menos também "
        "se ele ela eles elas nós eu isso isto este esta esse essa cada outro outra todo "
        "todos pode podem fazer usar então embora não"
    ),
    "it": _word_set(
        "il lo la i gli le un uno una del della dei delle e o ma perché che quando dove "
        "come per con senza su tra fra è sono essere era c'è molto più meno anche se si "
        "io noi voi loro questo questa questi queste ogni altro altra tutto tutti può "
        "possono fare usare quindi allora non"
    ),
}
# Names of the languages people are most likely to answer in (an LLM engine reads any of
# them); others are shown by their code.
LANGUAGE_NAMES = {
    "ca": "Catalan",
    "de": "German",
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "hi": "Hindi",
    "it": "Italian",
    "ja": "Japanese",
    "ko": "Korean",
    "nl": "Dutch",
    "pl": "Polish",
    "pt": "Portuguese",
    "ru": "Russian",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "zh": "Chinese",
}


def language_name(code: str | None) -> str:
    """The language's English name: "Spanish" for "es"; an unknown code is named as such."""
    if not code:
        return "another language"
    return LANGUAGE_NAMES.get(code, f"the language coded {code!r}")


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the text's language: "en" unless another one clearly dominates."""
    tokens = _LETTERS.findall(text.lower())
    if len(tokens) < MIN_WORDS:
        return ENGLISH
    english = sum(t in STOP_WORDS for t in tokens)
    best, best_count = ENGLISH, english
    for language, function_words in FUNCTION_WORDS.items():
        count = sum(t in function_words for t in tokens)
        if count > best_count:
            best, best_count = language, count
    if best != ENGLISH and best_count / len(tokens) < MIN_SHARE:
        return ENGLISH
    return best


ALL_STOP_WORDS = STOP_WORDS.union(*FUNCTION_WORDS.values())
