"""A pledge across its re-issues (CARD-SPEC §6): its cards by as-of date and what changed."""

from pledgecard.history.models import CHANGE_CODES, HistoryChange, PledgeHistory, Reissue

__all__ = ["CHANGE_CODES", "HistoryChange", "PledgeHistory", "Reissue"]
