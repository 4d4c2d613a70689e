"""Errors whose message is a sentence a journalist can read.

Anything raised as a ``CounterclaimError`` is shown to the user as it is; anything
else is a bug and is reported as one, never as a bare traceback.
"""


class CounterclaimError(Exception):
    """A refusal the user should read: the message is the whole explanation."""


class ImportRefused(CounterclaimError):
    """A file could not be imported; the project is unchanged."""


class ProjectError(CounterclaimError):
    """The project file cannot be opened or written as asked."""


class DamagedProject(ProjectError):
    """The file is not a readable Counterclaim project: damaged, truncated or something else."""


class ForeignProject(ProjectError):
    """The file carries parts (triggers, views, tables, indexes) Counterclaim did not write."""
