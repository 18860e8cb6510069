"""The window's frame: start and unlock, first run, main window, settings, the app context, the
background worker, translations and the idle lock."""
