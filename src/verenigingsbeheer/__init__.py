"""Verenigingsbeheer: the administration of a small association in one local file."""

__version__ = "0.1.0"
APP_NAME = "Verenigingsbeheer"
