"""The interviews Lambda function of TuCoach AI: the REST API over the coach and the table."""

__version__ = "0.2.0"
