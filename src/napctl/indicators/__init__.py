"""Indicator series: values per year from progress files, against baselines and targets.

Plain functions over models: ``series`` and ``combine`` build each indicator's
series from a plan and its progress reports, ``status`` computes the progress
status by the method Open SDG uses (Statistics Canada's), ``crosswalk`` maps a
plan onto the UN and EU indicator sets (read by ``napctl.checks.frameworks``),
``opendata`` writes a Frictionless data package and Open SDG's CSVs. See
docs/indicators.md.
"""
