"""The official tables: layout (one definition), identities, printed grids."""
