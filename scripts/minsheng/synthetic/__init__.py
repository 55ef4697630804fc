"""Generated data: the shipped sample months (`sample`) and synthetic data of any size (`synth`), marked as such."""
