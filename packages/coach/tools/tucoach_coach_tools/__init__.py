"""The coach's tools, run with `./pants run <path>.py`, never in the wheel: the calibration suite,
the evaluation harness with its labeled answers and synthetic probes, and the benchmark."""
