"""The domain of strategy workshops on the four spaces model. Never imports Streamlit."""
