"""From answers to decisions: themes, actions, dot votes, publication, teams' reactions and the words key terms
leave out.
"""
