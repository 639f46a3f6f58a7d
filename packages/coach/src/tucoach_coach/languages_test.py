from __future__ import annotations

import pytest

from tucoach_coach.languages import ALL_STOP_WORDS, detect_language

ANSWERS = {
    "en": "I would add an index on the customer id column, because the query filters on it "
    "and the table is large.",
    "es": "Añadiría un índice sobre la columna del cliente, porque la consulta filtra por ella "
    "y la tabla es muy grande.",
    "fr": "J'ajouterais un index sur la colonne du client, parce que la requête filtre sur "
    "elle et la table est très grande.",
    "de": "Ich würde einen Index auf die Kundenspalte legen, weil die Abfrage danach filtert "
    "und die Tabelle sehr groß ist.",
    "pt": "Eu adicionaria um índice na coluna do cliente, porque a consulta filtra por ela e "
    "a tabela é muito grande.",
    "it": "Aggiungerei un indice sulla colonna del cliente, perché la query filtra su di essa "
    "e la tabella è molto grande.",
}


@pytest.mark.parametrize(("language", "text"), sorted(ANSWERS.items()))
def test_the_language_of_an_answer_is_detected(language: str, text: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize(
    "text",
    [
        "",
        "ok",
        "kubectl describe pod, kubectl logs --previous, OOMKilled, CrashLoopBackOff",
        "Use Redis INCR with EXPIRE, or a Lua script: token bucket per tenant.",
    ],
)
def test_short_or_technical_text_is_taken_as_english(text: str) -> None:
    assert detect_language(text) == "en"


def test_stop_words_of_every_supported_language_are_known() -> None:
    assert {"the", "porque", "parce", "weil", "muito", "perché"} <= ALL_STOP_WORDS
