"""
Reconciliation: matching the names in someone else's list to our companies and plants.

``names`` says how two names compare (folding, legal forms, generic words), ``candidates`` finds
the records worth comparing, ``matcher`` scores them and decides which is a match, and
``service`` answers the Reconciliation Service API 0.2 around them (``sourcing.api.reconcile``
is its view).
"""
