"""Monitoring: the capaian and serapan formulas and the state of a plan at the end of a quarter."""
