from draft_report.models.tables import Tables
from draft_report.tables import layout as L
from draft_report.tables.grid import all_grids


def test_cell_counts_match_the_official_format() -> None:
    assert len(L.t2_cells()) == 10
    assert len(L.T3_ROWS) == 25 and len(L.T3_COLUMNS) == 7
    assert len(L.T3_RESULT_ROWS) == 21
    assert len(L.t4_cells()) == 15
    assert len(Tables().cells()) == 200


def test_grids_are_rectangular() -> None:
    """Every grid row covers the full width once row spans from above are counted."""
    for grid in all_grids(Tables().get):
        covered = [0] * len(grid.rows)
        for i, row in enumerate(grid.rows):
            for cell in row:
                for k in range(i, i + cell.rowspan):
                    covered[k] += cell.colspan
        assert covered == [grid.width] * len(grid.rows), grid.table
