"""The exception family; each class carries the CLI exit code it maps to."""

from __future__ import annotations


class SummarizerError(Exception):
    """Root of every error the tool reports to a user (one line, no traceback)."""

    exit_code = 1


class NoValidBriefError(SummarizerError):
    """Retries ran out (or validation failed): no valid brief was produced."""

    exit_code = 1

    def __init__(self, message: str, raw_path: str | None = None) -> None:
        super().__init__(message)
        self.raw_path = raw_path


class UsageError(SummarizerError):
    """Bad options or configuration given by the user."""

    exit_code = 2


class ProviderError(SummarizerError):
    """The LLM endpoint failed: network, auth, rate limit after backoff, server error."""

    exit_code = 3

    def __init__(self, message: str, fatal: bool = False) -> None:
        super().__init__(message)
        self.fatal = fatal  # the next article would fail the same way (auth, unreachable)


class InputError(SummarizerError):
    """An input could not be turned into an article: unreadable, empty, binary, too large."""

    exit_code = 4


class UnsupportedLanguageError(SummarizerError):
    """The offline engine has no resources for the article's language (an LLM has)."""

    exit_code = 1
