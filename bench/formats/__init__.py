"""The format benchmark's parts: what is timed (``contenders``, ``kordoc``), how (``timing``) and
what is printed (``report``); ``bench/bench_formats.py`` runs them."""
