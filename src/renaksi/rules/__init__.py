"""The rules: a registry (:mod:`renaksi.rules.registry`), one module per rule family named
for its rule-name prefix, and the check that runs them (:mod:`renaksi.rules.check`)."""
