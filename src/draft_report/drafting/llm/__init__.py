"""LLM drafting of sections 一 and 五 through any OpenAI-compatible endpoint."""
