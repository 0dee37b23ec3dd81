"""Batch conversion of whole archives: inputs, isolated workers, resumable results."""

from pledgecard.batch.convert import BatchSummary, ConvertRefused, convert_batch
from pledgecard.batch.inputs import InputItem, collect_inputs

__all__ = ["BatchSummary", "ConvertRefused", "InputItem", "collect_inputs", "convert_batch"]
