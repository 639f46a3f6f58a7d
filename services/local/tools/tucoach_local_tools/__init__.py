"""Tools of the local server, run with `./pants run`; never shipped."""
