"""Seeded experiments the chapters run and the tests re-run with other seeds."""
