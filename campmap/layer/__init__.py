"""Layers: one row per site and route, built from placed mentions, and read back."""
