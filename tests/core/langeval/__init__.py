"""Evaluation sets for attribution in Arabic, Persian, Urdu, French and Russian (issue 16)."""
