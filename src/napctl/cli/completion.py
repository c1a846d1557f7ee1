"""Shell completion of department codes and plan ids, from the plans found as usual.

Typer calls these while the user presses Tab: they must never print, never fail
and stay fast (the query cache answers after the first run).
"""

from __future__ import annotations

from typing import Any


def _plans(ctx: Any) -> list[Any]:
    from napctl.load.corpus import load_corpus  # lazy: start-up

    named = (ctx.params.get("plans") if ctx is not None else None) or []
    try:
        corpus = load_corpus(list(named), use_cache=True)
    except Exception:  # completion must never break the user's shell
        return []
    return [p.plan for p in corpus.plans]


def complete_plan(ctx: Any, incomplete: str) -> list[str]:
    """Plan ids starting with what was typed (case aside)."""
    typed = incomplete.casefold()
    return [p.id for p in _plans(ctx) if p.id.casefold().startswith(typed)]


def complete_actor(ctx: Any, incomplete: str) -> list[str]:
    """Department codes (of the --plan given, else of every plan) starting with what was
    typed, case and accents aside; each code once."""
    from napctl.model.names import fold  # lazy: start-up

    plan_id = ctx.params.get("plan") if ctx is not None else None
    typed = fold(incomplete)
    codes: list[str] = []
    for plan in _plans(ctx):
        if plan_id and plan.id != plan_id:
            continue
        for dept in plan.departments:
            if fold(dept.code).startswith(typed) and dept.code not in codes:
                codes.append(dept.code)
    return codes
