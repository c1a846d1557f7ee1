"""Plan-quality review (``napctl review``): rules NAP5xx over an index of each valid plan.

A stage after ``query/``: it reads valid plans only. ``index`` computes what
every rule needs once per plan, ``rules`` holds the rules, ``summary`` the
scorecard, ``run`` applies the chosen rules; output is in ``napctl.output.review``
and the configuration in ``napctl.review.config``.
"""
