"""`flash-reader audit`: the deployment's own pages sampled and tested the WAIC way.

Plain logic here (the sample, the WAIC method of each criterion, the human record, the claim);
running a browser lives in flash_reader/audit/run.py and needs the `audit` extra. Serving
imports none of this package's browser parts.
"""
