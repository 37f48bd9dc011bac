"""Callbacks, one module per feature; each module's `register(app, data)` wires it up."""
