"""PDFs of the awareness test: the results list, result slips, paper variants and their key."""
from .common import Heading, vn_number
from .paper import build_answer_key_pdf, build_variants_pdf
from .results import build_results_pdf
from .slips import build_slips_pdf

__all__ = ["Heading", "build_answer_key_pdf", "build_results_pdf", "build_slips_pdf",
           "build_variants_pdf", "vn_number"]
