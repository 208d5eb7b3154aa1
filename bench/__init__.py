"""The benchmark's Streamlit side: pages measured with AppTest, the real server's memory with a browser.
Run it through `python -m bench`."""
