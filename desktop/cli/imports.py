"""How every import command ends, by one policy (`desktop.models.import_policy`): the same words,
`--accept-good`, `--dry-run` and exit codes for staff lists and question files."""
from __future__ import annotations

from desktop.models import import_policy

from .context import CliContext, CliError, emit


def add_import_flags(p, *, unit: str) -> None:
    p.add_argument("--dry-run", action="store_true",
                   help="chỉ xem trước, không ghi gì (mã thoát như khi nhập thật)")
    p.add_argument(import_policy.ACCEPT_GOOD_OPTION, dest="accept_good", action="store_true",
                   help=f"tệp có {unit} lỗi: vẫn nhập các {unit} tốt, bỏ các {unit} lỗi")


def finish(ctx: CliContext, *, good: int, bad: int, unit: str, dry_run: bool, accept_good: bool,
           payload: dict, lines: list[str], problems: list[str]) -> int:
    """Print the result (stdout; a refusal on stderr) and return the exit code. `lines` say what
    happened, `problems` list the refused rows ("  Dòng 5: …")."""
    outcome = import_policy.Outcome(good, bad, accept_good)
    payload = {**payload, "refused": outcome.refused, "exit_code": outcome.exit_code}
    text = list(lines)
    if dry_run:
        text.append(import_policy.dry_run_text(bad, unit, accept_good) if good or bad else
                    import_policy.nothing_text(unit))
    elif outcome.refused:
        text.append(import_policy.refused_text(bad, unit) if bad else
                    import_policy.nothing_text(unit))
    elif bad:
        text.append(import_policy.accepted_text(bad, unit))
    text += problems
    if outcome.refused and not dry_run:
        raise CliError("\n".join(text), payload=payload)
    emit(ctx, payload, "\n".join(text))
    return outcome.exit_code
