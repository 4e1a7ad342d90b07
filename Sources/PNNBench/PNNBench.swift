// Placeholder: the PNNBench module is built by its own issue.
