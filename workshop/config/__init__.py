"""The configuration files (spaces.yaml, templates, locales): loading and validation."""
