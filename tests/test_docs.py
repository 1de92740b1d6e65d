"""The data dictionary stays equal to the schemas it is generated from."""

from pipeline.dictionary import DOC, render


def test_data_dictionary_is_generated_from_the_schemas() -> None:
    assert DOC.read_text() == render(), "run `python -m pipeline.dictionary` and commit the result"
