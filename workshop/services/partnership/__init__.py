"""Partners and proposals: the partner register and its history, teams' partner proposals, proposals to the
library and their screening.
"""
