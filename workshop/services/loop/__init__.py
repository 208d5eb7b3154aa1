"""From answers to decisions: themes, actions, dot votes, publication and teams' reactions."""
