"""Load: the only stage that reads data files. Returns typed records and the problems met."""
