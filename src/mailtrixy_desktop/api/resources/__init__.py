"""One resource object per part of the reference, each a thin layer over ``ApiSession``."""
