"""claimcheck: find where news articles contradict each other or themselves."""

__version__ = "0.1.0"
