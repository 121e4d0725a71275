"""Resolve: findings -> entities, roles and pseudonyms -> a replacement plan, applied with presidio-anonymizer."""

from redact.resolve.apply import apply_plan
from redact.resolve.model import Action, Entity, KeptSpan, Mention, Plan, Replacement
from redact.resolve.resolver import resolve

__all__ = ["Action", "Entity", "KeptSpan", "Mention", "Plan", "Replacement", "apply_plan", "resolve"]
