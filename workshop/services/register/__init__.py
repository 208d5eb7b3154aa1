"""The library's register: offers and their import, a partner's stages in the network circle, assets, the
teams' mapping and its review, the decision on a team's proposal, the profile, strengths against priorities,
and comparing years.
"""
