"""Alternative execution engines for ``hending ingest`` (the local engine is ``hending.store.ingest``)."""
