"""The strategy week: planning main points, days and questions, teams, answers, comments, the morning meeting and
leadership's overview.
"""
