"""Fixtures of the schema tests: the project's compiled schemas, loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from schema_helpers import SAMPLE, SCHEMA

from teiedit.schema.schematron import Schematron


@pytest.fixture(scope="session")
def p5subset(shared_dir: Path) -> Path:
    return shared_dir / "tei-p5" / "p5subset.xml"


@pytest.fixture(scope="session")
def project_rng() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(SCHEMA / "teiedit.rng")))


@pytest.fixture(scope="session")
def project_xsd() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA / "teiedit.xsd")))


@pytest.fixture(scope="session")
def project_sch() -> Schematron:
    return Schematron(SCHEMA / "teiedit.sch")


@pytest.fixture()
def sample() -> etree._ElementTree:
    return etree.parse(str(SAMPLE))


@pytest.fixture(scope="session")
def tei_all_sch(shared_dir: Path) -> Schematron:
    """The official tei_all ISO Schematron, run through our XSLT-3 runner."""
    return Schematron(shared_dir / "tei-p5" / "tei_all.isosch")
