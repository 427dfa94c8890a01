"""Loading the data file and its activity logs: ``load_dataset(path) -> Dataset``."""

from draft_report.loading.dataset import Dataset, load_dataset

__all__ = ["Dataset", "load_dataset"]
