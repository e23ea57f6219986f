"""
Who is changing the data right now, and which rows one change has already recorded.

The rules that follow a save (a part's change is its record's change; a verified record changed
by someone who may not verify goes back to review) need to know who saves. Model methods have
no request, so the writer is a context variable: the request middleware sets it to the request's
user, the ``seed`` command to a trusted writer, and with nobody set (the shell, a script) every
change counts as unreviewed.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Actor:
    """The user changing data (None: nobody known); ``trusted``: writes already reviewed data."""

    user: object = None
    trusted: bool = False

    def may_verify(self, model):
        return self.trusted or (self.user is not None and may_verify(self.user, model))


NOBODY = Actor()
_actor = ContextVar("sourcing_actor", default=NOBODY)


def may_verify(user, model):
    """Whether ``user`` may mark records of ``model`` verified (``verify_<model>``)."""
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.verify_{opts.model_name}")


def current_actor():
    return _actor.get()


@contextmanager
def editing_as(user, trusted=False):
    """
    Changes made inside are ``user``'s: the middleware wraps every request in this, and commands
    that write reviewed data (``seed``) use ``editing_as(None, trusted=True)``.
    """
    token = _actor.set(Actor(user, trusted))
    try:
        yield
    finally:
        _actor.reset(token)


@dataclass
class ChangeBatch:
    """Rows whose change one save (an admin page: a record and its inline parts) has recorded."""

    recorded: set = field(default_factory=set)

    def claim(self, row):
        """True the first time ``row`` is claimed in this batch: its change is still to record."""
        key = (row._meta.label, row.pk)
        if key in self.recorded:
            return False
        self.recorded.add(key)
        return True


_batch = ContextVar("sourcing_change_batch", default=None)


@contextmanager
def one_change():
    """
    Saves inside count as one change of each row they touch: a record saved with five inline
    parts moves on one version and writes one history entry, not six.
    """
    if _batch.get() is not None:
        yield  # already inside one: the outer change is the one recorded
        return
    token = _batch.set(ChangeBatch())
    try:
        yield
    finally:
        _batch.reset(token)


def first_change_of(row):
    """Whether ``row``'s change is still to record (always, outside ``one_change``)."""
    batch = _batch.get()
    return batch is None or batch.claim(row)
