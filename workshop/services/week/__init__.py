"""The strategy week: planning main points, days and questions, teams, answers, comments and the morning
meeting.
"""
