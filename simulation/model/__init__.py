"""The SimPy model of a B2B sales organisation, one module per mechanism."""
