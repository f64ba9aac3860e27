"""The "Overview" section (Tổng quan): the unit's figures at a glance; at the province, its
districts' figures."""


def overview_page(ctx, parent=None):
    """The section's page: the districts' figures at the province, the unit's own elsewhere."""
    profile = ctx.profile
    if profile is not None and profile.is_province:
        from .province import ProvinceOverviewPage

        return ProvinceOverviewPage(ctx, parent)
    from .page import OverviewPage

    return OverviewPage(ctx, parent)


def preload(*, province: bool = False) -> None:
    """Import the page's modules (app.preload_main_window runs this on its own thread while the
    password is typed): the province's overview at the province, the unit's own elsewhere."""
    if province:
        from . import province as _province  # noqa: F401
    else:
        from . import page  # noqa: F401
