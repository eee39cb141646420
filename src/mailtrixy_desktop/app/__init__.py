"""``app``: the composition root.

Command line, settings, keyring, the event loop, and the wiring of the layers
below. Also the demo mode, which runs the bundled sandbox as a child process.
"""
