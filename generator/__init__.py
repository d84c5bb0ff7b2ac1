"""mtreport: findings (YAML) in, a report in the series' house style out."""

__version__ = "0.1.0"
