"""Pydantic models: table models, input data, and the report document."""
