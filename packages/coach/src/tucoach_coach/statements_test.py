"""Negation and dismissal are read per clause: what a clause denies, it does not state."""

from __future__ import annotations

import pytest

from tucoach_coach.language import stems
from tucoach_coach.statements import Clause, analyse, opposes


def _find(text: str, phrase: str) -> tuple[Clause, int, int]:
    wanted = tuple(stems(phrase))
    for sentence in analyse(text):
        for clause in sentence.clauses:
            for start in range(len(clause.stems)):
                if clause.stems[start : start + len(wanted)] == wanted:
                    return clause, start, start + len(wanted)
    raise AssertionError(f"{phrase!r} not found in {text!r}")


def _denied(text: str, phrase: str) -> bool:
    clause, start, end = _find(text, phrase)
    return clause.denies(start, end)


def _contradicted(text: str, phrase: str) -> bool:
    clause, start, end = _find(text, phrase)
    return clause.contradicts(start, end)


DENIED = [
    ("I would not look at distributed traces.", "distributed traces"),
    ("GET, PUT and DELETE are not idempotent.", "idempotent"),
    ("GET, PUT and DELETE are not idempotent.", "put"),
    ("A profiler or flame graph isn't worth it in production.", "flame graph"),
    ("There is no need to add an index here.", "add an index"),
    ("Distributed tracing is overkill for this service.", "distributed tracing"),
    ("Feature flags are an anti-pattern.", "feature flags"),
    ("You never need a retry with backoff.", "retry with backoff"),
    ("We don't use connection pooling.", "connection pooling"),
    ("On call we ignore the p99 latency of the checkout.", "p99 latency"),
    ("I wouldn't bother with canary releases.", "canary releases"),
    ("I would use polling instead of webhooks.", "webhooks"),
    ("Avoid optimistic locking here.", "optimistic locking"),
    ("Ship it without a rollback plan.", "rollback plan"),
    ("Write tests rather than code reviews.", "code reviews"),
    ("Dates are formatted with the Intl APIs, never hand-formatted.", "hand-formatted"),
    ("Caching is unnecessary, the database is fast enough.", "caching"),
    ("That means removing unnecessary indexes, archiving and vertical scaling.", "indexes"),
    ("Tracing is an unnecessary cost.", "tracing"),
    ("The index does not help range queries.", "range queries"),
    ("It cannot be cached by the CDN.", "cached by the cdn"),
    ("Unlike a token bucket, the fixed window is simple.", "token bucket"),
    ("Retry only transient failures, and never client errors.", "client errors"),
    ("Skip the re-render of the list when nothing changed.", "re-render of the list"),
]

STATED = [
    ("We retry with exponential backoff, but we do not retry on 4xx.", "exponential backoff"),
    ("I would use polling instead of webhooks.", "polling"),
    ("Not only logs but also traces matter.", "traces"),
    ("Use an outbox, no matter how small the service is.", "outbox"),
    ("If the cache is cold, we read from the replica.", "read from the replica"),
    ("Customers who never ordered are found with a left join.", "left join"),
    ("Decisions that are not mechanical get written down as ADRs.", "written down as adrs"),
    ("To avoid a round trip per request, batch the counters locally.", "batch the counters"),
    ("Dates are formatted with the Intl APIs, never hand-formatted.", "intl apis"),
    ("An alternative is NOT EXISTS with a correlated subquery.", "correlated subquery"),
    ("The tests failed, so we rolled back the deploy quickly.", "rolled back the deploy"),
    ("We use a CDN; nothing else is needed for static assets.", "cdn"),
    (
        "It retries errors that are likely temporary, and doesn't retry client errors.",
        "likely temporary",
    ),
    ("Ordering is not guaranteed, or only within a partition.", "within a partition"),
    ("A dependency we never declared directly broke the build.", "broke the build"),
    ("A latest tag let it grab a release, maybe a transitive one we never declared.", "latest tag"),
    ("Rather than a nightly batch, we stream changes to the warehouse.", "stream changes"),
    ("Instead of polling the API, we subscribe to its webhooks.", "subscribe to its webhooks"),
    ("I name an incident commander if that isn't me.", "incident commander"),
    (
        "React.memo lets a component skip a re-render when a shallow comparison finds its "
        "props unchanged.",
        "shallow comparison",
    ),
    (
        "Retry only transient failures like resets, timeouts, 429 or 503, and never client errors.",
        "transient failures",
    ),
    ("GET and HEAD are safe: they shouldn't change state.", "should not change state"),
    # A dismissive adjective before its noun dismisses the noun, not the rest of the list.
    (
        "That means removing unnecessary indexes, archiving and vertical scaling.",
        "vertical scaling",
    ),
    # A verb negation turns a later "without" around: the announcing is asked for.
    ("People shouldn't make changes without announcing them.", "announcing"),
    # A negation inside what a verb reports denies nothing before the verb.
    ("Tokenization means most services never see card numbers.", "tokenization"),
    ("Users see a banner saying a section isn't available.", "banner"),
    # ", or holds only X" is a contrast of its own.
    ("Ordering isn't guaranteed, or holds only inside a FIFO group.", "fifo group"),
    # A negation in one item of a list of actions does not reach the next item.
    (
        "Add indexes so updates do not lock extra rows, and being careful with gap locks.",
        "gap locks",
    ),
]


