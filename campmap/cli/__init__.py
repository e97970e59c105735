"""The command line: a thin layer over the Python API.

``main``      the ``campmap`` group and its entry point
``options``   the options several commands share, and the records they build
``console``   warnings, and errors as one clean line
``map``       ``campmap map`` and ``campmap render``
``extract``   ``campmap extract``
``review``    ``campmap review`` and ``campmap diff``
``gazetteer`` ``campmap gazetteer find`` and ``campmap gazetteer import``
"""
