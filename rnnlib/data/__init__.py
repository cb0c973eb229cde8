"""Data for the course: encoders, generated toy tasks and offline datasets.

Nothing here downloads anything: data is generated with a seed or read from a package
that is installed with the course (the standard library, ``faker``).
"""
