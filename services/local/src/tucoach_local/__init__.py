"""TuCoach AI on one laptop: the API behind an API Gateway-shaped front, a local OpenID Connect
sign-in, DynamoDB Local, and the web app, on one origin."""

__version__ = "0.1.0"
