"""The ``/api/v1`` endpoints, one module per part of the reference."""
