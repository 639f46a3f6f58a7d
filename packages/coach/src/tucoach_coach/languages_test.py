from __future__ import annotations

import pytest

from tucoach_coach.bank import load_bank
from tucoach_coach.languages import (
    ALL_STOP_WORDS,
    FUNCTION_WORDS,
    LANGUAGE_NAMES,
    detect_language,
    language_name,
)
from tucoach_coach_tools.evaluate import labeled_half

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


def test_every_answer_of_the_development_set_reads_as_the_language_it_was_written_in() -> None:
    # Given the strict interviewer's development half: English answers of every kind (strong,
    # partial, wrong, negated, another question's) and strong answers written in Spanish
    answers = labeled_half("dev")
    # When their language is detected
    misread = [
        (a.question_id, a.kind)
        for a in answers
        if detect_language(a.answer) != ("es" if a.kind == "spanish" else "en")
    ]
    # Then none is misread, and both languages were really there
    assert not misread
    assert {a.kind == "spanish" for a in answers} == {True, False}


def test_every_model_answer_of_the_bank_reads_as_english() -> None:
    # Dense with technical terms and short function words ("a", "o", "e" are Portuguese too)
    assert [q.id for q in load_bank() if detect_language(q.model_answer) != "en"] == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "es",
            "Usaría Redis con INCR y EXPIRE por cada tenant, o un token bucket en un script "
            "Lua, porque así el contador es atómico y no hay condiciones de carrera entre las "
            "réplicas del API Gateway.",
        ),
        (
            "de",
            "Ich würde zuerst kubectl describe pod und kubectl logs --previous ausführen, "
            "weil der Container mit OOMKilled oder CrashLoopBackOff neu startet und die "
            "Events den Grund zeigen.",
        ),
    ],
)
def test_an_answer_full_of_english_terms_reads_as_the_language_of_its_sentences(
    language: str, text: str
) -> None:
    assert detect_language(text) == language


def test_an_english_answer_quoting_another_language_reads_as_english() -> None:
    text = (
        "The error said 'la conexión fue rechazada', which means connection refused: nothing "
        "was listening on the port, so I would check the process and its bind address first."
    )
    assert detect_language(text) == "en"


def test_every_detected_language_has_a_name_and_an_unknown_code_is_named_as_such() -> None:
    assert set(FUNCTION_WORDS) | {"en"} <= set(LANGUAGE_NAMES)
    assert language_name("es") == "Spanish"
    assert language_name("sv") == "the language coded 'sv'"
    assert language_name(None) == "another language"


@pytest.mark.parametrize("language", sorted(FUNCTION_WORDS))
def test_the_stop_words_of_every_detected_language_are_known(language: str) -> None:
    assert FUNCTION_WORDS[language] <= ALL_STOP_WORDS
    assert {"the", "porque", "parce", "weil", "muito", "perché"} <= ALL_STOP_WORDS
