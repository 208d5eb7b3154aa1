"""The performance benchmark: synthetic workshops at three sizes, the floor of every page, the
services' timings, and the budgets they are held to. `python -m workshop.bench --help`.

The parts that drive Streamlit (AppTest, the real server) live in the top-level bench/ package, so
that nothing in workshop/ imports Streamlit."""
