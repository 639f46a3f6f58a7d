"""Tools and benchmarks of the interviews function, run with `./pants run`; never shipped."""
