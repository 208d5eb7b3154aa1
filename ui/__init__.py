"""The one place Streamlit meets workshop/: engine, current workshop, role, translation, widgets."""
