"""Turn :class:`~campmap.pipeline.options.PlaceOptions` into gazetteer backends."""

from __future__ import annotations

from pathlib import Path

from campmap.errors import OptionError
from campmap.gazetteer import Backend, Gazetteer, default_gazetteer
from campmap.pipeline.options import PlaceOptions

__all__ = ["backends_for", "gazetteer_files", "gazetteer_for", "online_backends"]


def gazetteer_files(options: PlaceOptions) -> tuple[Path, ...]:
    """Return the gazetteer files a run reads: the user's, then the installed regions'.

    Regions installed by ``campmap gazetteer download``
    (:func:`~campmap.gazetteer.installed.installed_files`) come after the
    ``--gazetteer`` files, so a user's own file wins; ``options.installed=False``
    leaves them out.
    """
    if not options.installed:
        return options.gazetteers
    from campmap.gazetteer.installed import installed_files

    return (*options.gazetteers, *installed_files())


def backends_for(options: PlaceOptions) -> list[Backend]:
    """Load the gazetteer files and connect the geocoder the options name, in that order.

    Parameters
    ----------
    options : PlaceOptions
        The files, the geocoder and its settings; the geocoder is biased to
        ``options.region``.

    Returns
    -------
    list of Backend
        One backend per file (:func:`gazetteer_files`: the user's, then the
        installed regions'), then the geocoder (if any); the embedded gazetteer
        is not among them.

    Raises
    ------
    GazetteerError
        A gazetteer file is malformed.
    OptionError
        A geocoder domain or key was given without a geocoder.
    """
    # Each backend's module (and its libraries: osmium, geopy ...) only when asked for,
    # so `campmap gazetteer find` starts quickly.
    backends: list[Backend] = []
    files = gazetteer_files(options)
    if files:
        from campmap.gazetteer import load_gazetteer_file

        backends = [load_gazetteer_file(path) for path in files]
    if options.geocoder is not None:
        from campmap.gazetteer import GeocoderBackend, default_cache_path

        backends.append(
            GeocoderBackend(
                options.geocoder,
                user_agent=options.user_agent,
                domain=options.geocoder_domain,
                api_key=options.geocoder_key,
                scheme=options.geocoder_scheme,
                url=options.geocoder_url,
                cache=options.geocoder_cache or default_cache_path(),
                region=options.region,
                timeout=options.geocoder_timeout,
            )
        )
    elif options.user_agent and (options.geocoder_domain or options.geocoder_key):
        raise OptionError("--geocoder-domain and --geocoder-key need --geocoder SERVICE")
    elif options.geocoder_url:
        raise OptionError("--geocoder-url needs --geocoder SERVICE (nominatim, photon, pelias)")
    return backends


def online_backends(backends: list[Backend]) -> list[Backend]:
    """Return the geocoders among ``backends`` (what a streamed run asks after merging)."""
    from campmap.gazetteer import GeocoderBackend

    return [b for b in backends if isinstance(b, GeocoderBackend)]


def gazetteer_for(options: PlaceOptions) -> Gazetteer:
    """Return the gazetteer the options describe: their backends, then the embedded one."""
    return default_gazetteer(backends_for(options))
