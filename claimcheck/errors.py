"""Domain errors. The library raises them; only the CLI turns them into messages and exit codes."""


class ClaimcheckError(Exception):
    """Base class: the message is written for the user."""


class ModelNotInstalled(ClaimcheckError):
    pass


class NothingToScan(ClaimcheckError):
    pass


class InputNotFound(ClaimcheckError):
    pass


class ConfigError(ClaimcheckError):
    """A configuration file that cannot be used: the message names the file and the key."""


class BadBaseline(ClaimcheckError):
    pass


class UnknownFinding(ClaimcheckError):
    pass


class UnreadableText(ClaimcheckError):
    """A text the pipeline could not take (the `dates` command reads one file, so it cannot skip it)."""


class StoreUnusable(ClaimcheckError):
    """A store file `claimcheck index` was asked to write and cannot (a scan's cache is only a warning)."""


class EngineUnavailable(ClaimcheckError):
    """--engine dask cannot run: dask is not installed, no scheduler answers, or its workers lack claimcheck."""
