import pytest

from dangbo.inspection.testing import make_inspector


@pytest.fixture
def inspector(tree):
    """Inspection staff of the province (ủy ban kiểm tra tỉnh ủy)."""
    return make_inspector("kiemtra_tinh", tree.province)


@pytest.fixture
def inspector_b(tree):
    """Inspection staff of ward B only."""
    return make_inspector("kiemtra_phuong_b", tree.commune_b)
