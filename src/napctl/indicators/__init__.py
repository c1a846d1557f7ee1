"""Indicator series: values per year from progress files, against baselines and targets.

Plain functions over models: ``series`` builds each indicator's series from a plan
and its progress reports, ``status`` computes the progress status by the method
Open SDG uses (Statistics Canada's), ``frameworks`` reads the UN and EU indicator
sets shipped with napctl. See docs/indicators.md.
"""
