"""Partners and proposals: the partner register, teams' partner proposals, proposals to the library and their
screening.
"""
