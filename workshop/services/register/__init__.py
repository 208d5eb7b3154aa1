"""The library's register: offers and their import and export, assets, the teams' mapping and its review, the
profile, strengths against priorities, and comparing years.
"""
