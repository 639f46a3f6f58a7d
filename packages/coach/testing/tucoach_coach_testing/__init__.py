"""Test support of the coach, never in the wheel: the data the LLM engines' tests share, and a
stand-in OpenAI-compatible server (`openai_stand_in`) that this package's and the services' tests
run, and that also runs on its own to try `bin/run --coach openai` without a model."""
