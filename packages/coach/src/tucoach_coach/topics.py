"""A bank topic id (`query_tuning`) as the words a report writes mid-sentence ("query tuning",
"HTTP and TLS"). The web app's `topicLabel` (frontend/src/lib/reportLabels.ts) writes the same
words as a label, with a capital first letter: its two tables are these two, which
build-support/topic_words_test.py checks."""

from __future__ import annotations

# Words of topic ids that are not written in lower case.
WORDS = {
    "api": "API",
    "bff": "BFF",
    "css": "CSS",
    "dom": "DOM",
    "dora": "DORA",
    "finops": "FinOps",
    "git": "Git",
    "gitops": "GitOps",
    "html": "HTML",
    "http": "HTTP",
    "iam": "IAM",
    "javascript": "JavaScript",
    "kubernetes": "Kubernetes",
    "linux": "Linux",
    "react": "React",
    "rest": "REST",
    "slo": "SLOs",
    "sql": "SQL",
    "ssh": "SSH",
    "ssr": "SSR",
    "terraform": "Terraform",
    "tls": "TLS",
}
# Whole topics whose words are not the id's.
WHOLE_TOPICS = {
    "bff": "backend for frontend (BFF)",
    "build_vs_buy": "build or buy",
    "ci_cd": "CI/CD",
    "http_tls": "HTTP and TLS",
    "i18n": "internationalisation",
    "infra_code_review": "infrastructure code review",
    "micro_frontends": "micro-frontends",
    "multi_region": "multi-region",
    "multi_tenancy": "multi-tenancy",
    "offline_first": "offline-first",
    "on_call": "on-call",
    "tradeoffs": "trade-offs",
}


def topic_words(topic: str) -> str:
    """The topic as words, for the middle of a sentence."""
    return WHOLE_TOPICS.get(topic) or " ".join(WORDS.get(word, word) for word in topic.split("_"))
