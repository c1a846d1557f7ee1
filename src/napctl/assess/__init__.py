"""Civil society's own assessment, kept beside the government's progress and compared with it.

``ratings.py`` puts each organisation's ratings beside the actions; ``compare.py``
finds where a rating and the government's combined status disagree, by the one
mapping of ``napctl.model.scales``, and scores each pillar; ``init.py`` writes a
new assessment file to fill in. Nothing here changes a government status.
"""
