// Placeholder: the PNNMetrics module is built by its own issue.
