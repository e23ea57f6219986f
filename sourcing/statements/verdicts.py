"""What the checker answers: stated, not stated, or cannot tell by machine, and why."""

from dataclasses import dataclass

STATED = "stated"
NOT_STATED = "not_stated"
CANNOT_TELL = "cannot_tell"

# Best first: a value that several readings of a passage give is stated if any states it.
STRENGTH = {STATED: 0, CANNOT_TELL: 1, NOT_STATED: 2}


@dataclass(frozen=True)
class Verdict:
    status: str
    reason: str

    @property
    def stated(self):
        return self.status == STATED


def stated(reason):
    return Verdict(STATED, reason)


def not_stated(reason):
    return Verdict(NOT_STATED, reason)


def cannot_tell(reason):
    return Verdict(CANNOT_TELL, reason)


def best(verdicts):
    """The strongest of ``verdicts`` (see STRENGTH)."""
    return min(verdicts, key=lambda verdict: STRENGTH[verdict.status])
