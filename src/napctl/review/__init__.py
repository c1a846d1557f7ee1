"""Plan-quality review (``napctl review``): rules NAP5xx over an index of each valid plan.

A stage after ``plans/``: it reads valid plans only. ``index`` computes what
every rule needs once per plan, ``rules`` holds the rules (registered in the
one rule registry, ``napctl.checks.registry``, as the set "plan review"),
``summary`` the scorecard, ``run`` applies the chosen rules and gives their
findings as ``Problem``s; output is in ``napctl.output.review`` (over the
reporters of ``napctl.output.problems``) and the configuration in
``napctl.review.config``.
"""