@pytest.mark.parametrize(("text", "phrase"), DENIED, ids=[t for t, _ in DENIED])
def test_a_phrase_under_a_negation_or_dismissal_is_denied(text: str, phrase: str) -> None:
    assert _denied(text, phrase)


@pytest.mark.parametrize(("text", "phrase"), STATED, ids=[t for t, _ in STATED])
def test_a_phrase_outside_the_negations_scope_is_stated(text: str, phrase: str) -> None:
    assert not _denied(text, phrase)


def test_a_negation_inside_the_phrase_is_part_of_what_it_says() -> None:
    clause, start, end = _find(
        "Snapshot isolation sees no write conflict here.", "no write conflict"
    )
    assert not clause.denies(start, end)


def test_a_negation_contradicts_the_items_of_a_list_before_it_but_only_denies_a_clause() -> None:
    listed = "Idle environments, unattached volumes, old snapshots are never the culprits."
    assert _contradicted(listed, "unattached volumes")
    unseen_verb = (
        "Field RUM data attributed by release, team and route catches regressions lab tests "
        "don't see."
    )
    assert _denied(unseen_verb, "field rum data")
    assert not _contradicted(unseen_verb, "field rum data")
    # A purpose opening the sentence is no item of a list
    purpose = "To shrink PCI scope, data sits apart, and services never see card numbers."
    assert not _contradicted(purpose, "pci scope")


def test_a_negated_condition_denies_its_words_without_contradicting_them() -> None:
    # A condition states nothing as a fact; negated, it does not state its words either
    for text, phrase in [
        ("I would test whether the existing stack cannot do the job.", "existing stack"),
        ("If the element type does not change, React keeps the subtree.", "element type"),
    ]:
        assert _denied(text, phrase)
        assert not _contradicted(text, phrase)


def test_a_noun_negation_denies_without_contradicting() -> None:
    # "no clear owner" names what is missing; it is not a claim against owners
    text = "Alerts with no clear owner get deleted."
    assert _denied(text, "clear owner")
    assert not _contradicted(text, "clear owner")


def test_a_condition_states_nothing_as_a_fact() -> None:
    text = "If the service does not drain connections, requests fail."
    assert not _contradicted(text, "drain connections")


def test_a_misconception_named_for_its_harm_is_criticised_not_stated() -> None:
    (sentence,) = analyse("String concatenation breaks word order in other languages.")
    assert sentence.criticises(0, 2)
    (sentence,) = analyse("String concatenation is how we build every message.")
    assert not sentence.criticises(0, 2)


def test_a_supposition_weighs_an_idea_without_recommending_it() -> None:
    clause, _, end = _find("Returning 500 for bad input would page someone.", "500 for bad input")
    assert clause.supposes(end)


def test_sentences_without_a_function_word_are_not_statements() -> None:
    (fragment,) = analyse("Kubectl describe pod events.")
    (statement,) = analyse("Run kubectl describe on the pod.")
    assert not fragment.is_statement
    assert statement.is_statement


def test_a_clause_saying_the_other_side_of_a_pair_opposes_it() -> None:
    # Given a point that states one side ("before") and answers that say the other, or both
    swapped = analyse("The migration runs after the new code is deployed.")[0].stems
    both = analyse("The migration runs before the deploy, and cleanup runs after it.")[0].stems
    # Then only the answer saying the other side alone opposes it
    assert opposes(frozenset(stems("before")), swapped)
    assert not opposes(frozenset(stems("before")), both)
    assert opposes(frozenset(stems("use")), analyse("Crawlers avoid the sitemap.")[0].stems)


def test_a_noun_negation_between_the_words_of_a_gapped_match_negates_it() -> None:
    # Given "stores on disk" said with "nothing" between its words, and said plainly
    (negated,) = analyse("The cache stores nothing on disk.")[0].clauses
    (plain,) = analyse("The cache stores its entries on disk.")[0].clauses
    # Then the negation between them negates the match, a plain word does not
    assert negated.negates_between(2, 6)
    assert not plain.negates_between(2, 7)


def test_every_word_of_a_clause_knows_its_place_in_the_analysed_text() -> None:
    # Given an answer of two sentences, the second with a contraction and odd spacing
    text = "Reads are fast.\n\n  It isn't  cached, so reads are slow."
    # When it is analysed
    first, second = analyse(text)
    # Then each clause's words are where the text says them, a contraction whole
    assert [[text[a:b] for a, b in c.spans] for c in second.clauses] == [
        ["It", "isn't", "isn't", "cached"],
        ["so", "reads", "are", "slow"],
    ]
    assert [text[a:b] for a, b in first.clauses[0].spans] == ["Reads", "are", "fast"]
