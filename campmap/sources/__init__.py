"""Reading reports: find inputs, decode, clean, split into sentences."""
