"""The query catalogue (named, parameterised Cypher) and the networkx analytics."""
