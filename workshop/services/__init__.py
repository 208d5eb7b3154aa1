"""The use cases, the only callers of the store, in layers listed here from the bottom up: each one imports
only from itself and the layers listed before it, never from one after it. tests/test_code_style.py holds this
order; a lower layer that needs a higher one's function means the function belongs lower down: move it.

rows.py        Rows: a workshop's rows read and written in one place (the workshop filter, NotFound)
history.py     the record of who changed what, written in the change's own transaction by the layers after it
access/        who may do what: team codes, passcodes, the owner, role sessions, single sign-on
workshops/     one workshop itself: create, edit, list, delete, its teams, the words key terms leave out
week/          the strategy week: planning, days, questions, teams, answers, voices, comments, the morning
loop/          from answers to decisions: themes, actions, votes, publication, teams' reactions
register/      the library's register: offers, partners' stages, assets, mapping, profile, strengths, years
partnership/   partners and proposals: the partner register, partner proposals, proposals, screening
privacy/       personal data: one person found, handed over or erased; each workshop's retention
whole/         what spans the features: demo, carry-over, backup, export, reports, register files, overview,
               the guide
"""
