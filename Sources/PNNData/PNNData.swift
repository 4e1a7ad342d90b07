// Placeholder: the PNNData module is built by its own issue.
