//! Integration tests for token-models.
