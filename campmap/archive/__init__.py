"""Archive runs: reports streamed in batches over processes, checkpointed, merged."""
