"""Input handling and the Cypher loaders: files in, validated, into the graph."""
