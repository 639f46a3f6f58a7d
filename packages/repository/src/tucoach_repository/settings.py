"""How to reach the table. The caller builds these (from its environment, say); this package
reads no environment variables itself."""

from pydantic import BaseModel, ConfigDict, Field


class RepositorySettings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    table_name: str = Field(min_length=3, max_length=255, pattern=r"^[A-Za-z0-9_.-]+$")
    region: str = Field(min_length=1)
    endpoint_url: str | None = Field(
        default=None, description="Another endpoint than AWS's, e.g. DynamoDB Local."
    )
    connect_timeout_seconds: float = Field(default=1.0, gt=0)
    read_timeout_seconds: float = Field(default=3.0, gt=0)
    max_attempts: int = Field(
        default=4,
        ge=1,
        le=10,
        description="Attempts per request, the first included; throttled requests are retried "
        "with exponential backoff and jitter (botocore's standard retry mode).",
    )
    folded_interviews: int = Field(
        default=64,
        ge=0,
        description="Interviews kept folded at the latest version read, so reading one again "
        "reads only what is newer (folded.py); the least recently read is forgotten first.",
    )
