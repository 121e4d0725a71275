"""Initials that key a name: the letters minutes and case notes write for a person."""

from __future__ import annotations


def keys_the_name(key: str, name: str) -> bool:
    """ "PRow" for Paul Rowntree, "KMcA" for Kirsty McAllister, "BW" for Bethany Ward: the key's capitals are the
    name's, and its small letters follow on in the name."""
    capitals = [c for c in name if c.isupper()]
    if [c for c in key if c.isupper()] != capitals or len(capitals) < 2:
        return False
    rest = iter(name)
    return all(letter in rest for letter in key)  # the key is spelled in order out of the name
