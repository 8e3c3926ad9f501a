"""The Streamlit explorer: overview, coverage gaps, network, contracts, dual reporting, queries, data."""
