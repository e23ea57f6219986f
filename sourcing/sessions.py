"""Django's database sessions, refusing a session cookie that no session key could be."""

from django.contrib.sessions.backends import db
from django.contrib.sessions.backends.base import VALID_KEY_CHARS


class SessionStore(db.SessionStore):
    """
    A cookie holding characters Django never puts in a session key (a NUL byte, say) is no
    session, as an unknown key is: the visitor is anonymous. Django's own store sent it to the
    database, where PostgreSQL refuses NUL in text with an error: a 500 on every page.
    """

    def _validate_session_key(self, key):
        return super()._validate_session_key(key) and set(key) <= set(VALID_KEY_CHARS)
