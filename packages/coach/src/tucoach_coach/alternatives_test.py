"""A fact names one member of a closed set: another member in its place makes it wrong."""

from __future__ import annotations

from tucoach_coach.alternatives import ALTERNATIVES, named, subjects, variants, wrong_subject
from tucoach_coach.language import stems


def _set(name: str) -> int:
    return next(i for i, a in enumerate(ALTERNATIVES) if a.name == name)


def test_a_phrasing_naming_a_member_has_a_variant_for_each_other_member() -> None:
    # Given a phrasing that names an isolation level
    found = {v.text: (v.said, v.right) for v in variants("defaults to read committed")}
    # Then each other level in its place is a variant, with what it says and what is right
    assert found["defaults to serializable"] == ("serializable", "read committed")
    assert "defaults to repeatable read" in found
    assert len(found) == 3
    # And a phrasing that names no member has none
    assert variants("fresh snapshot") == []


def test_a_subject_is_the_member_that_opens_the_part_of_the_statement() -> None:
    probe = _set("probe")
    # "A failing liveness probe makes the kubelet restart the container": liveness opens it
    found = subjects(stems("A failing liveness probe makes the kubelet restart"), stems("kills"))
    assert {(s.set_index, s.shown) for s in found} == {(probe, "liveness")}
    # A member deep in the statement is no subject ("checking dependencies in liveness")
    assert not subjects(stems("Checking dependencies in liveness probes"), stems("restart loop"))
    # Nor one the phrasing names itself
    assert not subjects(stems("A liveness probe restarts"), stems("liveness probe fails"))


def test_a_sentence_opening_with_another_member_says_the_fact_of_the_wrong_subject() -> None:
    probe = _set("probe")
    (liveness,) = subjects(stems("A failing liveness probe restarts it"), stems("kills"))

    def clauses(*texts: str) -> list[list[str]]:
        return [stems(t) for t in texts]

    # When a readiness probe fails, the kubelet kills the container: the wrong probe
    said = wrong_subject(liveness, clauses("when a readiness probe fails", "the kubelet kills"))
    assert said == "readiness"
    # Naming the right one anywhere in the sentence, or the other one only deep in a clause,
    # is no swap
    assert wrong_subject(liveness, clauses("unlike readiness", "a liveness probe kills")) is None
    assert wrong_subject(liveness, clauses("it kills the container unlike readiness")) is None
    assert named(probe, stems("the startup probe and readiness")) == {1, 2}
