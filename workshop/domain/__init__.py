"""Pure rules of the four spaces model and the strategy week: models, errors, scoring, consolidation, gaps,
key terms, suggestions. Imports neither the store nor services."""
