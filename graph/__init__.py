"""The partygraph model and its database backends."""
