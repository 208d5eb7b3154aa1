"""Plotly figures for the pages; pure functions of DataFrames, no Streamlit."""
