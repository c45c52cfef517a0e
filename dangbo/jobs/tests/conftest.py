import pytest


@pytest.fixture(autouse=True)
def job_files_in_a_temporary_directory(settings, tmp_path):
    """Uploads a test leaves queued and the files exports write stay out of the working tree."""
    settings.VAR_DIR = tmp_path
