"""Evaluation sets for attribution and parties on real-style reporting (issue 14)."""
